import type { Page } from '@playwright/test';

/** The check-in desk page (`#/checkin/:event`). */
export class CheckinPageModel {
  constructor(readonly page: Page) {}

  async open(baseUrl: string, eventId: number): Promise<void> {
    await this.page.goto(`${baseUrl}/#/checkin/${eventId}`);
  }
}
