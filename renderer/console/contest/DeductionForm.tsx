import { useState, type FormEvent } from 'react';
import type { Performance, Rubric } from '../../../shared/api/contest';
import { ApiError, type ApiClient } from '../../api/client';
import { keys } from '../../api/queries';
import { useAction } from '../../api/useAction';
import { Button } from '../../ui/Button';
import { useT } from '../../ui/i18n';
import { fieldPath, formatClock } from './format';

/** Points taken off a speaker (overtime, a rule broken), with the reason that goes into the audit log. */
export function DeductionForm({
  api,
  eventId,
  performance,
  rubric,
}: {
  api: ApiClient;
  eventId: number;
  performance: Performance;
  rubric: Rubric | null;
}) {
  const t = useT();
  const action = useAction();
  const [points, setPoints] = useState(performance.deduction === '0.00' ? '' : performance.deduction);
  const [reason, setReason] = useState(performance.deductionReason ?? '');
  const [error, setError] = useState<{ field: 'points' | 'reason' | 'form'; text: string } | null>(null);
  const perMinute = rubric?.timer?.overtimeDeductionPerMinute ?? 0;

  function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const value = points.trim() === '' ? 0 : Number(points.trim());
    const body = { points: value, ...(reason.trim() ? { reason: reason.trim() } : {}) };
    const params = { id: String(eventId), pid: String(performance.participantId) };
    action.run('save', () => api.call('setDeduction', { params, body }), {
      done: t('contest.run.deductionSaved', { name: performance.name }),
      invalidate: [keys.topic(eventId, 'performances'), keys.topic(eventId, 'audit')],
      failed: (err, text) => {
        const path = err instanceof ApiError ? fieldPath(err.field) : null;
        setError({ field: path === 'points' ? 'points' : path === 'reason' ? 'reason' : 'form', text });
      },
    });
  }

  return (
    <form className="panel contest-deduction" onSubmit={submit} noValidate>
      <div className="panel-head">
        <h2 className="panel-title">{t('contest.run.deduction')}</h2>
        <span className="muted" data-testid="deduction-current">
          {t('contest.run.deductionNow', { points: performance.deduction })}
        </span>
      </div>
      {performance.overtimeSeconds > 0 ? (
        <p className="muted">
          {t('contest.run.overtimeNote', { time: formatClock(performance.overtimeSeconds * 1000) })}
          {perMinute > 0 ? ` ${t('contest.run.overtimeAuto', { points: perMinute })}` : ''}
        </p>
      ) : null}
      <div className="contest-inline-form">
        <div className={`field ${error?.field === 'points' ? 'field-invalid' : ''}`}>
          <label className="field-label">
            {t('run.deduction')}
            <input
              className="contest-input-short"
              inputMode="decimal"
              value={points}
              placeholder="0"
              onChange={(e) => setPoints(e.target.value)}
              data-testid="deduction-points"
            />
          </label>
        </div>
        <div className={`field contest-grow ${error?.field === 'reason' ? 'field-invalid' : ''}`}>
          <label className="field-label">
            <span>
              {t('run.deductionReason')} <span className="field-optional">{t('form.optional')}</span>
            </span>
            <input
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder={t('contest.run.deductionExample')}
              data-testid="deduction-reason"
            />
          </label>
        </div>
        <Button type="submit" busy={action.busy === 'save'} data-testid="deduction-save">
          {t('contest.run.deductionSave')}
        </Button>
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {error.text}
        </p>
      ) : null}
    </form>
  );
}
