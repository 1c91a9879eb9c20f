import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { AttendanceSummary, Completion, CompletionRules } from '../../../shared/api/training';
import { leaveRules, type LeaveRule } from '../../../shared/domain/attendance';
import type { ApiClient } from '../../api/client';
import { retry } from '../../api/queries';
import { useAction } from '../../api/useAction';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { LoadError } from '../../ui/LoadError';
import { Notice } from '../../ui/Notice';
import { useT } from '../../ui/i18n';
import { attendanceKeys, useAttendance, useCompletion } from './queries';

type CompletionState = z.infer<typeof Completion>;
type Override = CompletionState['overrides'][number];
type Row = AttendanceSummary['rows'][number];

/** The rules and overrides as the host takes them back: what is kept, with `change` applied. */
function rulesBody(completion: CompletionState, change: Partial<CompletionRules>): CompletionRules {
  const { minRate, leave, minHours, overrides } = completion;
  return { minRate, leave, ...(minHours === undefined ? {} : { minHours }), overrides, ...change };
}

/** 结业与证书 (upper part): who completes the class under which rules, and an adjustment per trainee with a reason. */
export function CompletionPanel({ api, eventId }: { api: ApiClient; eventId: number }) {
  const t = useT();
  const completion = useCompletion(api, eventId);
  const attendance = useAttendance(api, eventId);

  if (completion.error && !completion.data) return <LoadError error={completion.error} onRetry={retry(completion)} />;
  if (!completion.data) return <p className="muted">{t('app.loading')}</p>;
  const state = completion.data;
  const rows = attendance.data?.rows ?? [];
  const completers = new Set(state.completers);

  return (
    <div className="training-completion">
      <RulesForm
        key={`${state.minRate}-${state.leave}-${state.minHours ?? ''}`}
        api={api}
        eventId={eventId}
        completion={state}
      />
      {attendance.error ? <LoadError error={attendance.error} onRetry={retry(attendance)} /> : null}
      <div className="training-completion-lists">
        {[true, false].map((completes) => {
          const people = rows.filter((r) => completers.has(r.participantId) === completes);
          return (
            <section
              key={String(completes)}
              className="panel"
              data-testid={completes ? 'completers' : 'non-completers'}
              aria-labelledby={`completion-${String(completes)}`}
            >
              <h2 id={`completion-${String(completes)}`} className="panel-title training-gap-below">
                {t(completes ? 'trainingConsole.completion.completers' : 'trainingConsole.completion.others', {
                  count: people.length,
                })}
              </h2>
              {people.length === 0 ? <p className="muted">{t('trainingConsole.completion.noneHere')}</p> : null}
              <ul className="training-people">
                {people.map((row) => (
                  <TraineeResult
                    key={row.participantId}
                    api={api}
                    eventId={eventId}
                    completion={state}
                    row={row}
                    completes={completes}
                  />
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </div>
  );
}

function RulesForm({ api, eventId, completion }: { api: ApiClient; eventId: number; completion: CompletionState }) {
  const t = useT();
  const action = useAction();
  const [minRate, setMinRate] = useState(String(completion.minRate));
  const [leave, setLeave] = useState<LeaveRule>(completion.leave);
  const [minHours, setMinHours] = useState(completion.minHours === undefined ? '' : String(completion.minHours));
  const [errors, setErrors] = useState<{ minRate?: string; minHours?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const rate = Number(minRate);
    const hours = Number(minHours);
    const found: typeof errors = {};
    if (minRate.trim() === '' || !(rate >= 0 && rate <= 100))
      found.minRate = t('trainingConsole.completion.rateProblem');
    if (minHours.trim() !== '' && !(hours >= 0 && hours <= 1000))
      found.minHours = t('trainingConsole.completion.hoursProblem');
    setErrors(found);
    setFormError(null);
    if (found.minRate || found.minHours) return;
    const body = rulesBody(completion, { minRate: rate, leave, minHours: minHours.trim() === '' ? undefined : hours });
    action.run('save', () => api.call('putCompletion', { params: { id: String(eventId) }, body }), {
      done: t('trainingConsole.completion.saved'),
      invalidate: attendanceKeys(eventId),
      failed: (_error, text) => setFormError(text),
    });
  }

  return (
    <form className="panel form training-rules" onSubmit={submit} noValidate data-testid="completion-rules">
      <h2 className="panel-title">{t('trainingConsole.completion.rules')}</h2>
      {formError ? <Notice tone="error">{formError}</Notice> : null}
      <div className="form-grid form-grid-3">
        <Field label={t('completion.minRate')} required error={errors.minRate}>
          {(control) => (
            <input
              {...control}
              inputMode="decimal"
              value={minRate}
              onChange={(e) => setMinRate(e.target.value)}
              data-testid="completion-min-rate"
            />
          )}
        </Field>
        <fieldset className="field training-choice">
          <legend className="field-label">{t('completion.leave')}</legend>
          {leaveRules.map((rule) => (
            <label key={rule} className="contest-check">
              <input
                type="radio"
                name="completion-leave"
                checked={leave === rule}
                onChange={() => setLeave(rule)}
                data-testid={`completion-leave-${rule}`}
              />
              {t(`trainingConsole.completion.leave.${rule}`)}
            </label>
          ))}
        </fieldset>
        <Field
          label={t('completion.minHours')}
          hint={t('trainingConsole.completion.minHoursHint')}
          error={errors.minHours}
        >
          {(control) => (
            <input
              {...control}
              inputMode="decimal"
              value={minHours}
              onChange={(e) => setMinHours(e.target.value)}
              data-testid="completion-min-hours"
            />
          )}
        </Field>
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={action.busy === 'save'} data-testid="completion-save">
          {action.busy === 'save' ? t('form.saving') : t('trainingConsole.completion.save')}
        </Button>
      </div>
    </form>
  );
}

function TraineeResult({
  api,
  eventId,
  completion,
  row,
  completes,
}: {
  api: ApiClient;
  eventId: number;
  completion: CompletionState;
  row: Row;
  completes: boolean;
}) {
  const t = useT();
  const action = useAction();
  const [adjusting, setAdjusting] = useState(false);
  const [grant, setGrant] = useState(!completes);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const override = completion.overrides.find((o) => o.participantId === row.participantId);
  const others = completion.overrides.filter((o) => o.participantId !== row.participantId);

  function save(overrides: Override[], done: string) {
    const body = rulesBody(completion, { overrides });
    action.run('save', () => api.call('putCompletion', { params: { id: String(eventId) }, body }), {
      done,
      invalidate: attendanceKeys(eventId),
      then: () => setAdjusting(false),
      failed: (_error, text) => setError(text),
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) return setError(t('trainingConsole.completion.reasonRequired'));
    setError(undefined);
    const next = { participantId: row.participantId, completes: grant, reason: reason.trim() };
    save([...others, next], t('trainingConsole.completion.overrideSaved', { name: row.name }));
  }

  return (
    <li className="training-person" data-testid="completion-row" data-name={row.name}>
      <div className="training-person-line">
        <span className="strong">{row.name}</span>
        <span className="muted">{row.group ?? ''}</span>
        <span>
          {t('trainingConsole.col.rate')} {t('trainingConsole.rate', { rate: row.rate })} ·{' '}
          {t('trainingConsole.col.hours')} {row.hours}
        </span>
        {override ? (
          <span className="tag tag-training" data-testid="completion-overridden">
            {t('trainingConsole.completion.overridden', { reason: override.reason })}
          </span>
        ) : null}
        <span className="training-row-actions">
          {override ? (
            <Button
              variant="quiet"
              busy={action.busy === 'save'}
              onClick={() => save(others, t('trainingConsole.completion.overrideRemoved', { name: row.name }))}
              data-testid="completion-undo"
            >
              {t('trainingConsole.completion.undo')}
            </Button>
          ) : null}
          {!adjusting ? (
            <Button variant="quiet" onClick={() => setAdjusting(true)} data-testid="completion-adjust">
              {t('trainingConsole.completion.override')}
            </Button>
          ) : null}
        </span>
      </div>
      {adjusting ? (
        <form className="form training-correction" onSubmit={submit} noValidate data-testid="override-form">
          <p className="strong">{t('trainingConsole.completion.overrideTitle', { name: row.name })}</p>
          <div className="training-statuses">
            {[true, false].map((value) => (
              <label key={String(value)} className="contest-check">
                <input
                  type="radio"
                  name={`override-${row.participantId}`}
                  checked={grant === value}
                  onChange={() => setGrant(value)}
                  data-testid={value ? 'override-grant' : 'override-refuse'}
                />
                {t(value ? 'trainingConsole.completion.grant' : 'trainingConsole.completion.refuse')}
              </label>
            ))}
          </div>
          <Field
            label={t('completion.reason')}
            required
            hint={t('trainingConsole.completion.reasonHint')}
            error={error}
          >
            {(control) => (
              <input
                {...control}
                value={reason}
                maxLength={200}
                onChange={(e) => {
                  setReason(e.target.value);
                  setError(undefined);
                }}
                data-testid="override-reason"
              />
            )}
          </Field>
          <div className="form-actions">
            <Button type="submit" variant="primary" busy={action.busy === 'save'} data-testid="override-save">
              {t('trainingConsole.save')}
            </Button>
            <Button onClick={() => setAdjusting(false)}>{t('trainingConsole.cancel')}</Button>
          </div>
        </form>
      ) : null}
    </li>
  );
}
