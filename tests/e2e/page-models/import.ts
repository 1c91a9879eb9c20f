import type { Locator, Page } from '@playwright/test';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 从 Excel 导入 on a roster tab (a contest's 报名 or a class's 学员): the file, the dry run, the confirmation. */
export class ImportDialogModel {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /** Rows imported anyway with a bad cell left empty (amber). */
  get warningRows(): Locator {
    return this.page.getByTestId('import-warning-row');
  }

  /** Rows refused (red). */
  get errorRows(): Locator {
    return this.page.getByTestId('import-error-row');
  }

  get result(): Locator {
    return this.page.getByTestId('import-result');
  }

  /** Opens the dialog with `bytes` as the chosen file; the dry run follows by itself. */
  async choose(name: string, bytes: Uint8Array): Promise<void> {
    await this.pick(name, bytes);
    await this.page.getByTestId('import-summary').waitFor();
  }

  /** Opens the dialog with `bytes` as the chosen file, without waiting for a summary (the host may refuse it). */
  async pick(name: string, bytes: Uint8Array): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByTestId('import-open').click();
    await (await chooser).setFiles({ name, mimeType: xlsxType, buffer: Buffer.from(bytes) });
  }

  async confirm(): Promise<void> {
    await this.page.getByTestId('import-confirm').click();
    await this.result.waitFor();
  }

  /** A table's rows as the cells read: [行号, 表头, 问题]. */
  async rowsOf(rows: Locator): Promise<string[][]> {
    return rows.evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.innerText)));
  }
}
