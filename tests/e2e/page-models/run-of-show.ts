import type { Locator, Page } from '@playwright/test';

/** The console's 比赛进行 tab: the stage buttons, the judges' progress, the lock dialog and 补录. */
export class RunOfShowModel {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('tab-run').click();
    await this.page.getByTestId('run-current').waitFor();
  }

  button(step: 'start' | 'finish' | 'lock' | 'reveal'): Locator {
    return this.page.getByTestId(`run-${step}`);
  }

  /** The step the page offers next (highlighted). */
  get next(): Locator {
    return this.page.locator('.contest-stage-next');
  }

  get progressCells(): Locator {
    return this.page.getByTestId('progress-cell');
  }

  get dialog(): Locator {
    return this.page.getByTestId('lock-dialog');
  }

  get missing(): Locator {
    return this.dialog.getByTestId('lock-missing');
  }

  get revealBlocked(): Locator {
    return this.page.getByTestId('run-reveal-blocked');
  }

  get toast(): Locator {
    return this.page.getByTestId('toast');
  }

  /** Types a judge's paper card into the open 补录 form (criteria in rubric order) and saves it. */
  async enterCard(form: Locator, points: readonly string[], reason: string): Promise<void> {
    const boxes = form.getByTestId('entry-score');
    for (const [i, value] of points.entries()) await boxes.nth(i).fill(value);
    await form.getByTestId('entry-reason').fill(reason);
    await form.getByTestId('entry-submit').click();
  }
}
