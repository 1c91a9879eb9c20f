import type { Download, Locator, Page } from '@playwright/test';

/** The 文档与导出 tab of a contest's event page: each button is a download. */
export class DocumentsTabModel {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('tab-documents').click();
    await this.panel.waitFor();
  }

  get panel(): Locator {
    return this.page.getByTestId('documents-panel');
  }

  get toast(): Locator {
    return this.page.getByTestId('toast');
  }

  /** Clicks a download button and waits for the browser's download. */
  async download(
    button: 'download-results-xlsx' | 'download-results-pdf' | 'download-judge-sheets',
  ): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId(button).click()]);
    return download;
  }

  async chooseJudgeSheets(options: { judge?: string; filled: boolean }): Promise<void> {
    await this.page
      .getByTestId('judge-sheets-judge')
      .selectOption(options.judge ? { label: options.judge } : { value: '' });
    await this.page.getByTestId(options.filled ? 'judge-sheets-filled' : 'judge-sheets-blank').check();
  }
}
