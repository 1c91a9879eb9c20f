import { useState, type FormEvent } from 'react';
import type { Desk } from '../../../shared/api/training';
import type { ApiClient } from '../../api/client';
import { retry } from '../../api/queries';
import { useAction } from '../../api/useAction';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { LoadError } from '../../ui/LoadError';
import { useT } from '../../ui/i18n';
import { useToast } from '../../ui/Toast';
import { QrCode } from '../QrCode';
import { ConfirmButton } from './ConfirmButton';
import { trainingKeys, useDesks } from './queries';

/** 签到台: a link (and QR) per desk, for staff checking trainees in on another computer; revoked when done. */
export function DesksCard({ api, eventId }: { api: ApiClient; eventId: number }) {
  const t = useT();
  const desks = useDesks(api, eventId);
  const action = useAction();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const changed = [trainingKeys.topic(eventId, 'desks')];
  const id = String(eventId);

  function add(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setNameError(t('form.required', { field: t('desk.name') }));
    setNameError(undefined);
    action.run('add', () => api.call('createDesk', { params: { id }, body: { name } }), {
      done: (desk) => t('trainingConsole.checkin.desks.added', { name: desk.name }),
      invalidate: changed,
      then: () => setName(''),
      failed: (_error, text) => setNameError(text),
    });
  }

  function revoke(desk: Desk) {
    action.run('revoke', () => api.call('deleteDesk', { params: { id, did: String(desk.id) } }), {
      done: t('trainingConsole.checkin.desks.revoked', { name: desk.name }),
      invalidate: changed,
    });
  }

  const list = desks.data ?? [];
  return (
    <section className="panel training-desks" aria-labelledby="desks-heading">
      <h2 id="desks-heading" className="panel-title training-gap-below">
        {t('trainingConsole.checkin.desks.title')}
      </h2>
      <p className="muted training-small">{t('trainingConsole.checkin.desks.hint')}</p>
      {desks.error ? <LoadError error={desks.error} onRetry={retry(desks)} /> : null}
      <form className="form training-desk-form" onSubmit={add} noValidate>
        <Field label={t('desk.name')} required error={nameError}>
          {(control) => (
            <input
              {...control}
              value={name}
              maxLength={50}
              placeholder={t('trainingConsole.checkin.desks.placeholder')}
              onChange={(e) => {
                setName(e.target.value);
                setNameError(undefined);
              }}
              data-testid="desk-name"
            />
          )}
        </Field>
        <Button type="submit" busy={action.busy === 'add'} data-testid="desk-add">
          {t('trainingConsole.checkin.desks.add')}
        </Button>
      </form>
      {desks.data && list.length === 0 ? <p className="muted">{t('trainingConsole.checkin.desks.none')}</p> : null}
      <ul className="training-desk-list">
        {list.map((desk) => (
          <DeskItem key={desk.id} desk={desk} busy={action.busy === 'revoke'} onRevoke={() => revoke(desk)} />
        ))}
      </ul>
    </section>
  );
}

function DeskItem({ desk, busy, onRevoke }: { desk: Desk; busy: boolean; onRevoke: () => void }) {
  const t = useT();
  const toast = useToast();

  async function copy() {
    try {
      await navigator.clipboard.writeText(desk.joinUrl);
      toast(t('trainingConsole.checkin.desks.copied'));
    } catch {
      toast(t('trainingConsole.checkin.desks.copyFailed'), 'error');
    }
  }

  return (
    <li className="training-desk" data-testid="desk-row">
      <QrCode text={desk.joinUrl} size={96} />
      <div className="training-desk-info">
        <p className="strong">{desk.name}</p>
        <code className="url training-url" data-testid="desk-url">
          {desk.joinUrl}
        </code>
        <span className="contest-row-actions">
          <Button variant="quiet" onClick={() => void copy()}>
            {t('trainingConsole.checkin.desks.copy')}
          </Button>
          <ConfirmButton
            label={t('trainingConsole.checkin.desks.revoke')}
            question={t('trainingConsole.checkin.desks.revokeAsk', { name: desk.name })}
            busy={busy}
            testId="desk-revoke"
            onConfirm={onRevoke}
          />
        </span>
      </div>
    </li>
  );
}
