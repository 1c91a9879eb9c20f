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

  /** Shown once the organiser has reissued or disabled this judge's link. */
  get linkLost(): Locator {
    return this.page.getByTestId('judge-link-lost');
  }

  get speaker(): Locator {
    return this.page.getByTestId('judge-speaker');
  }

  get inputs(): Locator {
    return this.page.getByTestId('judge-criterion-input');
  }

  input(key: string): Locator {
    return this.page.locator(`[data-testid="judge-criterion-input"][data-key="${key}"]`);
  }

  get fieldErrors(): Locator {
    return this.page.getByTestId('judge-field-error');
  }

  fieldError(key: string): Locator {
    return this.page.locator(`[data-testid="judge-field-error"][data-key="${key}"]`);
  }

  get total(): Locator {
    return this.page.getByTestId('judge-total');
  }

  get submitButton(): Locator {
    return this.page.getByTestId('judge-submit');
  }

  /** The total, save status and submit button at the foot of the sheet (sticky while scoring). */
  get submitBar(): Locator {
    return this.page.locator('.judge-submit-bar');
  }

  get saveStatus(): Locator {
    return this.page.getByTestId('judge-save-status');
  }

  /** The connection chip in the header: its data-state is open, connecting, reconnecting or unsaved. */
  get liveStatus(): Locator {
    return this.page.getByTestId('live-status');
  }

  get locked(): Locator {
    return this.page.getByTestId('judge-locked');
  }

  get recused(): Locator {
    return this.page.getByTestId('judge-recused');
  }

  get historyRows(): Locator {
    return this.page.getByTestId('judge-history-row');
  }

  /** Types a whole sheet the way a judge at a laptop does: digits, Tab to the next criterion, Enter to submit. */
  async typeSheet(values: readonly string[], { submit = true }: { submit?: boolean } = {}): Promise<void> {
    await this.inputs.first().focus();
    for (const [i, value] of values.entries()) {
      await this.page.keyboard.press('ControlOrMeta+a');
      await this.page.keyboard.type(value);
      if (i < values.length - 1) await this.page.keyboard.press('Tab');
    }
    if (submit) await this.page.keyboard.press('Enter');
  }

  /** Replaces one criterion's value by typing into it. */
  async retype(key: string, value: string): Promise<void> {
    await this.input(key).click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.type(value);
  }
}
