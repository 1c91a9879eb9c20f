import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AuditEntry, Performance } from '../../../shared/api/contest';
import { ApiError, type ApiClient } from '../../api/client';
import { keys, retry, useAudit, usePerformances } from '../../api/queries';
import { useAction } from '../../api/useAction';
import { Button } from '../../ui/Button';
import { LoadError } from '../../ui/LoadError';
import { Empty, Notice } from '../../ui/Notice';
import { StatusChip } from '../../ui/StatusChip';
import { useT } from '../../ui/i18n';
import { useToast } from '../../ui/Toast';
import { move } from './rubricForm';
import './OrderPanel.css';

/** The seed of the latest draw, read from the audit log (the host records it there). */
function lastDrawSeed(audit: readonly AuditEntry[] | undefined): string | null {
  const after = audit?.filter((entry) => entry.action === 'draw').at(-1)?.after;
  if (typeof after !== 'object' || after === null || !('seed' in after)) return null;
  return typeof after.seed === 'string' ? after.seed : null;
}

export function OrderPanel({ api, eventId }: { api: ApiClient; eventId: number }) {
  const t = useT();
  const id = String(eventId);
  const performances = usePerformances(api, eventId);
  const audit = useAudit(api, eventId);
  const action = useAction();
  const client = useQueryClient();
  const toast = useToast();
  const [seedInput, setSeedInput] = useState('');
  // The seed of a draw made here, shown with the order it gave (put into the list at once).
  const [drawnSeed, setDrawnSeed] = useState<string | null>(null);
  const [edited, setEdited] = useState<number[] | null>(null);
  const [closedBy, setClosedBy] = useState<string | null>(null);

  const seed = drawnSeed ?? lastDrawSeed(audit.data);
  const list = [...(performances.data ?? [])].sort((a, b) => a.order - b.order);
  const byId = new Map(list.map((p) => [p.participantId, p]));
  const order = (edited ?? list.map((p) => p.participantId)).filter((pid) => byId.has(pid));
  const started = list.some((p) => p.status !== 'waiting');
  const locked = started || closedBy !== null;

  /** Shows the order the host answered at once (the reload may be slow), then asks for the list and the log. */
  function ordered(answer: readonly number[]) {
    const performancesKey = keys.topic(eventId, 'performances');
    const place = new Map(answer.map((pid, index) => [pid, index + 1]));
    client.setQueryData<Performance[]>(
      performancesKey,
      (old) => old && old.map((p) => ({ ...p, order: place.get(p.participantId) ?? p.order })),
    );
    setEdited(null);
    void client.invalidateQueries({ queryKey: performancesKey });
    void client.invalidateQueries({ queryKey: keys.topic(eventId, 'audit') });
  }

  function refused(error: unknown, text: string) {
    if (error instanceof ApiError && error.status === 409) setClosedBy(error.message);
    toast(text, 'error');
  }

  function draw() {
    action.run(
      'draw',
      () => api.call('draw', { params: { id }, body: seedInput.trim() ? { seed: seedInput.trim() } : {} }),
      {
        done: t('contest.order.drawn'),
        then: (result) => {
          ordered(result.order);
          setDrawnSeed(result.seed);
        },
        failed: refused,
      },
    );
  }

  function save() {
    action.run('save', () => api.call('setOrder', { params: { id }, body: { order } }), {
      done: t('contest.order.saved'),
      then: (result) => ordered(result.order),
      failed: refused,
    });
  }

  return (
    <section className="panel contest-order">
      <div className="panel-head">
        <h2 className="panel-title">{t('contest.order.title')}</h2>
      </div>
      {performances.error ? <LoadError error={performances.error} onRetry={retry(performances)} /> : null}
      {locked ? <Notice tone="info">{closedBy ?? t('contest.order.closed')}</Notice> : null}

      <div className="contest-draw">
        <Button
          variant="primary"
          onClick={draw}
          busy={action.busy === 'draw'}
          disabled={locked || list.length === 0}
          data-testid="draw-button"
        >
          {t('contest.order.draw')}
        </Button>
        <p className="muted">{t(seed ? 'contest.order.drawDone' : 'contest.order.noDraw')}</p>
      </div>
      {/* The seed re-runs a draw for whoever checks it: a detail most organisers never need to see. */}
      <details className="contest-draw-advanced">
        <summary data-testid="draw-advanced">{t('contest.order.advanced')}</summary>
        <div className="field">
          <label className="field-label">
            <span>
              {t('contest.order.seed')} <span className="field-optional">{t('form.optional')}</span>
            </span>
            <input
              value={seedInput}
              onChange={(e) => setSeedInput(e.target.value)}
              placeholder={t('contest.order.seedPlaceholder')}
              disabled={locked}
              data-testid="draw-seed"
            />
          </label>
        </div>
        {seed ? (
          <p className="contest-seed" data-testid="draw-seed-shown">
            {t('contest.order.seedShown', { seed })}
          </p>
        ) : null}
      </details>

      {performances.data && list.length === 0 ? <Empty>{t('event.noParticipants')}</Empty> : null}
      <ol className="contest-order-list">
        {order.map((pid, index) => {
          const p = byId.get(pid);
          if (!p) return null;
          return (
            <li key={pid} className="contest-order-row" data-testid="order-row">
              <span className="contest-order-no">{index + 1}</span>
              <span className="strong">{p.name}</span>
              <span className="muted contest-grow">{p.organization ?? ''}</span>
              <StatusChip status={p.status} />
              <Button
                variant="quiet"
                disabled={locked || index === 0}
                onClick={() => setEdited(move(order, index, -1))}
                aria-label={t('contest.order.up', { name: p.name })}
                data-testid="order-up"
              >
                ↑
              </Button>
              <Button
                variant="quiet"
                disabled={locked || index === order.length - 1}
                onClick={() => setEdited(move(order, index, 1))}
                aria-label={t('contest.order.down', { name: p.name })}
                data-testid="order-down"
              >
                ↓
              </Button>
            </li>
          );
        })}
      </ol>
      <div className="form-actions">
        <Button
          variant="primary"
          onClick={save}
          busy={action.busy === 'save'}
          disabled={locked || edited === null}
          data-testid="order-save"
        >
          {t('contest.order.save')}
        </Button>
        {edited ? (
          <Button variant="quiet" onClick={() => setEdited(null)}>
            {t('contest.order.undo')}
          </Button>
        ) : null}
      </div>
    </section>
  );
}
