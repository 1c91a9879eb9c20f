import type { Locator, Page } from '@playwright/test';

/** The console's 评分规则 tab: the rules form, its frozen notice, 解除锁定 and the save bar. */
export class RulesTabModel {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('tab-rubric').click();
    await this.criterionRows.first().waitFor();
  }

  get criterionRows(): Locator {
    return this.page.getByTestId('criterion-row');
  }

  get criterionName(): Locator {
    return this.page.getByTestId('criterion-name');
  }

  get criterionMax(): Locator {
    return this.page.getByTestId('criterion-max');
  }

  get criterionKey(): Locator {
    return this.page.getByTestId('criterion-key');
  }

  get decimals(): Locator {
    return this.page.getByTestId('rubric-decimals');
  }

  get method(): Locator {
    return this.page.getByTestId('rubric-method');
  }

  get advanced(): Locator {
    return this.page.getByTestId('rubric-advanced');
  }

  get save(): Locator {
    return this.page.getByTestId('rubric-save');
  }

  get frozenNotice(): Locator {
    return this.page.getByTestId('rules-frozen');
  }

  get unfrozenNotice(): Locator {
    return this.page.getByTestId('rules-unfrozen');
  }

  get unfreeze(): Locator {
    return this.page.getByTestId('rules-unfreeze');
  }

  get dialog(): Locator {
    return this.page.getByTestId('unfreeze-dialog');
  }

  /** Presses 解除锁定 in the dialog, with `reason` typed first when given. */
  async confirmUnfreeze(reason?: string): Promise<void> {
    if (reason !== undefined) await this.dialog.getByTestId('unfreeze-reason').fill(reason);
    await this.dialog.getByTestId('unfreeze-confirm').click();
  }
}
