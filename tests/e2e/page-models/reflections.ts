import type { Locator, Page } from '@playwright/test';

/** The console's 学习心得 tab: assignments, the list of texts, the reading pane. */
export class ReflectionsModel {
  constructor(readonly page: Page) {}

  get assignments(): Locator {
    return this.page.getByTestId('reflection-assignment');
  }

  async addAssignment(a: { title: string; prompt?: string; date: string; time: string }): Promise<void> {
    await this.page.getByTestId('reflection-assignment-add').click();
    const form = this.page.getByTestId('reflection-assignment-form');
    await form.getByTestId('reflection-assignment-title').fill(a.title);
    if (a.prompt) await form.getByTestId('reflection-assignment-prompt').fill(a.prompt);
    await form.getByTestId('reflection-assignment-date').fill(a.date);
    await form.getByTestId('reflection-assignment-time').fill(a.time);
    await form.getByTestId('reflection-assignment-save').click();
    await this.assignments.filter({ hasText: a.title }).waitFor();
  }

  /** The link trainees open, shown with the QR code. */
  async linkOf(title: string): Promise<string> {
    const row = this.assignments.filter({ hasText: title });
    await row.getByTestId('reflection-show-qr').click();
    return (await row.getByTestId('reflection-url').textContent()) ?? '';
  }

  get items(): Locator {
    return this.page.getByTestId('reflection-item');
  }

  get pane(): Locator {
    return this.page.getByTestId('reflection-pane');
  }

  get star(): Locator {
    return this.page.getByTestId('reflection-star');
  }

  get excellentOnly(): Locator {
    return this.page.getByTestId('reflections-excellent-only');
  }
}

/** A trainee's phone on the reflection page (`#/reflect/:code`). */
export class ReflectPageModel {
  constructor(readonly page: Page) {}

  async open(baseUrl: string, code: string): Promise<void> {
    await this.page.goto(`${baseUrl}/#/reflect/${code}`);
    await this.page.getByTestId('reflect-assignment').waitFor();
  }

  get phone(): Locator {
    return this.page.getByTestId('reflect-phone');
  }

  get title(): Locator {
    return this.page.getByTestId('reflect-title');
  }

  get body(): Locator {
    return this.page.getByTestId('reflect-body');
  }

  get count(): Locator {
    return this.page.getByTestId('reflect-count');
  }

  get submit(): Locator {
    return this.page.getByTestId('reflect-submit');
  }

  get result(): Locator {
    return this.page.getByTestId('reflect-result');
  }

  get error(): Locator {
    return this.page.getByTestId('reflect-error');
  }
}
