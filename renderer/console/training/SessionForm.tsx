import { useId, useState, type FormEvent } from 'react';
import type { Session, Venue } from '../../../shared/api/training';
import { sessionKinds } from '../../../shared/domain/attendance';
import type { MessageKey } from '../../../shared/i18n';
import { ApiError, type ApiClient } from '../../api/client';
import { useParticipants } from '../../api/queries';
import { useAction } from '../../api/useAction';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { useT } from '../../ui/i18n';
import { attendanceKeys, trainingKeys, useSessions } from './queries';
import {
  blankDraft,
  checkDraft,
  draftFieldOf,
  draftOf,
  editDraft,
  organizationChoices,
  sessionInput,
  type DraftField,
  type DraftProblem,
  type SessionDraft,
} from './schedule';

const labels: Record<DraftField, MessageKey> = {
  title: 'session.title',
  kind: 'session.kind',
  date: 'trainingConsole.schedule.date',
  start: 'session.startsAt',
  end: 'session.endsAt',
  teacher: 'session.teacher',
  teacherTitle: 'session.teacherTitle',
  location: 'session.location',
  venueId: 'session.venue',
  hours: 'session.hours',
  organization: 'session.organization',
};

interface SessionFormProps {
  api: ApiClient;
  eventId: number;
  venues: readonly Venue[];
  /** The session to edit or move; null to add one on `date`. */
  session: Session | null;
  date: string;
  onDone: () => void;
}

/** Adds a session or edits one (its time too: moving is editing the date and times). */
export function SessionForm({ api, eventId, venues, session, date, onDone }: SessionFormProps) {
  const t = useT();
  const action = useAction();
  const [draft, setDraft] = useState<SessionDraft>(() => (session ? draftOf(session) : blankDraft(date)));
  const [errors, setErrors] = useState<Partial<Record<DraftField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const trainees = useParticipants(api, eventId);
  const sessions = useSessions(api, eventId);
  const organizations = organizationChoices(trainees.data ?? [], sessions.data ?? []);
  const organizationList = useId();

  function set<F extends DraftField>(field: F, value: SessionDraft[F]) {
    setDraft((d) => editDraft(d, field, value));
    setErrors((e) => ({ ...e, [field]: undefined }));
  }

  function say(field: DraftField, problem: DraftProblem): string {
    const name = t(labels[field]);
    if (problem === 'required') return t('form.required', { field: name });
    if (problem === 'time') return t('trainingConsole.schedule.problem.time', { field: name });
    if (problem === 'timeOrder') return t('error.validation.timeOrder');
    return t('trainingConsole.schedule.problem.hours');
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems = Object.entries(checkDraft(draft)).flatMap(([field, problem]) => {
      const known = Object.keys(labels).find((f): f is DraftField => f === field);
      return known && problem ? [[known, say(known, problem)] as const] : [];
    });
    if (problems.length > 0) {
      setErrors(Object.fromEntries(problems));
      return;
    }
    const body = sessionInput(draft);
    const params = { id: String(eventId) };
    setFormError(null);
    action.run(
      'save',
      () =>
        session
          ? api.call('updateSession', { params: { ...params, sid: String(session.id) }, body })
          : api.call('createSession', { params, body }),
      {
        done: (saved) =>
          t(session ? 'trainingConsole.schedule.saved' : 'trainingConsole.schedule.added', { title: saved.title }),
        invalidate: [trainingKeys.topic(eventId, 'sessions'), ...attendanceKeys(eventId)],
        then: onDone,
        failed: (error, text) => {
          // The host names the request's field (endsAt); the form shows it beside its own (结束时间).
          const field = error instanceof ApiError ? draftFieldOf(error.field) : null;
          if (field) setErrors({ [field]: text });
          else setFormError(text);
        },
      },
    );
  }

  const text = (field: 'title' | 'teacher' | 'teacherTitle' | 'location', max: number, required = false) => (
    <Field label={t(labels[field])} required={required} error={errors[field]}>
      {(control) => (
        <input
          {...control}
          value={draft[field]}
          maxLength={max}
          onChange={(e) => set(field, e.target.value)}
          data-testid={`session-${field}`}
        />
      )}
    </Field>
  );

  return (
    <form className="form training-inline-form" onSubmit={submit} noValidate data-testid="session-form">
      <h3 className="subhead">
        {session
          ? t('trainingConsole.schedule.editTitle', { title: session.title })
          : t('trainingConsole.schedule.addTitle')}
      </h3>
      {formError ? <Notice tone="error">{formError}</Notice> : null}
      <div className="form-grid form-grid-3">
        <div className="span-2">{text('title', 200, true)}</div>
        <Field label={t('session.kind')} error={errors.kind}>
          {(control) => (
            <select
              {...control}
              value={draft.kind}
              onChange={(e) => set('kind', sessionKinds.find((k) => k === e.target.value) ?? 'lecture')}
              data-testid="session-kind"
            >
              {sessionKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`session.kind.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('trainingConsole.schedule.date')} required error={errors.date}>
          {(control) => (
            <input
              {...control}
              type="date"
              value={draft.date}
              onChange={(e) => set('date', e.target.value)}
              data-testid="session-date"
            />
          )}
        </Field>
        <div className="training-times">
          <Field label={t('session.startsAt')} required error={errors.start}>
            {(control) => (
              <input
                {...control}
                type="time"
                value={draft.start}
                onChange={(e) => set('start', e.target.value)}
                data-testid="session-start"
              />
            )}
          </Field>
          <Field label={t('session.endsAt')} required error={errors.end}>
            {(control) => (
              <input
                {...control}
                type="time"
                value={draft.end}
                onChange={(e) => set('end', e.target.value)}
                data-testid="session-end"
              />
            )}
          </Field>
        </div>
        <Field label={t('session.hours')} hint={t('trainingConsole.schedule.hoursHint')} error={errors.hours}>
          {(control) => (
            <input
              {...control}
              inputMode="decimal"
              value={draft.hours}
              onChange={(e) => set('hours', e.target.value)}
              data-testid="session-hours"
            />
          )}
        </Field>
        {text('teacher', 100)}
        {text('teacherTitle', 200)}
        <Field label={t('session.venue')} error={errors.venueId}>
          {(control) => (
            <select
              {...control}
              value={draft.venueId}
              onChange={(e) => set('venueId', e.target.value)}
              data-testid="session-venue"
            >
              <option value="">{t('trainingConsole.schedule.noVenue')}</option>
              {venues.map((venue) => (
                <option key={venue.id} value={String(venue.id)}>
                  {venue.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {text('location', 200)}
        <Field label={t('session.organization')} hint={t('studyCounts.formHint')} error={errors.organization}>
          {(control) => (
            <>
              <input
                {...control}
                value={draft.organization}
                maxLength={100}
                list={organizationList}
                onChange={(e) => set('organization', e.target.value)}
                data-testid="session-organization"
              />
              <datalist id={organizationList}>
                {organizations.map((name) => (
                  <option key={name} value={name} />
                ))}
              </datalist>
            </>
          )}
        </Field>
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={action.busy === 'save'} data-testid="session-save">
          {action.busy === 'save' ? t('form.saving') : t('trainingConsole.save')}
        </Button>
        <Button onClick={onDone}>{t('trainingConsole.cancel')}</Button>
      </div>
    </form>
  );
}
