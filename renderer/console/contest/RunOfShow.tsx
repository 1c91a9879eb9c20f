import { useState, type ReactNode } from 'react';
import type { Judge, Performance } from '../../../shared/api/contest';
import {
  isClosed,
  isOpen,
  nextAction,
  performanceActions,
  type PerformanceAction,
} from '../../../shared/domain/performance';
import { ApiError, type ApiClient } from '../../api/client';
import { useScoresProgress } from '../../api/liveQueries';
import { keys, retry, useJudges, usePerformances, useRubric } from '../../api/queries';
import { useAction } from '../../api/useAction';
import { Button } from '../../ui/Button';
import { LoadError } from '../../ui/LoadError';
import { Empty, Notice } from '../../ui/Notice';
import { StatusChip } from '../../ui/StatusChip';
import { useT } from '../../ui/i18n';
import { useToast } from '../../ui/Toast';
import { AuditLog } from './AuditLog';
import { CorrectionForm } from './CorrectionForm';
import { DeductionForm } from './DeductionForm';
import { EntryForm } from './EntryForm';
import { LockDialog } from './LockDialog';
import { missingJudges } from './lockGuard';
import { ProgressGrid } from './ProgressGrid';
import { SpeechTimer } from './SpeechTimer';
import './RunOfShow.css';

const actionTestIds = { start: 'run-start', finish: 'run-finish', lock: 'run-lock', reveal: 'run-reveal' } as const;

/** 比赛进行: the order of speakers, the one on stage with the next step, the judges' progress and the audit log. */
/** `children` (the projector's controls) sit under the stage, above the audit log: at hand during the show. */
export function RunOfShow({ api, eventId, children }: { api: ApiClient; eventId: number; children?: ReactNode }) {
  const t = useT();
  const id = String(eventId);
  const performances = usePerformances(api, eventId);
  const judges = useJudges(api, eventId);
  const rubric = useRubric(api, eventId).data ?? null;
  const progress = useScoresProgress(eventId);
  const action = useAction();
  const toast = useToast();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  // The speaker whose lock is being asked about (judges missing), and the judge whose card is being entered.
  const [asking, setAsking] = useState<number | null>(null);
  const [entering, setEntering] = useState<{ participantId: number; judge: Judge } | null>(null);
  // The timer counts on from the elapsed time the host gave with this list.
  const receivedAt = performances.dataUpdatedAt;

  const list = [...(performances.data ?? [])].sort((a, b) => a.order - b.order);
  const open = list.find((p) => isOpen(p.status));
  const current =
    list.find((p) => p.participantId === selectedId) ??
    open ??
    list.find((p) => p.status === 'locked') ??
    list.find((p) => p.status === 'waiting') ??
    list.at(-1) ??
    null;

  const invalidate = [keys.topic(eventId, 'performances'), keys.topic(eventId, 'audit')];

  function act(step: PerformanceAction, p: Performance) {
    // With judges missing, 锁定评分 asks first (the host would refuse it with the same names).
    if (step === 'lock' && missingJudges(p, judges.data ?? [], progress).length > 0) {
      setAsking(p.participantId);
      return;
    }
    if (step === 'lock') {
      lock(p, false);
      return;
    }
    action.run(step, () => api.call(step, { params: { id, pid: String(p.participantId) } }), {
      done: step === 'reveal' ? t('contest.run.revealed', { name: p.name }) : undefined,
      invalidate,
      // Follow the show: after a step the page shows whoever is on stage or next.
      then: () => setSelectedId(step === 'reveal' ? null : p.participantId),
    });
  }

  function lock(p: Performance, force: boolean) {
    const body = force ? { force } : {};
    action.run('lock', () => api.call('lock', { params: { id, pid: String(p.participantId) }, body }), {
      invalidate,
      then: () => {
        setAsking(null);
        setSelectedId(p.participantId);
      },
      // A judge missing that this page had not seen yet: the host names them, the dialog asks.
      failed: (error, text) =>
        error instanceof ApiError && error.code === 'missing_scores'
          ? setAsking(p.participantId)
          : toast(text, 'error'),
    });
  }

  if (performances.error && !performances.data)
    return <LoadError error={performances.error} onRetry={retry(performances)} />;
  if (!performances.data) return <p className="muted">{t('app.loading')}</p>;
  if (list.length === 0) return <Empty>{t('event.noParticipants')}</Empty>;

  const judgeList = judges.data ?? [];
  const asked = list.find((p) => p.participantId === asking && !isClosed(p.status));
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
                  <SpeechTimer performance={current} rubric={rubric} receivedAt={receivedAt} />
                </div>
              </div>
              <StageButtons
                performance={current}
                someoneOpen={open !== undefined && open.participantId !== current.participantId}
                busy={action.busy}
                onAct={(step) => act(step, current)}
              />
              {judges.data && judgeList.length === 0 && current.status === 'waiting' ? (
                <Notice tone="error">{t('error.contest.noJudgesStart')}</Notice>
              ) : null}
              {current.status === 'locked' && !current.hasFinal ? (
                <Notice tone="error">
                  <span data-testid="run-reveal-blocked">
                    {t('contest.lock.revealBlocked', { name: current.name })}
                  </span>
                </Notice>
              ) : null}
              {open && open.participantId !== current.participantId ? (
                <Notice>
                  {t('contest.run.otherOpen', { name: open.name })}{' '}
                  <button type="button" className="contest-link" onClick={() => setSelectedId(open.participantId)}>
                    {t('contest.run.goToOpen')}
                  </button>
                </Notice>
              ) : null}
              <ProgressGrid
                performance={current}
                judges={judgeList}
                progress={progress}
                onEnter={
                  (current.status === 'scoring' || current.status === 'locked') && rubric
                    ? (judge) => setEntering({ participantId: current.participantId, judge })
                    : undefined
                }
              />
              {entering?.participantId === current.participantId && rubric ? (
                <EntryForm
                  key={entering.judge.id}
                  api={api}
                  eventId={eventId}
                  performance={current}
                  rubric={rubric}
                  judge={entering.judge}
                  onDone={() => setEntering(null)}
                  onCancel={() => setEntering(null)}
                />
              ) : null}
            </section>

            {current.status !== 'waiting' ? (
              <DeductionForm
                key={`d-${current.participantId}`}
                api={api}
                eventId={eventId}
                performance={current}
                rubric={rubric}
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
              />
            ) : null}
          </div>
        ) : null}
      </div>
      {children}
      <AuditLog api={api} eventId={eventId} judges={judgeList} performances={list} criteria={rubric?.criteria ?? []} />
      {asked ? (
        <LockDialog
          api={api}
          eventId={eventId}
          performance={asked}
          rubric={rubric}
          judges={judgeList}
          progress={progress}
          busy={action.busy === 'lock'}
          onLock={(force) => lock(asked, force)}
          onClose={() => setAsking(null)}
        />
      ) : null}
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
  busy: string | null;
  onAct: (step: PerformanceAction) => void;
}) {
  const t = useT();
  const next = nextAction(performance.status, someoneOpen, performance.hasFinal);
  return (
    <div className="contest-stage-buttons">
      {performanceActions.map((action, index) => (
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
