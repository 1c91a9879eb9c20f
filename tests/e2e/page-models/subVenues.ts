import type { Locator, Page } from '@playwright/test';

/** The class's 分会场 tab: 本机会场, 应到/实到 per venue, a bundle exported and imported. */
export class SubVenuesModel {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('tab-sub-venues').click();
    await this.page.getByTestId('venue-counts').waitFor();
  }

  /** "实到 / 应到" of a session (by title) at a venue (by id). */
  count(sessionTitle: string, venueId: number): Locator {
    return this.page
      .getByTestId('venue-counts-row')
      .filter({ hasText: sessionTitle })
      .getByTestId(`venue-count-${venueId}`);
  }

  get localVenue(): Locator {
    return this.page.getByTestId('local-venue');
  }

  get result(): Locator {
    return this.page.getByTestId('bundle-import-result');
  }

  get conflicts(): Locator {
    return this.page.getByTestId('venue-conflicts');
  }

  get bundles(): Locator {
    return this.page.getByTestId('venue-bundles');
  }

  /** 导入分会场数据包 with `bytes` as the chosen file. */
  async importBundle(name: string, bytes: Uint8Array): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByTestId('bundle-import').click();
    await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
  }
}
