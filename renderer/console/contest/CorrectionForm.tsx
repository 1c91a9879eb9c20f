import { useState, type FormEvent } from 'react';
import type { Judge, JudgeSheet, Performance, Rubric } from '../../../shared/api/contest';
import type { ApiClient } from '../../api/client';
import { keys } from '../../api/queries';
import { useAction } from '../../api/useAction';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { useT } from '../../ui/i18n';
import { useToast } from '../../ui/Toast';
import { ReasonField, SheetFields, sheetErrorPlace, sheetScores } from './SheetFields';

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
    const body = { scores: sheetScores(rubric, values), reason: reason.trim() };
    action.run('submit', () => api.call('correctScore', { params: { ...params, jid: judgeId }, body }), {
      done: (saved) => t('contest.correction.saved', { total: saved.total }),
      invalidate: [keys.topic(eventId, 'audit')],
      then: () => {
        setValues({});
        setReason('');
      },
      failed: (error, text) => {
        const place = sheetErrorPlace(rubric, error);
        setErrors({ [place]: text });
        if (place === 'form') toast(text, 'error');
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
        <SheetFields
          rubric={rubric}
          values={values}
          errors={errors}
          onChange={(key, value) => setValues((v) => ({ ...v, [key]: value }))}
        />
        <ReasonField
          label={t('run.correctionReason')}
          example={t('contest.correction.reasonExample')}
          value={reason}
          error={errors.reason}
          onChange={setReason}
          testId="correction-reason"
        />
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
