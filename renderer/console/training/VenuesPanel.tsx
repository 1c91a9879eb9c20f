import { useState, type FormEvent } from 'react';
import type { Venue } from '../../../shared/api/training';
import { venueKinds, type VenueKind } from '../../../shared/domain/attendance';
import type { ApiClient } from '../../api/client';
import { useAction } from '../../api/useAction';
import { retry } from '../../api/queries';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { LoadError } from '../../ui/LoadError';
import { Empty, Notice } from '../../ui/Notice';
import { useT } from '../../ui/i18n';
import { placeError, type FieldErrors } from '../useForm';
import { ConfirmButton } from './ConfirmButton';
import { trainingKeys, useVenues } from './queries';

const fields = ['name', 'kind', 'address'] as const;
type VenueField = (typeof fields)[number];
interface VenueDraft {
  name: string;
  kind: VenueKind;
  address: string;
}

const blank: VenueDraft = { name: '', kind: 'main', address: '' };

/** 会场: the main classroom, sub-classrooms and teaching sites of a class (list, add, edit, delete). */
export function VenuesPanel({ api, eventId }: { api: ApiClient; eventId: number }) {
  const t = useT();
  const venues = useVenues(api, eventId);
  const action = useAction();
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const id = String(eventId);
  // Sessions show their venue's name: both lists change together.
  const changed = [trainingKeys.topic(eventId, 'venues'), trainingKeys.topic(eventId, 'sessions')];

  function remove(venue: Venue) {
    action.run('delete', () => api.call('deleteVenue', { params: { id, vid: String(venue.id) } }), {
      done: t('trainingConsole.venues.deleted', { name: venue.name }),
      invalidate: changed,
    });
  }

  const list = venues.data ?? [];
  return (
    <section className="panel training-venues" aria-labelledby="venues-heading">
      <div className="panel-head">
        <h2 id="venues-heading" className="panel-title">
          {t('trainingConsole.venues.title')}
        </h2>
        {editing === null ? (
          <Button onClick={() => setEditing('new')} data-testid="venue-add">
            {t('trainingConsole.venues.add')}
          </Button>
        ) : null}
      </div>
      <p className="muted training-hint">{t('trainingConsole.venues.hint')}</p>
      {venues.error ? <LoadError error={venues.error} onRetry={retry(venues)} /> : null}
      {editing === 'new' ? (
        <VenueForm api={api} eventId={eventId} venue={null} onDone={() => setEditing(null)} />
      ) : null}
      {venues.data && list.length === 0 && editing !== 'new' ? <Empty>{t('trainingConsole.venues.none')}</Empty> : null}
      <ul className="training-venue-list">
        {list.map((venue) =>
          editing === venue.id ? (
            <li key={venue.id}>
              <VenueForm api={api} eventId={eventId} venue={venue} onDone={() => setEditing(null)} />
            </li>
          ) : (
            <li key={venue.id} className="training-venue" data-testid="venue-row">
              <span className={`tag training-venue-${venue.kind}`}>{t(`venue.kind.${venue.kind}`)}</span>
              <span className="strong">{venue.name}</span>
              {venue.address ? <span className="muted">{venue.address}</span> : null}
              <span className="training-row-actions">
                <Button variant="quiet" onClick={() => setEditing(venue.id)} data-testid="venue-edit">
                  {t('trainingConsole.edit')}
                </Button>
                <ConfirmButton
                  label={t('trainingConsole.delete')}
                  question={t('trainingConsole.venues.deleteAsk', { name: venue.name })}
                  busy={action.busy === 'delete'}
                  testId="venue-delete"
                  onConfirm={() => remove(venue)}
                />
              </span>
            </li>
          ),
        )}
      </ul>
    </section>
  );
}

function VenueForm({
  api,
  eventId,
  venue,
  onDone,
}: {
  api: ApiClient;
  eventId: number;
  venue: Venue | null;
  onDone: () => void;
}) {
  const t = useT();
  const action = useAction();
  const [draft, setDraft] = useState<VenueDraft>(
    venue ? { name: venue.name, kind: venue.kind, address: venue.address ?? '' } : blank,
  );
  const [errors, setErrors] = useState<FieldErrors<VenueField>>({});
  const [formError, setFormError] = useState<string | null>(null);

  function set<K extends VenueField>(key: K, value: VenueDraft[K]) {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!draft.name.trim()) return setErrors({ name: t('form.required', { field: t('venue.name') }) });
    const body = { name: draft.name, kind: draft.kind, address: draft.address };
    const params = { id: String(eventId) };
    setFormError(null);
    action.run(
      'save',
      () =>
        venue
          ? api.call('updateVenue', { params: { ...params, vid: String(venue.id) }, body })
          : api.call('createVenue', { params, body }),
      {
        done: (saved) =>
          t(venue ? 'trainingConsole.venues.saved' : 'trainingConsole.venues.added', { name: saved.name }),
        invalidate: [trainingKeys.topic(eventId, 'venues'), trainingKeys.topic(eventId, 'sessions')],
        then: onDone,
        failed: (error, text) => {
          const placed = placeError(error, fields, text);
          setErrors(placed.fieldErrors);
          setFormError(placed.formError);
        },
      },
    );
  }

  return (
    <form className="form training-inline-form" onSubmit={submit} noValidate data-testid="venue-form">
      {formError ? <Notice tone="error">{formError}</Notice> : null}
      <div className="form-grid form-grid-3">
        <Field label={t('venue.name')} required error={errors.name}>
          {(control) => (
            <input
              {...control}
              value={draft.name}
              maxLength={100}
              onChange={(e) => set('name', e.target.value)}
              data-testid="venue-name"
            />
          )}
        </Field>
        <Field label={t('venue.kind')} required error={errors.kind}>
          {(control) => (
            <select
              {...control}
              value={draft.kind}
              onChange={(e) => set('kind', venueKinds.find((k) => k === e.target.value) ?? 'main')}
              data-testid="venue-kind"
            >
              {venueKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`venue.kind.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('venue.address')} error={errors.address}>
          {(control) => (
            <input
              {...control}
              value={draft.address}
              maxLength={200}
              onChange={(e) => set('address', e.target.value)}
              data-testid="venue-address"
            />
          )}
        </Field>
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={action.busy === 'save'} data-testid="venue-save">
          {action.busy === 'save' ? t('form.saving') : t('trainingConsole.save')}
        </Button>
        <Button onClick={onDone}>{t('trainingConsole.cancel')}</Button>
      </div>
    </form>
  );
}
