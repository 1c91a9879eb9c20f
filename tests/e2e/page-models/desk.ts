import type { Locator, Page } from '@playwright/test';

/** The check-in desk (`#/desk/:event?token=…`), a laptop at the door: typed into, never clicked if it can be helped. */
export class DeskPageModel {
  constructor(readonly page: Page) {}

  async open(baseUrl: string, eventId: number, token?: string): Promise<void> {
    await this.page.goto(`${baseUrl}/#/desk/${eventId}${token ? `?token=${encodeURIComponent(token)}` : ''}`);
  }

  get search(): Locator {
    return this.page.getByTestId('desk-search');
  }

  get session(): Locator {
    return this.page.getByTestId('desk-session');
  }

  /** The big result under the search box; `data-kind` says in, late, choose, none, already, undone or error. */
  get outcome(): Locator {
    return this.page.getByTestId('desk-outcome');
  }

  get rows(): Locator {
    return this.page.getByTestId('desk-row');
  }

  row(participantId: number): Locator {
    return this.page.locator(`[data-testid="desk-row"][data-participant="${participantId}"]`);
  }

  /** 应到 expected, 实到 present, 迟到 late, 请假 leave. */
  count(kind: 'expected' | 'present' | 'late' | 'leave'): Locator {
    return this.page.getByTestId(`desk-count-${kind}`);
  }

  get paper(): Locator {
    return this.page.getByTestId('desk-paper');
  }

  get needToken(): Locator {
    return this.page.getByTestId('desk-need-token');
  }

  /** Types into the search box as desk staff would (the box has the focus from the start). */
  async type(text: string): Promise<void> {
    await this.search.fill('');
    await this.page.keyboard.type(text);
  }

  async press(key: 'Enter' | 'ArrowDown' | 'ArrowUp' | 'Escape' | 'Control+z'): Promise<void> {
    await this.page.keyboard.press(key);
  }
}
