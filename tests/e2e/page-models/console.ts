import type { Locator, Page } from '@playwright/test';

export interface NewEventForm {
  title: string;
  kind?: 'contest' | 'training';
  startsOn: string;
  endsOn?: string;
  venue?: string;
  organizer?: string;
}

/** The organiser's console: the event list, the create form, an event's page. */
export class ConsolePage {
  constructor(readonly page: Page) {}

  async open(consoleUrl: string): Promise<void> {
    await this.page.goto(consoleUrl);
    await this.page.getByTestId('new-event').waitFor();
  }

  get eventRows(): Locator {
    return this.page.getByTestId('event-row');
  }

  get toast(): Locator {
    return this.page.getByTestId('toast');
  }

  get fieldErrors(): Locator {
    return this.page.getByTestId('field-error');
  }

  async createEvent(form: NewEventForm): Promise<void> {
    await this.page.getByTestId('new-event').click();
    await this.fillEvent(form);
    await this.page.getByTestId('event-submit').click();
  }

  /** 新建活动 opens the new event at once: its page, ready for the first names. */
  async createEventAndOpen(form: NewEventForm): Promise<EventPageModel> {
    await this.createEvent(form);
    const event = new EventPageModel(this.page);
    await event.participantForm.waitFor();
    return event;
  }

  async fillEvent(form: NewEventForm): Promise<void> {
    await this.page.getByTestId('event-title').fill(form.title);
    if (form.kind) await this.page.getByTestId('event-kind').selectOption(form.kind);
    await this.page.getByTestId('event-starts').fill(form.startsOn);
    if (form.endsOn) await this.page.getByTestId('event-ends').fill(form.endsOn);
    if (form.venue !== undefined) await this.page.getByTestId('event-venue').fill(form.venue);
    if (form.organizer !== undefined) await this.page.getByTestId('event-organizer').fill(form.organizer);
  }

  async switchLanguage(): Promise<void> {
    await this.page.getByTestId('lang-switch').click();
  }

  async openEvent(title: string): Promise<EventPageModel> {
    await this.eventRows.filter({ hasText: title }).getByRole('link', { name: title, exact: true }).click();
    const event = new EventPageModel(this.page);
    await event.participantForm.waitFor();
    return event;
  }
}

export class EventPageModel {
  constructor(readonly page: Page) {}

  get participantForm(): Locator {
    return this.page.getByTestId('participant-form');
  }

  get participantRows(): Locator {
    return this.page.getByTestId('participant-row');
  }

  async addParticipant(p: { name: string; organization?: string; title?: string; phone?: string }): Promise<void> {
    await this.page.getByTestId('participant-name').fill(p.name);
    if (p.organization) await this.page.getByTestId('participant-organization').fill(p.organization);
    if (p.title) await this.page.getByTestId('participant-title').fill(p.title);
    if (p.phone) await this.page.getByTestId('participant-phone').fill(p.phone);
    await this.page.getByTestId('participant-submit').click();
  }

  participantRow(name: string): Locator {
    return this.participantRows.filter({ has: this.page.getByRole('cell', { name, exact: true }) });
  }

  /** 编辑 on a person's row opens the form below filled in; this changes the name and saves. */
  async renameParticipant(name: string, to: string): Promise<void> {
    await this.participantRow(name).getByTestId('participant-edit').click();
    await this.page.getByTestId('participant-name').fill(to);
    await this.page.getByTestId('participant-submit').click();
  }

  /** 删除 on a person's row: the question it asks under the row (confirm or cancel there). */
  async askToDelete(name: string): Promise<Locator> {
    await this.participantRow(name).getByTestId('participant-delete').click();
    return this.page.getByTestId('participant-removal');
  }

  async sortBy(option: 'registration' | 'pinyin'): Promise<void> {
    await this.page.getByTestId(`sort-${option}`).click();
  }

  async participantNames(): Promise<string[]> {
    return this.participantRows.locator('td:nth-child(2)').allInnerTexts();
  }
}
