import type { Locator, Page } from '@playwright/test';

/** A judge's scoring page (`#/judge?token=…`), on the judge's own laptop or phone. */
export class JudgePageModel {
  constructor(readonly page: Page) {}

  async open(baseUrl: string, token?: string): Promise<void> {
    await this.page.goto(`${baseUrl}/#/judge${token ? `?token=${encodeURIComponent(token)}` : ''}`);
  }

  get waiting(): Locator {
    return this.page.getByTestId('judge-waiting');
  }

  get needToken(): Locator {
    return this.page.getByTestId('judge-need-token');
  }
}
