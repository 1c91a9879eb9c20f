// The frame's styles first: each scene's own file (imported with the scene) may refine them.
import './screen.css';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { PublicEvent } from '../../shared/api/events';
import type { ScreenState } from '../../shared/api/screen';
import type { Locale } from '../../shared/domain/vocabulary';
import { formatDateRange } from '../../shared/domain/dates';
import { ApiError } from '../api/client';
import { LiveMessage } from '../../shared/api/live';
import { useLive } from '../api/live';
import { useApi } from '../api/useApi';
import { contract } from '../../shared/api/contract';
import { LiveStatus } from '../ui/LiveStatus';
import { useDocumentTitle } from '../ui/Page';
import { useLocale, useT } from '../ui/i18n';
import { useErrorMessage } from '../ui/useErrorMessage';
import { useLoad } from '../ui/useLoad';
import { AwardsScene } from './AwardsScene';
import { CheckinScene, useCheckinDisplay } from './CheckinScene';
import { EvaluationScene, useEvaluationDisplay } from './EvaluationScene';
import { KeysHelp } from './KeysHelp';
import { LeaderboardScene } from './LeaderboardScene';
import { RevealScene } from './RevealScene';
import { SpeakerScene } from './SpeakerScene';
import {
  idleSlides,
  initialShow,
  isHelpKey,
  keyModes,
  modeAfterLive,
  pickScene,
  withCheckin,
  withEvaluation,
  revealPlan,
  showReducer,
  slideMs,
  slideOf,
  startsNewTurn,
  type Scene,
  type ViewMode,
} from './show';
import { useRowsPerPage } from './useRowsPerPage';

// Nobody stands at the projector to press "retry": it keeps trying on its own.
const retryMs = 5000;

function sceneKey(scene: Scene): string {
  switch (scene.kind) {
    case 'speaker':
      return `speaker-${scene.current.participantId}`;
    case 'reveal':
      return `reveal-${scene.at}`;
    default:
      return scene.kind;
  }
}

/** The projector: read from the back of a hall, so few words, large type, strong contrast. */
export function ScreenPage({ eventId }: { eventId: number }) {
  const t = useT();
  const message = useErrorMessage();
  const api = useApi(null, contract);
  const event = useLoad(
    useCallback(() => api.call('publicEvent', { params: { id: String(eventId) } }), [api, eventId]),
  );
  // Live messages seen so far: a snapshot asked for before the latest of them may be older than what we already show.
  const liveSeen = useRef(0);
  const show = useLoad(
    useCallback(async () => {
      const seen = liveSeen.current;
      const snapshot = await api.call('publicShow', { params: { id: String(eventId) } });
      return { snapshot, seen };
    }, [api, eventId]),
  );
  const [state, dispatch] = useReducer(showReducer, initialShow);
  const [mode, setMode] = useState<ViewMode>('auto');
  const [slideIndex, setSlideIndex] = useState(0);
  const [help, setHelp] = useState(false);
  const [language, setLanguage] = useState<Locale | null>(null);
  const { locale, setLocale } = useLocale();
  const perPage = useRowsPerPage();
  // The console's last command, so a snapshot that repeats it does not undo a key pressed here since (latest wins).
  const heldByConsole = useRef<ViewMode | null>(null);
  const obeyConsole = useCallback((screen: ScreenState, always: boolean) => {
    if (always || screen.mode !== heldByConsole.current) {
      setMode(screen.mode);
      setSlideIndex(0);
    }
    heldByConsole.current = screen.mode;
    setLanguage(screen.language);
  }, []);
  const stateRef = useRef(state);
  const helpOpen = useRef(help);
  useEffect(() => {
    stateRef.current = state;
    helpOpen.current = help;
  });

  const notFound = event.error instanceof ApiError && event.error.status === 404;
  const { error, reload } = event;
  useEffect(() => {
    if (!error || notFound) return;
    const timer = window.setTimeout(reload, retryMs);
    return () => window.clearTimeout(timer);
  }, [error, notFound, reload]);

  const { data: showData, error: showError, reload: reloadShow } = show;
  useEffect(() => {
    if (!showData) return;
    // A live message overtook this answer (say, the host pressed 开始 while it was on its way):
    // ask again rather than step back.
    if (showData.seen !== liveSeen.current) reloadShow();
    else {
      dispatch({ type: 'show', show: showData.snapshot, now: performance.now() });
      obeyConsole(showData.snapshot.screen, false);
    }
  }, [showData, reloadShow, obeyConsole]);

  // The projector speaks the console's language when the console chose one for it.
  useEffect(() => {
    if (language && language !== locale) setLocale(language);
  }, [language, locale, setLocale]);
  useEffect(() => {
    if (!showError) return;
    const timer = window.setTimeout(reloadShow, retryMs);
    return () => window.clearTimeout(timer);
  }, [showError, reloadShow]);

  const checkin = useCheckinDisplay(eventId, event.data?.kind === 'training');
  const evaluation = useEvaluationDisplay(eventId, event.data?.kind === 'training');
  const live = useLive(LiveMessage, event.data ? eventId : null, null, (m) => {
    if (m.eventId !== eventId) return;
    checkin.onLive(m);
    evaluation.onLive(m);
    liveSeen.current++;
    if (m.type === 'screen') return obeyConsole(m, true);
    if (m.type === 'reveal' || (m.type === 'performance' && startsNewTurn(stateRef.current.current, m.performance)))
      setMode(modeAfterLive);
    dispatch({ type: 'live', message: m, now: performance.now() });
  });

  // Whatever happened while we were away (a host restart, a dropped Wi-Fi) is read afresh on every (re)connect.
  useEffect(() => {
    if (live === 'open') reloadShow();
  }, [live, reloadShow]);

  const slides = idleSlides(state.ranking, mode, perPage);
  const rows = state.ranking?.rows ?? [];

  // A reveal is held until its plan is done, then the leaderboard opens on the page that holds that speaker.
  const reveal = state.reveal;
  useEffect(() => {
    if (!reveal) return;
    const { doneAt } = revealPlan(reveal.message.judgeTotals.length, reveal.message.deduction);
    const timer = window.setTimeout(
      () => {
        const latest = stateRef.current;
        const board = idleSlides(latest.ranking, 'auto', perPage);
        setSlideIndex(slideOf(board, latest.ranking?.rows ?? [], reveal.message.participantId, perPage));
        dispatch({ type: 'reveal-done', at: reveal.at });
      },
      Math.max(0, doneAt - (performance.now() - reveal.at)),
    );
    return () => window.clearTimeout(timer);
  }, [reveal, perPage]);

  const scene = withEvaluation(
    withCheckin(pickScene(state, mode, slides, slideIndex), checkin.display !== null),
    evaluation.display !== null,
  );
  // Idle: the leaderboard's pages and the awards take turns.
  const slideKey = scene.kind === 'leaderboard' || scene.kind === 'awards' ? `${scene.kind}-${scene.page}` : null;
  const slideDuration = scene.kind === 'leaderboard' || scene.kind === 'awards' ? slideMs(scene) : 0;
  const slideCount = slides.length;
  useEffect(() => {
    if (slideKey === null || slideCount < 2) return;
    const timer = window.setTimeout(() => setSlideIndex((i) => (i + 1) % slideCount), slideDuration);
    return () => window.clearTimeout(timer);
  }, [slideKey, slideDuration, slideCount, slideIndex]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (isHelpKey(e.key)) {
        e.preventDefault();
        setHelp((open) => !open);
        return;
      }
      if (e.key === 'Escape' && helpOpen.current) {
        setHelp(false);
        return;
      }
      const next = keyModes[e.key];
      if (!next) return;
      setMode(next);
      setSlideIndex(0);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useDocumentTitle(event.data?.title ?? t('app.name'));
  const keysHelp = help ? <KeysHelp onClose={() => setHelp(false)} /> : null;

  if (!event.data) {
    return (
      <div className="screen">
        <div className="screen-center">
          {notFound ? (
            <p className="screen-message" data-testid="screen-not-found">
              {t('screen.notFound')}
            </p>
          ) : error ? (
            <p className="screen-message">{message(error)}</p>
          ) : (
            <p className="screen-message screen-dim">{t('app.loading')}</p>
          )}
        </div>
      </div>
    );
  }

  const e = event.data;
  if (scene.kind === 'paused')
    return (
      <div className="screen" data-scene="paused">
        <main className="screen-center" key="paused">
          <h1 className="screen-title screen-paused-title" data-testid="screen-title">
            {e.title}
          </h1>
        </main>
        {keysHelp}
      </div>
    );
  return (
    <div className="screen" data-scene={scene.kind}>
      {scene.kind === 'waiting' ? (
        <WaitingScene event={e} />
      ) : (
        <>
          <header className="screen-top screen-top-title">
            <h1 className="screen-title screen-title-bar" data-testid="screen-title">
              {e.title}
            </h1>
          </header>
          <main className="screen-center" key={sceneKey(scene)}>
            {scene.kind === 'checkin' ? (
              checkin.display && <CheckinScene display={checkin.display} />
            ) : scene.kind === 'evaluation' ? (
              evaluation.display && <EvaluationScene display={evaluation.display} />
            ) : scene.kind === 'speaker' ? (
              <SpeakerScene current={scene.current} currentAt={state.currentAt} timer={state.timer} />
            ) : scene.kind === 'reveal' ? (
              <RevealScene reveal={scene.reveal} at={scene.at} />
            ) : scene.kind === 'leaderboard' ? (
              <LeaderboardScene
                rows={rows}
                page={scene.page}
                perPage={perPage}
                speakers={state.speakers}
                highlightId={state.lastRevealedId}
              />
            ) : (
              <AwardsScene rows={rows} page={scene.page} />
            )}
          </main>
        </>
      )}

      <footer className="screen-bottom">
        <span className="screen-brand">{t('app.name')}</span>
        <LiveStatus state={live} className="screen-live" />
      </footer>
      {keysHelp}
    </div>
  );
}

/** Before the first speaker and while there is nothing to rank: the event itself. */
function WaitingScene({ event: e }: { event: PublicEvent }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <>
      <header className="screen-top">
        <span className="screen-kind">{t(`kind.${e.kind}`)}</span>
        <span className="screen-date">{formatDateRange(e.startsOn, e.endsOn, locale)}</span>
      </header>
      <main className="screen-center" key="waiting">
        <div className="screen-scene screen-waiting-scene">
          <h1 className="screen-title" data-testid="screen-title">
            {e.title}
          </h1>
          <div className="screen-rule" aria-hidden="true" />
          <dl className="details screen-details">
            {e.organizer ? (
              <div>
                <dt>{t('event.organizer')}</dt>
                <dd>{e.organizer}</dd>
              </div>
            ) : null}
            {e.venue ? (
              <div>
                <dt>{t('event.venue')}</dt>
                <dd>{e.venue}</dd>
              </div>
            ) : null}
          </dl>
          <p className="screen-waiting" data-testid="screen-waiting">
            {t(e.kind === 'training' ? 'screen.waitingTraining' : 'screen.waiting')}
          </p>
        </div>
      </main>
    </>
  );
}
