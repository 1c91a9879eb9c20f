import { useState, type FormEvent } from 'react';
import type { Judge, JudgeSheet, Performance, Rubric } from '../../../shared/api/contest';
import { ApiError, type ApiClient } from '../../api/client';
import { keys } from '../../api/queries';
import { useAction } from '../../api/useAction';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { useT } from '../../ui/i18n';
import { useToast } from '../../ui/Toast';
import { fieldPath } from './format';

/** The chief judge's correction of a locked score: one judge's sheet, changed with a reason (audited). */
export function CorrectionForm({
  api,
  eventId,
  performance,
  rubric,
  judges,
}: {
  api: ApiClient;
  eventId: number;
  performance: Performance;
  rubric: Rubric;
  judges: readonly Judge[];
}) {
  const t = useT();
  const toast = useToast();
  const action = useAction();
  const [open, setOpen] = useState(false);
  const eligible = judges.filter((j) => !performance.recusedJudgeIds.includes(j.id));
  const [judgeId, setJudgeId] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sheets, setSheets] = useState<readonly JudgeSheet[]>([]);
  const params = { id: String(eventId), pid: String(performance.participantId) };

  /** The chief judge starts from the judge's sheet as it stands, and changes only what was wrong. */
  function pickJudge(value: string) {
    setJudgeId(value);
    setErrors({});
    action.run('sheets', () => api.call('judgeSheets', { params }), {
      then: (current) => {
        setSheets(current);
        const sheet = current.find((s) => String(s.judgeId) === value);
        setValues(
          sheet ? Object.fromEntries(Object.entries(sheet.scores).map(([key, points]) => [key, String(points)])) : {},
        );
      },
    });
  }
  const currentTotal = sheets.find((s) => String(s.judgeId) === judgeId)?.total ?? null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!judgeId) found.judge = t('contest.correction.pickJudge');
    if (!reason.trim()) found.reason = t('contest.correction.needReason');
    setErrors(found);
    if (Object.keys(found).length) return;
    const scores: Record<string, number | null> = {};
    for (const c of rubric.criteria) {
      const text = (values[c.key] ?? '').trim();
      scores[c.key] = text === '' ? null : Number(text);
    }
    const body = { scores, reason: reason.trim() };
    action.run('submit', () => api.call('correctScore', { params: { ...params, jid: judgeId }, body }), {
      done: (saved) => t('contest.correction.saved', { total: saved.total }),
      invalidate: [keys.topic(eventId, 'audit')],
      then: () => {
        setValues({});
        setReason('');
      },
      failed: (error, text) => {
        const path = error instanceof ApiError ? fieldPath(error.field) : null;
        const key = path?.replace(/^scores\./, '') ?? '';
        if (path === 'reason') setErrors({ reason: text });
        else if (rubric.criteria.some((c) => c.key === key)) setErrors({ [`score:${key}`]: text });
        else {
          setErrors({ form: text });
          toast(text, 'error');
        }
      },
    });
  }

  if (!open) {
    return (
      <div className="contest-correction-closed">
        <Button onClick={() => setOpen(true)} data-testid="correction-open">
          {t('contest.correction.open')}
        </Button>
        <span className="muted">{t('contest.correction.hint')}</span>
      </div>
    );
  }

  return (
    <form className="panel contest-correction" onSubmit={submit} noValidate>
      <div className="panel-head">
        <h2 className="panel-title">{t('contest.correction.title', { name: performance.name })}</h2>
        <Button variant="quiet" onClick={() => setOpen(false)}>
          {t('contest.correction.cancel')}
        </Button>
      </div>
      <p className="muted">{t('contest.correction.hint')}</p>
      <div className="form-grid form-grid-3">
        <div className={`field ${errors.judge ? 'field-invalid' : ''}`}>
          <label className="field-label">
            {t('contest.correction.judge')}
            <select value={judgeId} onChange={(e) => pickJudge(e.target.value)} data-testid="correction-judge">
              <option value="">{t('contest.correction.pickJudge')}</option>
              {eligible.map((j) => (
                <option key={j.id} value={String(j.id)}>
                  {j.name}
                </option>
              ))}
            </select>
          </label>
          {errors.judge ? (
            <p className="field-error" role="alert">
              {errors.judge}
            </p>
          ) : null}
          {judgeId ? (
            <p className="field-hint" data-testid="correction-current">
              {currentTotal === null
                ? t('contest.correction.noSheet')
                : t('contest.correction.currentTotal', { total: currentTotal })}
            </p>
          ) : null}
        </div>
        {rubric.criteria.map((c) => {
          const error = errors[`score:${c.key}`];
          return (
            <div key={c.key} className={`field ${error ? 'field-invalid' : ''}`}>
              <label className="field-label">
                {t('contest.correction.criterion', { name: c.name, max: c.max })}
                <input
                  inputMode="decimal"
                  value={values[c.key] ?? ''}
                  onChange={(e) => setValues((v) => ({ ...v, [c.key]: e.target.value }))}
                  data-testid="correction-score"
                  data-key={c.key}
                />
              </label>
              {error ? (
                <p className="field-error" role="alert">
                  {error}
                </p>
              ) : null}
            </div>
          );
        })}
        <div className={`field span-2 ${errors.reason ? 'field-invalid' : ''}`}>
          <label className="field-label">
            <span>
              {t('run.correctionReason')} <span className="field-required">*</span>
            </span>
            <input
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder={t('contest.correction.reasonExample')}
              data-testid="correction-reason"
              aria-required="true"
            />
          </label>
          {errors.reason ? (
            <p className="field-error" role="alert">
              {errors.reason}
            </p>
          ) : null}
        </div>
      </div>
      {errors.form ? <Notice tone="error">{errors.form}</Notice> : null}
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={action.busy === 'submit'} data-testid="correction-submit">
          {t('contest.correction.submit')}
        </Button>
      </div>
    </form>
  );
}
