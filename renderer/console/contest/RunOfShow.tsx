import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { Judge, JudgeSheet, Performance, Rubric } from '../../../shared/api/contest';
import { ApiError, type ApiClient } from '../../api/client';
import { Button } from '../../ui/Button';
import { LoadError } from '../../ui/LoadError';
import { Empty, Notice } from '../../ui/Notice';
import { useT } from '../../ui/i18n';
import { useToast } from '../../ui/Toast';
import { useErrorMessage } from '../../ui/useErrorMessage';
import { useLoad } from '../../ui/useLoad';
import { AuditLog } from './AuditLog';
import type { LiveVersions } from './ContestSections';
import { fieldPath, formatClock, timerColor } from './format';
import { StatusChip } from './OrderPanel';

type Action = 'start' | 'finish' | 'lock' | 'reveal';
const actions: readonly Action[] = ['start', 'finish', 'lock', 'reveal'];
const actionTestIds = { start: 'run-start', finish: 'run-finish', lock: 'run-lock', reveal: 'run-reveal' } as const;
const isOpen = (p: Performance) => p.status === 'speaking' || p.status === 'scoring';

/** What can be done next with this speaker, given who else is on stage. */
function nextAction(p: Performance, someoneOpen: boolean): Action | null {
  switch (p.status) {
    case 'waiting':
      return someoneOpen ? null : 'start';
    case 'speaking':
      return 'finish';
    case 'scoring':
      return 'lock';
    case 'locked':
      return 'reveal';
    case 'revealed':
      return null;
  }
}

export function RunOfShow({
  api,
  eventId,
  live,
  rubric,
}: {
  api: ApiClient;
  eventId: number;
  live: LiveVersions;
  rubric: Rubric | null;
}) {
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
  const judges = useLoad(useCallback(() => api.call('listJudges', { params: { id } }), [api, id]));
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [busy, setBusy] = useState<Action | null>(null);
  const [receivedAt, setReceivedAt] = useState(() => Date.now());
  const [auditRound, setAuditRound] = useState(0);

  useEffect(() => setReceivedAt(Date.now()), [performances.data]);

  const list = [...(performances.data ?? [])].sort((a, b) => a.order - b.order);
  const open = list.find(isOpen);
  const current =
    list.find((p) => p.participantId === selectedId) ??
    open ??
    list.find((p) => p.status === 'locked') ??
    list.find((p) => p.status === 'waiting') ??
    list.at(-1) ??
    null;

  async function act(action: Action, p: Performance) {
    setBusy(action);
    try {
      await api.call(action, { params: { id, pid: String(p.participantId) } });
      // Follow the show: after a step the page shows whoever is on stage or next.
      setSelectedId(action === 'reveal' ? null : p.participantId);
      if (action === 'reveal') toast(t('contest.run.revealed', { name: p.name }));
      performances.reload();
      setAuditRound((n) => n + 1);
    } catch (error) {
      toast(message(error), 'error');
      performances.reload();
    } finally {
      setBusy(null);
    }
  }

  if (performances.error && !performances.data)
    return <LoadError error={performances.error} onRetry={performances.reload} />;
  if (!performances.data) return <p className="muted">{t('app.loading')}</p>;
  if (list.length === 0) return <Empty>{t('event.noParticipants')}</Empty>;

  const judgeList = judges.data ?? [];
  return (
    <div className="contest-run">
      <div className="contest-run-layout">
        <section className="panel contest-run-list" aria-labelledby="run-list-heading">
          <h2 id="run-list-heading" className="panel-title">
            {t('contest.run.order')}
          </h2>
          <ol>
            {list.map((p) => (
              <li key={p.participantId}>
                <button
                  type="button"
                  className="contest-run-row"
                  aria-current={current?.participantId === p.participantId ? 'true' : undefined}
                  onClick={() => setSelectedId(p.participantId)}
                  data-testid="run-row"
                  data-status={p.status}
                >
                  <span className="contest-order-no">{p.order}</span>
                  <span className="contest-run-name">
                    <span className="strong">{p.name}</span>
                    {p.organization ? <span className="muted contest-small">{p.organization}</span> : null}
                  </span>
                  <StatusChip status={p.status} />
                </button>
              </li>
            ))}
          </ol>
        </section>

        {current ? (
          <div className="contest-run-main">
            <section className="panel contest-stage" aria-labelledby="stage-heading" data-testid="run-current">
              <div className="contest-stage-head">
                <div>
                  <p className="muted">{t('contest.run.number', { order: current.order })}</p>
                  <h2 id="stage-heading" className="contest-stage-name">
                    {current.name}
                  </h2>
                  <p className="muted">{[current.organization, current.title].filter(Boolean).join(' · ')}</p>
                </div>
                <div className="contest-stage-status">
                  <StatusChip status={current.status} />
                  <Timer performance={current} rubric={rubric} receivedAt={receivedAt} />
                </div>
              </div>
              <StageButtons
                performance={current}
                someoneOpen={open !== undefined && open.participantId !== current.participantId}
                busy={busy}
                onAct={(action) => void act(action, current)}
              />
              {open && open.participantId !== current.participantId ? (
                <Notice>
                  {t('contest.run.otherOpen', { name: open.name })}{' '}
                  <button type="button" className="contest-link" onClick={() => setSelectedId(open.participantId)}>
                    {t('contest.run.goToOpen')}
                  </button>
                </Notice>
              ) : null}
              <ProgressGrid performance={current} judges={judgeList} live={live} />
            </section>

            {current.status !== 'waiting' ? (
              <DeductionForm
                key={`d-${current.participantId}`}
                api={api}
                eventId={eventId}
                performance={current}
                rubric={rubric}
                onSaved={() => {
                  performances.reload();
                  setAuditRound((n) => n + 1);
                }}
              />
            ) : null}

            {(current.status === 'locked' || current.status === 'revealed') && rubric ? (
              <CorrectionForm
                key={`c-${current.participantId}`}
                api={api}
                eventId={eventId}
                performance={current}
                rubric={rubric}
                judges={judgeList}
                onSaved={() => setAuditRound((n) => n + 1)}
              />
            ) : null}
          </div>
        ) : null}
      </div>
      <AuditLog
        api={api}
        eventId={eventId}
        round={auditRound + live.performances}
        judges={judgeList}
        performances={list}
        criteria={rubric?.criteria ?? []}
      />
    </div>
  );
}

function StageButtons({
  performance,
  someoneOpen,
  busy,
  onAct,
}: {
  performance: Performance;
  someoneOpen: boolean;
  busy: Action | null;
  onAct(action: Action): void;
}) {
  const t = useT();
  const next = nextAction(performance, someoneOpen);
  return (
    <div className="contest-stage-buttons">
      {actions.map((action, index) => (
        <Button
          key={action}
          variant={action === next ? 'primary' : 'secondary'}
          className={`contest-stage-button ${action === next ? 'contest-stage-next' : ''}`}
          disabled={action !== next || busy !== null}
          busy={busy === action}
          onClick={() => onAct(action)}
          data-testid={actionTestIds[action]}
        >
          <span className="contest-stage-step" aria-hidden="true">
            {index + 1}
          </span>
          {t(`contest.button.${action}`)}
        </Button>
      ))}
    </div>
  );
}

function Timer({
  performance,
  rubric,
  receivedAt,
}: {
  performance: Performance;
  rubric: Rubric | null;
  receivedAt: number;
}) {
  const t = useT();
  const running = performance.status === 'speaking';
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const handle = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(handle);
  }, [running]);
  const base = performance.elapsedMs ?? 0;
  const elapsed = running ? base + Math.max(0, now - receivedAt) : base;
  const color = timerColor(elapsed, rubric?.timer ?? null);
  const limit = rubric?.timer?.redAt;
  return (
    <div
      className={`contest-timer contest-timer-${color}`}
      data-testid="run-timer"
      data-color={color}
      role="timer"
      aria-live="off"
    >
      <span className="contest-timer-clock">{formatClock(elapsed)}</span>
      <span className="contest-timer-note">
        {limit !== undefined ? t('contest.run.limit', { limit: formatClock(limit * 1000) }) : t('contest.run.noLimit')}
        {performance.overtimeSeconds > 0
          ? ` · ${t('contest.run.overtime', { time: formatClock(performance.overtimeSeconds * 1000) })}`
          : ''}
      </span>
    </div>
  );
}

function ProgressGrid({
  performance,
  judges,
  live,
}: {
  performance: Performance;
  judges: readonly Judge[];
  live: LiveVersions;
}) {
  const t = useT();
  const submitted = new Set(performance.submittedJudgeIds);
  if (live.progress && live.progress.participantId === performance.participantId) {
    for (const jid of live.progress.submittedJudgeIds) submitted.add(jid);
  }
  const recused = new Set(performance.recusedJudgeIds);
  const expected = judges.filter((j) => !recused.has(j.id)).length;
  const done = judges.filter((j) => submitted.has(j.id) && !recused.has(j.id)).length;
  return (
    <section className="contest-progress" aria-labelledby="progress-heading">
      <div className="contest-progress-head">
        <h3 id="progress-heading" className="subhead">
          {t('contest.run.progress')}
        </h3>
        <span
          className={`tag ${done === expected && expected > 0 ? 'tag-on' : 'tag-off'}`}
          data-testid="progress-count"
        >
          {t('contest.run.progressCount', { done, expected })}
        </span>
      </div>
      {judges.length === 0 ? <p className="muted">{t('contest.judges.none')}</p> : null}
      <ul className="contest-progress-grid">
        {judges.map((judge) => {
          const state = recused.has(judge.id) ? 'recused' : submitted.has(judge.id) ? 'submitted' : 'pending';
          return (
            <li
              key={judge.id}
              className={`contest-progress-cell contest-progress-${state}`}
              data-testid="progress-cell"
              data-state={state}
            >
              <span className="contest-progress-name">{judge.name}</span>
              <span className="contest-progress-state">
                {state === 'submitted' ? '✓ ' : ''}
                {t(`contest.progress.${state}`)}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function DeductionForm({
  api,
  eventId,
  performance,
  rubric,
  onSaved,
}: {
  api: ApiClient;
  eventId: number;
  performance: Performance;
  rubric: Rubric | null;
  onSaved(): void;
}) {
  const t = useT();
  const toast = useToast();
  const message = useErrorMessage();
  const [points, setPoints] = useState(performance.deduction === '0.00' ? '' : performance.deduction);
  const [reason, setReason] = useState(performance.deductionReason ?? '');
  const [error, setError] = useState<{ field: 'points' | 'reason' | 'form'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const perMinute = rubric?.timer?.overtimeDeductionPerMinute ?? 0;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const value = points.trim() === '' ? 0 : Number(points.trim());
      await api.call('setDeduction', {
        params: { id: String(eventId), pid: String(performance.participantId) },
        body: { points: value, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      });
      toast(t('contest.run.deductionSaved', { name: performance.name }));
      onSaved();
    } catch (err) {
      const path = err instanceof ApiError ? fieldPath(err.field) : null;
      setError({ field: path === 'points' ? 'points' : path === 'reason' ? 'reason' : 'form', text: message(err) });
    } finally {
      setBusy(false);
    }
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
        <Button type="submit" busy={busy} data-testid="deduction-save">
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

function CorrectionForm({
  api,
  eventId,
  performance,
  rubric,
  judges,
  onSaved,
}: {
  api: ApiClient;
  eventId: number;
  performance: Performance;
  rubric: Rubric;
  judges: readonly Judge[];
  onSaved(): void;
}) {
  const t = useT();
  const toast = useToast();
  const message = useErrorMessage();
  const [open, setOpen] = useState(false);
  const eligible = judges.filter((j) => !performance.recusedJudgeIds.includes(j.id));
  const [judgeId, setJudgeId] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [sheets, setSheets] = useState<readonly JudgeSheet[]>([]);
  const params = { id: String(eventId), pid: String(performance.participantId) };

  /** The chief judge starts from the judge's sheet as it stands, and changes only what was wrong. */
  async function pickJudge(value: string) {
    setJudgeId(value);
    setErrors({});
    try {
      const current = await api.call('judgeSheets', { params });
      setSheets(current);
      const sheet = current.find((s) => String(s.judgeId) === value);
      setValues(
        sheet ? Object.fromEntries(Object.entries(sheet.scores).map(([key, points]) => [key, String(points)])) : {},
      );
    } catch (error) {
      toast(message(error), 'error');
    }
  }
  const currentTotal = sheets.find((s) => String(s.judgeId) === judgeId)?.total ?? null;

  async function submit(event: FormEvent) {
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
    setBusy(true);
    try {
      const saved = await api.call('correctScore', {
        params: { ...params, jid: judgeId },
        body: { scores, reason: reason.trim() },
      });
      toast(t('contest.correction.saved', { total: saved.total }));
      setValues({});
      setReason('');
      onSaved();
    } catch (error) {
      const path = error instanceof ApiError ? fieldPath(error.field) : null;
      const key = path?.replace(/^scores\./, '') ?? '';
      if (path === 'reason') setErrors({ reason: message(error) });
      else if (rubric.criteria.some((c) => c.key === key)) setErrors({ [`score:${key}`]: message(error) });
      else {
        setErrors({ form: message(error) });
        toast(message(error), 'error');
      }
    } finally {
      setBusy(false);
    }
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
            <select value={judgeId} onChange={(e) => void pickJudge(e.target.value)} data-testid="correction-judge">
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
        <Button type="submit" variant="primary" busy={busy} data-testid="correction-submit">
          {t('contest.correction.submit')}
        </Button>
      </div>
    </form>
  );
}
