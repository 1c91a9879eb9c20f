import { useState } from 'react';
import type { Performance } from '../../../shared/api/contest';
import { isOpen, nextAction, performanceActions, type PerformanceAction } from '../../../shared/domain/performance';
import type { ApiClient } from '../../api/client';
import { useScoresProgress } from '../../api/liveQueries';
import { keys, retry, useJudges, usePerformances, useRubric } from '../../api/queries';
import { useAction } from '../../api/useAction';
import { Button } from '../../ui/Button';
import { LoadError } from '../../ui/LoadError';
import { Empty, Notice } from '../../ui/Notice';
import { StatusChip } from '../../ui/StatusChip';
import { useT } from '../../ui/i18n';
import { AuditLog } from './AuditLog';
import { CorrectionForm } from './CorrectionForm';
import { DeductionForm } from './DeductionForm';
import { ProgressGrid } from './ProgressGrid';
import { SpeechTimer } from './SpeechTimer';
import './RunOfShow.css';

const actionTestIds = { start: 'run-start', finish: 'run-finish', lock: 'run-lock', reveal: 'run-reveal' } as const;

/** 比赛进行: the order of speakers, the one on stage with the next step, the judges' progress and the audit log. */
export function RunOfShow({ api, eventId }: { api: ApiClient; eventId: number }) {
  const t = useT();
  const id = String(eventId);
  const performances = usePerformances(api, eventId);
  const judges = useJudges(api, eventId);
  const rubric = useRubric(api, eventId).data ?? null;
  const progress = useScoresProgress(eventId);
  const action = useAction();
  const [selectedId, setSelectedId] = useState<number | null>(null);
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

  function act(step: PerformanceAction, p: Performance) {
    action.run(step, () => api.call(step, { params: { id, pid: String(p.participantId) } }), {
      done: step === 'reveal' ? t('contest.run.revealed', { name: p.name }) : undefined,
      invalidate: [keys.topic(eventId, 'performances'), keys.topic(eventId, 'audit')],
      // Follow the show: after a step the page shows whoever is on stage or next.
      then: () => setSelectedId(step === 'reveal' ? null : p.participantId),
    });
  }

  if (performances.error && !performances.data)
    return <LoadError error={performances.error} onRetry={retry(performances)} />;
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
                  <SpeechTimer performance={current} rubric={rubric} receivedAt={receivedAt} />
                </div>
              </div>
              <StageButtons
                performance={current}
                someoneOpen={open !== undefined && open.participantId !== current.participantId}
                busy={action.busy}
                onAct={(step) => act(step, current)}
              />
              {open && open.participantId !== current.participantId ? (
                <Notice>
                  {t('contest.run.otherOpen', { name: open.name })}{' '}
                  <button type="button" className="contest-link" onClick={() => setSelectedId(open.participantId)}>
                    {t('contest.run.goToOpen')}
                  </button>
                </Notice>
              ) : null}
              <ProgressGrid performance={current} judges={judgeList} progress={progress} />
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
      <AuditLog api={api} eventId={eventId} judges={judgeList} performances={list} criteria={rubric?.criteria ?? []} />
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
  const next = nextAction(performance.status, someoneOpen);
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
