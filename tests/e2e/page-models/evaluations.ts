import type { Locator, Page } from '@playwright/test';

/** The console's 课程评估 tab: the sessions, the chosen one's card with its QR link and results. */
export class EvaluationsModel {
  constructor(readonly page: Page) {}

  get card(): Locator {
    return this.page.getByTestId('evaluation-card');
  }

  row(sessionId: number): Locator {
    return this.page.getByTestId(`evaluation-row-${sessionId}`);
  }

  get toggle(): Locator {
    return this.card.getByTestId('evaluation-toggle');
  }

  get state(): Locator {
    return this.card.getByTestId('evaluation-state');
  }

  get url(): Locator {
    return this.card.getByTestId('evaluation-url');
  }

  get responses(): Locator {
    return this.card.getByTestId('evaluation-responses');
  }

  mean(key: string): Locator {
    return this.card.getByTestId(`evaluation-mean-${key}`);
  }

  get comments(): Locator {
    return this.card.getByTestId('evaluation-comments');
  }
}

/** The trainee's phone page `#/survey/:code`. */
export class SurveyPageModel {
  constructor(readonly page: Page) {}

  async open(baseUrl: string, code: string): Promise<void> {
    await this.page.goto(`${baseUrl}/#/survey/${code}`);
  }

  get session(): Locator {
    return this.page.getByTestId('survey-session');
  }

  /** Taps `score` (1–5) for the question `key`. */
  async rate(key: string, score: number): Promise<void> {
    await this.page.getByTestId(`survey-${key}-${score}`).click();
  }

  text(key: string): Locator {
    return this.page.getByTestId(`survey-${key}`);
  }

  get phone(): Locator {
    return this.page.getByTestId('survey-phone');
  }

  get submit(): Locator {
    return this.page.getByTestId('survey-submit');
  }

  get error(): Locator {
    return this.page.getByTestId('survey-error');
  }

  get result(): Locator {
    return this.page.getByTestId('survey-result');
  }
}
