import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ApiClient } from '../../api/client';
import { keys } from '../../api/queries';
import { useAction } from '../../api/useAction';
import { Button } from '../../ui/Button';
import { useT } from '../../ui/i18n';
import { Modal } from '../../ui/Modal';
import { Cell } from './RubricCell';

/** 解除锁定: says what happens to results already revealed and asks for the reason the audit log keeps. */
export function UnfreezeDialog({ api, eventId, onClose }: { api: ApiClient; eventId: number; onClose: () => void }) {
  const t = useT();
  const action = useAction();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    input.current?.focus();
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setError(t('rules.unfreeze.needReason'));
      return;
    }
    const body = { reason: reason.trim() };
    action.run('unfreeze', () => api.call('unfreezeRubric', { params: { id: String(eventId) }, body }), {
      done: t('rules.unfreeze.done'),
      invalidate: [keys.topic(eventId, 'rubric'), keys.topic(eventId, 'audit')],
      then: onClose,
      failed: (_error, text) => setError(text),
    });
  }

  const busy = action.busy === 'unfreeze';
  return (
    <Modal
      className="rules-dialog"
      labelledBy="unfreeze-heading"
      onClose={onClose}
      closable={!busy}
      onSubmit={submit}
      testId="unfreeze-dialog"
    >
      <h2 id="unfreeze-heading" className="panel-title">
        {t('rules.unfreeze.title')}
      </h2>
      <p className="rules-warning">{t('rules.unfreeze.warning')}</p>
      <Cell label={t('rules.unfreezeReason')} error={error ?? undefined}>
        <textarea
          ref={input}
          rows={3}
          value={reason}
          placeholder={t('rules.unfreeze.reasonHint')}
          onChange={(e) => {
            setReason(e.target.value);
            setError(null);
          }}
          data-testid="unfreeze-reason"
        />
      </Cell>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={busy} data-testid="unfreeze-confirm">
          {t('rules.unfreeze.confirm')}
        </Button>
        <Button onClick={onClose} disabled={busy}>
          {t('rules.unfreeze.cancel')}
        </Button>
      </div>
    </Modal>
  );
}
