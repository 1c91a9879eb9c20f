import type { Locator, Page } from '@playwright/test';

export type TrainingTab =
  | 'trainees'
  | 'groups'
  | 'schedule'
  | 'checkin'
  | 'attendance'
  | 'sub-venues'
  | 'evaluations'
  | 'reflections'
  | 'certificates'
  | 'documents';

export interface SessionForm {
  title: string;
  date: string;
  start: string;
  end: string;
  teacher?: string;
  /** The venue's name as listed. */
  venue?: string;
}

/** A training class's tabs in the console: 学员, 课程表, 签到, 考勤, 结业与证书, 文档与导出. */
export class TrainingModel {
  constructor(readonly page: Page) {}

  async open(tab: TrainingTab): Promise<void> {
    await this.page.getByTestId(`tab-${tab}`).click();
  }

  get toast(): Locator {
    return this.page.getByTestId('toast');
  }

  // ── 课程表 ──

  get venueRows(): Locator {
    return this.page.getByTestId('venue-row');
  }

  async addVenue(venue: { name: string; kind: 'main' | 'sub' | 'site'; address?: string }): Promise<void> {
    await this.page.getByTestId('venue-add').click();
    const form = this.page.getByTestId('venue-form');
    await form.getByTestId('venue-name').fill(venue.name);
    await form.getByTestId('venue-kind').selectOption(venue.kind);
    if (venue.address) await form.getByTestId('venue-address').fill(venue.address);
    await form.getByTestId('venue-save').click();
    await this.venueRows.filter({ hasText: venue.name }).waitFor();
  }

  get sessionForm(): Locator {
    return this.page.getByTestId('session-form');
  }

  async fillSession(session: SessionForm): Promise<void> {
    const form = this.sessionForm;
    await form.getByTestId('session-title').fill(session.title);
    await form.getByTestId('session-date').fill(session.date);
    await form.getByTestId('session-start').fill(session.start);
    await form.getByTestId('session-end').fill(session.end);
    if (session.teacher) await form.getByTestId('session-teacher').fill(session.teacher);
    if (session.venue) await form.getByTestId('session-venue').selectOption({ label: session.venue });
  }

  async addSession(session: SessionForm): Promise<void> {
    await this.page.getByTestId('session-add').click();
    await this.fillSession(session);
    await this.sessionForm.getByTestId('session-save').click();
    await this.sessionRow(session.title).waitFor();
  }

  /** A session in the schedule by its own title (an overlap warning names other titles). */
  sessionRow(title: string): Locator {
    return this.sessionRows.filter({ has: this.page.getByTestId('session-name').getByText(title, { exact: true }) });
  }

  get sessionRows(): Locator {
    return this.page.getByTestId('session-row');
  }

  get days(): Locator {
    return this.page.getByTestId('schedule-day');
  }

  // ── 签到 ──

  get selfCheckinCode(): Locator {
    return this.page.getByTestId('self-checkin-code');
  }

  count(which: 'expected' | 'present' | 'leave' | 'late'): Locator {
    return this.page.getByTestId(`count-${which}`);
  }

  get missing(): Locator {
    return this.page.getByTestId('checkin-missing');
  }

  // ── 结业与证书 ──

  get completers(): Locator {
    return this.page.getByTestId('completers');
  }

  get nonCompleters(): Locator {
    return this.page.getByTestId('non-completers');
  }

  async setMinRate(rate: string): Promise<void> {
    await this.page.getByTestId('completion-min-rate').fill(rate);
    await this.page.getByTestId('completion-save').click();
  }

  async override(name: string, completes: boolean, reason: string): Promise<void> {
    const row = this.page.getByTestId('completion-row').filter({ hasText: name });
    await row.getByTestId('completion-adjust').click();
    await row.getByTestId(completes ? 'override-grant' : 'override-refuse').check();
    await row.getByTestId('override-reason').fill(reason);
    await row.getByTestId('override-save').click();
  }

  // ── 分组 ──

  get groupCards(): Locator {
    return this.page.getByTestId('group-card');
  }

  groupCard(name: string): Locator {
    return this.page.locator(`[data-testid="group-card"][data-group="${name}"]`);
  }

  /** Fills the count and assigns; when groups exist, confirms the replacement the console asks about. */
  async assignGroups(count: number): Promise<void> {
    await this.page.getByTestId('groups-count').fill(String(count));
    await this.page.getByTestId('groups-assign').click();
  }
}
