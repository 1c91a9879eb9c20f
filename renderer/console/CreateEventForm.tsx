import { useEffect, useRef, type FormEvent } from 'react';
import type { Event } from '../../shared/api/events';
import { eventKinds, type EventKind } from '../../shared/domain/vocabulary';
import type { ApiClient } from '../api/client';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { Notice } from '../ui/Notice';
import { useT } from '../ui/i18n';
import { todayIso } from '../../shared/domain/dates';
import { useForm, type FieldErrors } from './useForm';

const fields = [
  'title',
  'kind',
  'startsOn',
  'endsOn',
  'venue',
  'organizer',
  'term',
  'classTeacher',
  'contact',
] as const;
type FieldName = (typeof fields)[number];

type Values = Record<Exclude<FieldName, 'kind'>, string> & { kind: EventKind };

const blank = (): Values => ({
  title: '',
  kind: 'contest',
  startsOn: todayIso(),
  endsOn: '',
  venue: '',
  organizer: '',
  term: '',
  classTeacher: '',
  contact: '',
});

/** The form filled in with an event's details, for 编辑活动信息. */
function valuesOf(e: Event): Values {
  return {
    title: e.title,
    kind: e.kind,
    startsOn: e.startsOn,
    endsOn: e.endsOn ?? '',
    venue: e.venue ?? '',
    organizer: e.organizer ?? '',
    term: e.term ?? '',
    classTeacher: e.classTeacher ?? '',
    contact: e.contact ?? '',
  };
}

export function CreateEventForm({
  api,
  onCreated,
  onCancel,
  editing = null,
}: {
  api: ApiClient;
  /** After the event was created, or (with `editing`) saved. */
  onCreated: (event: Event) => void;
  onCancel: () => void;
  /** The event whose details are edited (the same form, filled in), or null to create one. */
  editing?: Event | null;
}) {
  const t = useT();
  const { values, set, errors, formError, busy, formRef, fail, send } = useForm(
    editing ? () => valuesOf(editing) : blank,
    fields,
  );
  const titleRef = useRef<HTMLInputElement>(null);

  useEffect(() => titleRef.current?.focus(), []);

  function check(): FieldErrors<FieldName> {
    const found: FieldErrors<FieldName> = {};
    if (!values.title.trim()) found.title = t('form.required', { field: t('event.title') });
    if (!values.startsOn) found.startsOn = t('form.required', { field: t('event.startsOn') });
    if (values.startsOn && values.endsOn && values.endsOn < values.startsOn)
      found.endsOn = t('error.validation.dateOrder');
    return found;
  }

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const found = check();
    if (Object.keys(found).length > 0) return fail(found);
    const body = {
      title: values.title,
      kind: values.kind,
      startsOn: values.startsOn,
      endsOn: values.endsOn || undefined,
      venue: values.venue,
      organizer: values.organizer,
      // 期次, 班主任 and a contact line belong to a class; its documents print them.
      ...(values.kind === 'training'
        ? { term: values.term, classTeacher: values.classTeacher, contact: values.contact }
        : {}),
    };
    send(async () => {
      const saved = editing
        ? await api.call('updateEvent', {
            params: { id: String(editing.id) },
            // An update replaces every field: the class keeps its grace period, which this form does not show.
            body: { ...body, graceMinutes: editing.graceMinutes },
          })
        : await api.call('createEvent', { body });
      onCreated(saved);
    });
  }

  return (
    <form
      ref={formRef}
      className="panel form"
      data-testid="event-form"
      onSubmit={submit}
      noValidate
      aria-labelledby="new-event-heading"
    >
      <h2 id="new-event-heading" className="panel-title">
        {t(editing ? 'editing.editEvent' : 'console.newEvent')}
      </h2>
      {formError ? <Notice tone="error">{formError}</Notice> : null}
      <div className="form-grid">
        <Field label={t('event.title')} required error={errors.title} className="span-2">
          {(control) => (
            <input
              {...control}
              ref={titleRef}
              data-testid="event-title"
              value={values.title}
              placeholder={t('event.titlePlaceholder')}
              maxLength={200}
              onChange={(e) => set('title', e.target.value)}
            />
          )}
        </Field>
        <Field label={t('event.kind')} required error={errors.kind}>
          {(control) => (
            <select
              {...control}
              data-testid="event-kind"
              value={values.kind}
              // A contest does not become a class: its tabs, data and documents are of one kind.
              disabled={editing !== null}
              onChange={(e) => set('kind', kindOf(e.target.value))}
            >
              {eventKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`kind.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('event.startsOn')} required error={errors.startsOn}>
          {(control) => (
            <input
              {...control}
              type="date"
              data-testid="event-starts"
              value={values.startsOn}
              onChange={(e) => set('startsOn', e.target.value)}
            />
          )}
        </Field>
        <Field label={t('event.endsOn')} hint={t('event.endsOnHint')} error={errors.endsOn}>
          {(control) => (
            <input
              {...control}
              type="date"
              data-testid="event-ends"
              value={values.endsOn}
              min={values.startsOn || undefined}
              onChange={(e) => set('endsOn', e.target.value)}
            />
          )}
        </Field>
        <Field label={t('event.venue')} error={errors.venue}>
          {(control) => (
            <input
              {...control}
              data-testid="event-venue"
              value={values.venue}
              maxLength={200}
              onChange={(e) => set('venue', e.target.value)}
            />
          )}
        </Field>
        <Field label={t('event.organizer')} error={errors.organizer}>
          {(control) => (
            <input
              {...control}
              data-testid="event-organizer"
              value={values.organizer}
              maxLength={200}
              onChange={(e) => set('organizer', e.target.value)}
            />
          )}
        </Field>
        {values.kind === 'training' ? (
          <>
            <Field label={t('event.term')} error={errors.term}>
              {(control) => (
                <input
                  {...control}
                  data-testid="event-term"
                  value={values.term}
                  maxLength={50}
                  onChange={(e) => set('term', e.target.value)}
                />
              )}
            </Field>
            <Field label={t('event.classTeacher')} error={errors.classTeacher}>
              {(control) => (
                <input
                  {...control}
                  data-testid="event-class-teacher"
                  value={values.classTeacher}
                  maxLength={50}
                  onChange={(e) => set('classTeacher', e.target.value)}
                />
              )}
            </Field>
            <Field label={t('event.contact')} error={errors.contact}>
              {(control) => (
                <input
                  {...control}
                  data-testid="event-contact"
                  value={values.contact}
                  maxLength={100}
                  onChange={(e) => set('contact', e.target.value)}
                />
              )}
            </Field>
          </>
        ) : null}
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={busy} data-testid="event-submit">
          {busy ? t('form.saving') : t(editing ? 'editing.save' : 'event.create')}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          {t('event.cancel')}
        </Button>
      </div>
    </form>
  );
}

function kindOf(value: string): EventKind {
  return eventKinds.find((kind) => kind === value) ?? 'contest';
}
