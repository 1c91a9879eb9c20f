import { useCallback, useEffect, useRef, useState } from 'react';
import { judgeAnswers, LiveSignal } from '../../shared/api/judge';
import { isClosed } from '../../shared/domain/performance';
import { ApiError } from '../api/client';
import { useLive } from '../api/live';
import { useApi } from '../api/useApi';
import { LiveStatus } from '../ui/LiveStatus';
import { LoadError } from '../ui/LoadError';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { useT } from '../ui/i18n';
import { useLoad } from '../ui/useLoad';
import { History } from './History';
import { LinkLost } from './LinkLost';
import { ScoreSheet } from './ScoreSheet';
import type { Speaker } from './types';
import { useScoreQueue } from './useScoreQueue';
import './judge.css';

/** A judge's own page: the speaker on stage, the score sheet, and what has reached the host. */
export function JudgePage({ token }: { token: string | null }) {
  const t = useT();
  if (!token) {
    return (
      <Page title={t('judge.title')} width="narrow">
        <div className="card judge-card">
          <h1 className="page-title">{t('judge.title')}</h1>
          <p className="judge-message" data-testid="judge-need-token">
            {t('judge.needToken')}
          </p>
        </div>
      </Page>
    );
  }
  return <JudgeSession key={token} token={token} />;
}

// While the live socket is down the page still asks now and then, so a missed message costs seconds, not the speaker.
const pollMs = 10_000;

function JudgeSession({ token }: { token: string }) {
  const t = useT();
  const api = useApi(token, judgeAnswers);
  const load = useCallback(() => api.call('judgeState'), [api]);
  const { data: state, error, reload } = useLoad(load);
  const { queue, statuses } = useScoreQueue(token, api);

  // After a lock the host answers current: null; keep showing that speaker's sheet, read-only,
  // until the next one starts.
  const [lastSpeaker, setLastSpeaker] = useState<Speaker | null>(null);
  const current = state?.current ?? null;
  if (current && (lastSpeaker === null || !sameSpeaker(current, lastSpeaker))) setLastSpeaker(current);

  const onLive = useCallback(
    (message: LiveSignal) => {
      if (message.type === 'performance') reload();
    },
    [reload],
  );
  const live = useLive(LiveSignal, state?.event.id ?? null, token, onLive);

  // A socket that comes back means the network did: send what waits and catch up on the stage.
  const wasOpen = useRef(false);
  useEffect(() => {
    if (live === 'open' && !wasOpen.current) {
      queue?.flush();
      reload();
    }
    // A socket the host closed may mean this link was replaced: ask at once, so the page can say so.
    if (live !== 'open' && wasOpen.current) reload();
    wasOpen.current = live === 'open';
  }, [live, queue, reload]);

  useEffect(() => {
    if (live === 'open') return;
    const timer = window.setInterval(reload, pollMs);
    return () => window.clearInterval(timer);
  }, [live, reload]);

  useEffect(() => {
    const again = () => {
      queue?.flush();
      reload();
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') again();
    };
    window.addEventListener('online', again);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('online', again);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [queue, reload]);

  // Whenever the host confirmed or refused a sheet, refresh the history and the stage.
  const settled = [...statuses.values()]
    .filter((s) => s.state !== 'pending')
    .map((s) => `${s.participantId}:${s.submissionId}:${s.state}`)
    .join(',');
  useEffect(() => {
    if (settled) reload();
  }, [settled, reload]);

  const waitingCount = [...statuses.values()].filter((s) => s.state === 'pending' && s.attempts > 0).length;

  // The organiser reissued or revoked this link (a lost laptop): say what to do instead of retrying.
  if (error instanceof ApiError && error.status === 401) return <LinkLost />;

  const header = (
    <>
      {state ? <span className="judge-who">{t('judgePage.judgeName', { name: state.judge.name })}</span> : null}
      {state ? <LiveStatus state={live} unsaved={waitingCount} /> : null}
    </>
  );

  if (!state) {
    return (
      <Page title={t('judge.title')} width="narrow" actions={header}>
        {error ? (
          <LoadError error={error} onRetry={reload} />
        ) : (
          <p className="muted judge-loading">{t('app.loading')}</p>
        )}
      </Page>
    );
  }

  const shown = current ?? lastSpeaker;
  const locked = shown !== null && (current === null || isClosed(current.status));
  const saved = shown ? state.myScores.find((s) => s.participantId === shown.participantId) : undefined;

  return (
    <Page title={t('judge.title')} width="narrow" actions={header}>
      <h1 className="judge-event">{state.event.title}</h1>
      {waitingCount > 0 ? <Notice tone="error">{t('judgePage.pendingBanner', { count: waitingCount })}</Notice> : null}
      {error && !(error instanceof ApiError && error.status === 0) ? (
        <LoadError error={error} onRetry={reload} />
      ) : null}

      {current === null ? (
        <div className={`card judge-waiting-card${shown ? ' judge-waiting-compact' : ''}`}>
          <p className="judge-message" data-testid="judge-waiting">
            <span className="pulse" aria-hidden="true" />
            {t('judge.waiting')}
          </p>
          {shown ? null : <p className="muted judge-waiting-help">{t('judgePage.waitingHelp')}</p>}
        </div>
      ) : null}

      {shown ? (
        <section className="card judge-sheet-card" aria-labelledby="judge-speaker-name">
          <SpeakerHeader speaker={shown} locked={locked} />
          {shown.recused ? (
            <div className="judge-recused" data-testid="judge-recused">
              <p className="judge-recused-title">{t('judgePage.recused')}</p>
              <p className="muted">{t('judgePage.recusedHelp')}</p>
            </div>
          ) : (
            <ScoreSheet
              key={shown.participantId}
              criteria={state.rubric.criteria}
              speaker={shown}
              locked={locked}
              saved={saved}
              status={statuses.get(shown.participantId)}
              onSubmit={(scores) =>
                queue?.submit(shown.participantId, scores, { name: shown.name, order: shown.order })
              }
            />
          )}
        </section>
      ) : null}

      <History myScores={state.myScores} statuses={statuses} waiting={queue?.waiting() ?? []} />
    </Page>
  );
}

function sameSpeaker(a: Speaker, b: Speaker): boolean {
  return (
    a.participantId === b.participantId &&
    a.status === b.status &&
    a.recused === b.recused &&
    a.name === b.name &&
    a.order === b.order &&
    a.title === b.title &&
    a.organization === b.organization
  );
}

function SpeakerHeader({ speaker, locked }: { speaker: Speaker; locked: boolean }) {
  const t = useT();
  const status = locked && speaker.status !== 'revealed' ? 'locked' : speaker.status;
  return (
    <header className="judge-speaker" data-testid="judge-speaker">
      <div className="judge-speaker-top">
        <span className="judge-order">{t('judgePage.order', { order: speaker.order })}</span>
        <span className={`tag judge-status judge-status-${status}`}>{t(`judgePage.status.${status}`)}</span>
      </div>
      <h2 className="judge-speaker-name" id="judge-speaker-name">
        {speaker.name}
      </h2>
      {speaker.organization ? <p className="judge-speaker-org">{speaker.organization}</p> : null}
      {speaker.title ? <p className="judge-speaker-title">{speaker.title}</p> : null}
    </header>
  );
}
