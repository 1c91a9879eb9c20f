import type { Download, Locator, Page } from '@playwright/test';

/** The 证书 tab of a contest (or the 证书 panel of a training class): batch, preview, template, 套打. */
export class CertificatesModel {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('tab-certificates').click();
    await this.panel.waitFor();
  }

  get panel(): Locator {
    return this.page.getByTestId('certificates-panel');
  }

  get blocked(): Locator {
    return this.page.getByTestId('certificates-blocked');
  }

  get recipients(): Locator {
    return this.page.getByTestId('recipient-row');
  }

  get preview(): Locator {
    return this.page.getByTestId('certificate-preview');
  }

  get shrunkWarnings(): Locator {
    return this.page.getByTestId('warning-shrunk');
  }

  get placeholderWarnings(): Locator {
    return this.page.getByTestId('warning-placeholder');
  }

  get templateError(): Locator {
    return this.page.getByTestId('template-error');
  }

  get toast(): Locator {
    return this.page.getByTestId('toast');
  }

  /** Unfolds a field of the template editor (they are folded to their name and wording). */
  async openField(key: string): Promise<void> {
    const card = this.page.getByTestId(`field-${key}`);
    if ((await card.getAttribute('open')) === null) await card.locator('summary').click();
  }

  /** A field's input in the template editor, e.g. ('body', 'text') or ('recipient', 'width'). */
  fieldInput(key: string, part: 'text' | 'x' | 'y' | 'width' | 'size'): Locator {
    return this.page.getByTestId(`field-${key}-${part}`);
  }

  async saveTemplate(): Promise<void> {
    await this.page.getByTestId('save-template').click();
  }

  /** Downloads the whole batch and waits for the browser's download. */
  async downloadAll(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId('download-certificates').click(),
    ]);
    return download;
  }

  /** 打印 in a plain browser opens the PDF in a tab of its own (the browser's viewer prints it). */
  async printAll(): Promise<Page> {
    const [tab] = await Promise.all([
      this.page.waitForEvent('popup'),
      this.page.getByTestId('print-certificates').click(),
    ]);
    return tab;
  }

  async downloadRegister(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId('download-register').click(),
    ]);
    return download;
  }
}
