import type { Locator, Page } from '@playwright/test';

/** The page a judge reaches by typing the card's short address (`/j` → `#/join`): one field for the join code. */
export class JoinPageModel {
  constructor(readonly page: Page) {}

  /** As typed from the card: `http://ADDRESS:PORT/j`. */
  async open(shortUrl: string): Promise<void> {
    await this.page.goto(shortUrl);
  }

  get code(): Locator {
    return this.page.getByTestId('join-code');
  }

  get error(): Locator {
    return this.page.getByTestId('join-error');
  }

  async join(code: string): Promise<void> {
    await this.code.fill(code);
    await this.page.getByTestId('join-submit').click();
  }
}

/** The console's 评委 tab as far as judges' cards go: each judge's card, printing, editing and deleting. */
export class JudgesTabModel {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('tab-judges').click();
  }

  card(name: string): Locator {
    return this.page.getByTestId('judge-card').filter({ hasText: name });
  }

  get cards(): Locator {
    return this.page.getByTestId('judge-card');
  }

  get printView(): Locator {
    return this.page.getByTestId('judge-print-view');
  }

  get localOnlyWarning(): Locator {
    return this.page.getByTestId('judge-print-local');
  }

  async print(): Promise<void> {
    await this.page.getByTestId('judge-print').click();
  }

  async rename(name: string, to: string): Promise<void> {
    // By position: while the form is open the name is in an input, which a text filter does not see.
    const names = await this.page.getByTestId('judge-name').allTextContents();
    const card = this.cards.nth(names.indexOf(name));
    await card.getByTestId('judge-edit').click();
    await card.getByTestId('judge-edit-name').fill(to);
    await card.getByTestId('judge-edit-save').click();
  }

  /** Asks for a new link (重新生成链接) or to disable it (停用); the question shows in the card. */
  async askLink(name: string, change: 'reissue' | 'revoke'): Promise<Locator> {
    const card = this.card(name);
    await card.getByTestId(`judge-${change}`).click();
    return card.getByTestId(`judge-${change}-question`);
  }

  /** Asks to delete; the question (or the refusal) shows in the card. */
  async askDelete(name: string): Promise<Locator> {
    const card = this.card(name);
    await card.getByTestId('judge-delete').click();
    return card.getByTestId('judge-delete-question');
  }
}
