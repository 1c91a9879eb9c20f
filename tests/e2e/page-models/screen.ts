import type { Locator, Page } from '@playwright/test';

/** The projector (`#/screen/:event`): public, read-only, 1920×1080. */
export class ScreenPageModel {
  constructor(readonly page: Page) {}

  async open(baseUrl: string, eventId: number): Promise<void> {
    await this.page.goto(`${baseUrl}/#/screen/${eventId}`);
  }

  get title(): Locator {
    return this.page.getByTestId('screen-title');
  }

  get waiting(): Locator {
    return this.page.getByTestId('screen-waiting');
  }

  get liveStatus(): Locator {
    return this.page.getByTestId('live-status');
  }

  get notFound(): Locator {
    return this.page.getByTestId('screen-not-found');
  }
}
