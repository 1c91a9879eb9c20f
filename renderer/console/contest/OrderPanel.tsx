import { useCallback, useEffect, useState } from 'react';
import type { Performance } from '../../../shared/api/contest';
import { ApiError, type ApiClient } from '../../api/client';
import { Button } from '../../ui/Button';
import { LoadError } from '../../ui/LoadError';
import { Empty, Notice } from '../../ui/Notice';
import { useT } from '../../ui/i18n';
import { useToast } from '../../ui/Toast';
import { useErrorMessage } from '../../ui/useErrorMessage';
import { useLoad } from '../../ui/useLoad';
import type { LiveVersions } from './ContestSections';
import { move } from './RubricEditor';

/** The seed of the latest draw, read from the audit log (the host records it there). */
function seedOf(after: unknown): string | null {
  if (typeof after !== 'object' || after === null || !('seed' in after)) return null;
  return typeof after.seed === 'string' ? after.seed : null;
}

export function OrderPanel({ api, eventId, live }: { api: ApiClient; eventId: number; live: LiveVersions }) {
  const t = useT();
  const toast = useToast();
  const message = useErrorMessage();
  const id = String(eventId);
  const version = live.performances;
  const performances = useLoad(
    useCallback(() => {
      void version;
      return api.call('listPerformances', { params: { id } });
    }, [api, id, version]),
  );
  const audit = useLoad(useCallback(() => api.call('audit', { params: { id } }), [api, id]));
  const [seedInput, setSeedInput] = useState('');
  const [seed, setSeed] = useState<string | null>(null);
  const [edited, setEdited] = useState<number[] | null>(null);
  // The order the host just answered a draw or a save with, shown until the reloaded list has caught up with it: the new seed never sits above the old order.
  const [drawn, setDrawn] = useState<number[] | null>(null);
  const [closedBy, setClosedBy] = useState<string | null>(null);
  const [busy, setBusy] = useState<'draw' | 'save' | null>(null);

  useEffect(() => {
    if (seed !== null || !audit.data) return;
    const lastDraw = audit.data.filter((entry) => entry.action === 'draw').at(-1);
    if (lastDraw) setSeed(seedOf(lastDraw.after));
  }, [audit.data, seed]);

  const list = [...(performances.data ?? [])].sort((a, b) => a.order - b.order);
  const byId = new Map(list.map((p) => [p.participantId, p]));
  const loaded = list.map((p) => p.participantId);
  const caughtUp = drawn !== null && drawn.length === loaded.length && drawn.every((pid, i) => loaded[i] === pid);
  useEffect(() => {
    if (caughtUp) setDrawn(null);
  }, [caughtUp]);
  const order = (edited ?? drawn ?? loaded).filter((pid) => byId.has(pid));
  const started = list.some((p) => p.status !== 'waiting');
  const locked = started || closedBy !== null;

  function refused(error: unknown) {
    if (error instanceof ApiError && error.status === 409) setClosedBy(error.message);
    toast(message(error), 'error');
  }

  async function draw() {
    setBusy('draw');
    try {
      const result = await api.call('draw', {
        params: { id },
        body: seedInput.trim() ? { seed: seedInput.trim() } : {},
      });
      setSeed(result.seed);
      setDrawn(result.order);
      setEdited(null);
      toast(t('contest.order.drawn'));
      performances.reload();
    } catch (error) {
      refused(error);
    } finally {
      setBusy(null);
    }
  }

  async function save() {
    setBusy('save');
    try {
      const result = await api.call('setOrder', { params: { id }, body: { order } });
      setDrawn(result.order);
      setEdited(null);
      toast(t('contest.order.saved'));
      performances.reload();
    } catch (error) {
      refused(error);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="panel contest-order">
      <div className="panel-head">
        <h2 className="panel-title">{t('contest.order.title')}</h2>
      </div>
      {performances.error ? <LoadError error={performances.error} onRetry={performances.reload} /> : null}
      {locked ? <Notice tone="info">{closedBy ?? t('contest.order.closed')}</Notice> : null}

      <div className="contest-draw">
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
        <Button
          variant="primary"
          onClick={draw}
          busy={busy === 'draw'}
          disabled={locked || list.length === 0}
          data-testid="draw-button"
        >
          {t('contest.order.draw')}
        </Button>
      </div>
      {seed ? (
        <p className="contest-seed" data-testid="draw-seed-shown">
          {t('contest.order.seedShown', { seed })}
        </p>
      ) : (
        <p className="muted">{t('contest.order.noDraw')}</p>
      )}

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
          busy={busy === 'save'}
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

export function StatusChip({ status }: { status: Performance['status'] }) {
  const t = useT();
  return (
    <span className={`contest-chip contest-chip-${status}`} data-testid="status-chip" data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
