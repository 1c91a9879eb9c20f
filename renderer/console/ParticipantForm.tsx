import { useEffect, useRef, type FormEvent } from 'react';
import type { Participant } from '../../shared/api/events';
import { genders, type EventKind, type Gender } from '../../shared/domain/vocabulary';
import type { ApiClient } from '../api/client';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { Notice } from '../ui/Notice';
import { useT } from '../ui/i18n';
import { useForm } from './useForm';

const fields = ['name', 'gender', 'organization', 'title', 'phone', 'group', 'ethnicity', 'region', 'note'] as const;
type FieldName = (typeof fields)[number];
type Values = Record<Exclude<FieldName, 'gender'>, string> & { gender: Gender | '' };

const blank = (): Values => ({
  name: '',
  gender: '',
  organization: '',
  title: '',
  phone: '',
  group: '',
  ethnicity: '',
  region: '',
  note: '',
});

/** The form filled in with a person's details, for 编辑. */
function valuesOf(p: Participant): Values {
  return {
    name: p.name,
    gender: p.gender ?? '',
    organization: p.organization ?? '',
    title: p.title ?? '',
    phone: p.phone ?? '',
    group: p.group ?? '',
    ethnicity: p.ethnicity ?? '',
    region: p.region ?? '',
    note: p.note ?? '',
  };
}

export function ParticipantForm({
  api,
  eventId,
  onAdded,
  kind = 'contest',
  editing = null,
  onEdited,
}: {
  api: ApiClient;
  eventId: number;
  onAdded: (participant: Participant) => void;
  kind?: EventKind;
  /** The person being edited (the form opens filled in; mount it with a `key` per person), or null to add. */
  editing?: Participant | null;
  /** After a save, or with null when the edit was cancelled. */
  onEdited?: (participant: Participant | null) => void;
}) {
  const t = useT();
  const training = kind === 'training';
  const { values, set, errors, formError, busy, formRef, fail, send } = useForm(
    editing ? () => valuesOf(editing) : blank,
    fields,
  );
  const nameRef = useRef<HTMLInputElement>(null);

  // 编辑 is pressed on a row far up the table: bring the form to the person's eyes, on the name.
  useEffect(() => {
    if (!editing) return;
    formRef.current?.scrollIntoView({ block: 'center' });
    nameRef.current?.focus();
  }, [editing, formRef]);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!values.name.trim()) return fail({ name: t('form.required', { field: t('participant.name') }) });
    if (editing) {
      send(async () => {
        const saved = await api.call('updateParticipant', {
          params: { id: String(eventId), pid: String(editing.id) },
          // Every field is sent, shown or not: an update replaces them all (a trainee keeps the venue).
          body: {
            ...values,
            gender: values.gender || undefined,
            venueId: editing.venueId ?? undefined,
          },
        });
        onEdited?.(saved);
      });
      return;
    }
    send(async () => {
      const participant = await api.call('createParticipant', {
        params: { id: String(eventId) },
        body: {
          name: values.name,
          gender: values.gender || undefined,
          organization: values.organization,
          title: values.title,
          phone: values.phone,
          group: values.group,
          // A class roster also says where each trainee comes from.
          ...(training ? { ethnicity: values.ethnicity, region: values.region, note: values.note } : {}),
        },
      });
      onAdded(participant);
      // Ready for the next name: rosters are often typed in one after another.
      nameRef.current?.focus();
    });
  }

  return (
    <form
      ref={formRef}
      className="form participant-form"
      data-testid="participant-form"
      data-editing={editing ? editing.id : undefined}
      onSubmit={submit}
      noValidate
      aria-labelledby="add-participant-heading"
    >
      <h3 id="add-participant-heading" className="subhead">
        {editing ? t('editing.editTitle', { name: editing.name }) : t(`participant.addTitle.${kind}`)}
      </h3>
      {formError ? <Notice tone="error">{formError}</Notice> : null}
      <div className="form-grid form-grid-3">
        <Field label={t('participant.name')} required error={errors.name}>
          {(control) => (
            <input
              {...control}
              ref={nameRef}
              data-testid="participant-name"
              value={values.name}
              maxLength={50}
              onChange={(e) => set('name', e.target.value)}
            />
          )}
        </Field>
        <Field label={t('participant.gender')} error={errors.gender}>
          {(control) => (
            <select
              {...control}
              data-testid="participant-gender"
              value={values.gender}
              onChange={(e) => set('gender', genderOf(e.target.value))}
            >
              <option value="">{t('participant.genderUnset')}</option>
              {genders.map((gender) => (
                <option key={gender} value={gender}>
                  {t(`gender.${gender}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {training ? (
          <>
            <Field label={t('participant.ethnicity')} error={errors.ethnicity}>
              {(control) => (
                <input
                  {...control}
                  data-testid="participant-ethnicity"
                  value={values.ethnicity}
                  maxLength={20}
                  onChange={(e) => set('ethnicity', e.target.value)}
                />
              )}
            </Field>
            <Field label={t('participant.region')} error={errors.region}>
              {(control) => (
                <input
                  {...control}
                  data-testid="participant-region"
                  value={values.region}
                  maxLength={50}
                  onChange={(e) => set('region', e.target.value)}
                />
              )}
            </Field>
          </>
        ) : null}
        <Field label={t(training ? 'trainingConsole.col.phone' : 'participant.phone')} error={errors.phone}>
          {(control) => (
            <input
              {...control}
              type="tel"
              inputMode="tel"
              data-testid="participant-phone"
              value={values.phone}
              maxLength={30}
              onChange={(e) => set('phone', e.target.value)}
            />
          )}
        </Field>
        <Field
          label={t(training ? 'trainingConsole.col.organization' : 'participant.organization')}
          error={errors.organization}
        >
          {(control) => (
            <input
              {...control}
              data-testid="participant-organization"
              value={values.organization}
              maxLength={200}
              onChange={(e) => set('organization', e.target.value)}
            />
          )}
        </Field>
        <Field label={t(training ? 'trainingConsole.col.title' : 'participant.title')} error={errors.title}>
          {(control) => (
            <input
              {...control}
              data-testid="participant-title"
              value={values.title}
              maxLength={300}
              onChange={(e) => set('title', e.target.value)}
            />
          )}
        </Field>
        <Field label={t('participant.group')} error={errors.group}>
          {(control) => (
            <input
              {...control}
              data-testid="participant-group"
              value={values.group}
              maxLength={50}
              onChange={(e) => set('group', e.target.value)}
            />
          )}
        </Field>
        {training ? (
          <Field label={t('participant.note')} error={errors.note}>
            {(control) => (
              <input
                {...control}
                data-testid="participant-note"
                value={values.note}
                maxLength={200}
                onChange={(e) => set('note', e.target.value)}
              />
            )}
          </Field>
        ) : null}
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={busy} data-testid="participant-submit">
          {busy ? t('form.saving') : t(editing ? 'editing.save' : 'participant.add')}
        </Button>
        {editing ? (
          <Button onClick={() => onEdited?.(null)} disabled={busy} data-testid="participant-edit-cancel">
            {t('editing.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

function genderOf(value: string): Gender | '' {
  return genders.find((gender) => gender === value) ?? '';
}
