import type { Locator, Page } from '@playwright/test';

/** A trainee's phone on the self check-in page (`#/checkin/:code`), opened from the QR code. */
export class CheckinPageModel {
  constructor(readonly page: Page) {}

  /** `code` is the 4-digit check-in code; anything else shows the field to type one. */
  async open(baseUrl: string, code: string | number): Promise<void> {
    await this.page.goto(`${baseUrl}/#/checkin/${code}`);
  }

  get session(): Locator {
    return this.page.getByTestId('checkin-session');
  }

  get phone(): Locator {
    return this.page.getByTestId('checkin-phone');
  }

  get submit(): Locator {
    return this.page.getByTestId('checkin-submit');
  }

  /** The name shown big once the host took the check-in. */
  get name(): Locator {
    return this.page.getByTestId('checkin-name');
  }

  get result(): Locator {
    return this.page.getByTestId('checkin-result');
  }

  /** The host's sentence when it refused. */
  get error(): Locator {
    return this.page.getByTestId('checkin-phone-error');
  }

  /** Where a trainee types the 4-digit code from the projector. */
  get codeField(): Locator {
    return this.page.getByTestId('checkin-code');
  }

  async checkIn(phone: string): Promise<void> {
    await this.phone.fill(phone);
    await this.submit.click();
  }
}

/** The projector's check-in scene (`#/screen/:event` while self check-in is open): QR, code and counts. */
export class CheckinSceneModel {
  constructor(readonly page: Page) {}

  get scene(): Locator {
    return this.page.getByTestId('screen-checkin');
  }

  get code(): Locator {
    return this.page.getByTestId('screen-checkin-code');
  }

  get qr(): Locator {
    return this.page.getByTestId('screen-checkin-qr');
  }

  get session(): Locator {
    return this.page.getByTestId('screen-checkin-session');
  }

  /** 实到 N. */
  get present(): Locator {
    return this.page.getByTestId('screen-checkin-present');
  }

  /** 应到 M. */
  get expected(): Locator {
    return this.page.getByTestId('screen-checkin-expected');
  }
}
