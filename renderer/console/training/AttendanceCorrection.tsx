import { useState, type FormEvent } from 'react';
import { attendanceStatuses, type AttendanceStatus } from '../../../shared/domain/attendance';
import type { ApiClient } from '../../api/client';
import { useAction } from '../../api/useAction';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { useT } from '../../ui/i18n';
import { attendanceKeys } from './queries';

interface CorrectionProps {
  api: ApiClient;
  eventId: number;
  session: { id: number; title: string };
  trainee: { participantId: number; name: string };
  status: AttendanceStatus | null;
  onDone: () => void;
}

/** Sets one trainee's status in one session (出勤/迟到/请假/缺勤/早退) with a reason; the host keeps it in the log. */
export function AttendanceCorrection({ api, eventId, session, trainee, status, onDone }: CorrectionProps) {
  const t = useT();
  const action = useAction();
  const [chosen, setChosen] = useState<AttendanceStatus>(status ?? 'leave');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const params = { id: String(eventId), sid: String(session.id), pid: String(trainee.participantId) };
    action.run('save', () => api.call('setAttendance', { params, body: { status: chosen, reason } }), {
      done: t('trainingConsole.correct.done', { name: trainee.name, status: t(`attendance.status.${chosen}`) }),
      invalidate: attendanceKeys(eventId),
      then: onDone,
      failed: (_error, text) => setError(text),
    });
  }

  return (
    <form className="form training-correction" onSubmit={submit} noValidate data-testid="correction-form">
      <p className="strong">{t('trainingConsole.correct.title', { name: trainee.name, session: session.title })}</p>
      {error ? <Notice tone="error">{error}</Notice> : null}
      <fieldset className="training-statuses">
        <legend className="visually-hidden">{t('attendance.status')}</legend>
        {attendanceStatuses.map((option) => (
          <label key={option} className="contest-check">
            <input
              type="radio"
              name={`status-${session.id}-${trainee.participantId}`}
              checked={chosen === option}
              onChange={() => setChosen(option)}
              data-testid={`correction-${option}`}
            />
            {t(`attendance.status.${option}`)}
          </label>
        ))}
      </fieldset>
      <Field label={t('attendance.reason')} hint={t('trainingConsole.correct.reasonHint')}>
        {(control) => (
          <input
            {...control}
            value={reason}
            maxLength={200}
            onChange={(e) => setReason(e.target.value)}
            data-testid="correction-reason"
          />
        )}
      </Field>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={action.busy === 'save'} data-testid="correction-save">
          {action.busy === 'save' ? t('form.saving') : t('trainingConsole.save')}
        </Button>
        <Button onClick={onDone}>{t('trainingConsole.cancel')}</Button>
      </div>
    </form>
  );
}
