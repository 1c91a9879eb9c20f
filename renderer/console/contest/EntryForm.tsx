import { useState, type FormEvent } from 'react';
import type { Judge, Performance, Rubric } from '../../../shared/api/contest';
import type { ApiClient } from '../../api/client';
import { keys } from '../../api/queries';
import { useAction } from '../../api/useAction';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { useT } from '../../ui/i18n';
import { ReasonField, SheetFields, sheetErrorPlace, sheetScores, type SheetValues } from './SheetFields';

/** 补录: the chief judge types a judge's sheet from the signed paper card, with a reason (audited as 补录). */
export function EntryForm({
  api,
  eventId,
  performance,
  rubric,
  judge,
  onDone,
  onCancel,
}: {
  api: ApiClient;
  eventId: number;
  performance: Performance;
  rubric: Rubric;
  judge: Judge;
  onDone: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const action = useAction();
  const [values, setValues] = useState<SheetValues>({});
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setErrors({ reason: t('contest.entry.needReason') });
      return;
    }
    setErrors({});
    const params = { id: String(eventId), pid: String(performance.participantId), jid: String(judge.id) };
    const body = { scores: sheetScores(rubric, values), reason: reason.trim() };
    action.run('enter', () => api.call('correctScore', { params, body }), {
      done: (saved) => t('contest.entry.saved', { judge: judge.name, total: saved.total }),
      invalidate: [keys.topic(eventId, 'performances'), keys.topic(eventId, 'audit')],
      then: onDone,
      failed: (error, text) => setErrors({ [sheetErrorPlace(rubric, error)]: text }),
    });
  }

  return (
    <form
      className="contest-entry"
      onSubmit={submit}
      noValidate
      aria-labelledby={`entry-${judge.id}`}
      data-testid="entry-form"
    >
      <h3 id={`entry-${judge.id}`} className="subhead">
        {t('contest.entry.title', { judge: judge.name, name: performance.name })}
      </h3>
      <p className="muted contest-small">{t('contest.entry.hint')}</p>
      <div className="form-grid form-grid-3">
        <SheetFields
          rubric={rubric}
          values={values}
          errors={errors}
          onChange={(key, value) => setValues((v) => ({ ...v, [key]: value }))}
          testId="entry-score"
        />
        <ReasonField
          label={t('contest.entry.reason')}
          example={t('contest.entry.reasonExample')}
          value={reason}
          error={errors.reason}
          onChange={setReason}
          testId="entry-reason"
        />
      </div>
      {errors.form ? <Notice tone="error">{errors.form}</Notice> : null}
      <div className="form-actions">
        <Button onClick={onCancel}>{t('contest.entry.cancel')}</Button>
        <Button type="submit" variant="primary" busy={action.busy === 'enter'} data-testid="entry-submit">
          {t('contest.entry.submit')}
        </Button>
      </div>
    </form>
  );
}
