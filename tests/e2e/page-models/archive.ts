import type { Download, Locator, Page } from '@playwright/test';

/** 导出活动存档 (an event's 文档与导出 tab) and 导入活动存档 (the event list). */
export class ArchiveModel {
  constructor(readonly page: Page) {}

  get toast(): Locator {
    return this.page.getByTestId('toast');
  }

  /** On the event page: opens 文档与导出 and saves the archive (the browser's download). */
  async exportFromEventPage(): Promise<Download> {
    await this.page.getByTestId('tab-documents').click();
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId('archive-export').click(),
    ]);
    return download;
  }

  /** On the event list: 导入活动存档 with `bytes` as the chosen file. */
  async importOnEventList(name: string, bytes: Uint8Array): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByTestId('archive-import').click();
    await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
  }
}
