import { isClosed } from '../../shared/domain/performance';
import { useT } from '../ui/i18n';
import { elapsedSeconds, formatClock, overtimeSeconds, timerColor, type Current, type TimerMarks } from './show';
import { useNow } from './useNow';
import './SpeakerScene.css';

/** Now speaking: who, from where, about what, and the timer the speaker watches from the stage. */
export function SpeakerScene({
  current,
  currentAt,
  timer,
}: {
  current: Current;
  currentAt: number;
  timer: TimerMarks;
}) {
  const t = useT();
  const speaking = current.status === 'speaking';
  const running = speaking && current.running;
  const now = useNow(running, 250);
  const seconds = elapsedSeconds(current, currentAt, now);
  const color = timerColor(seconds, timer);
  const over = overtimeSeconds(seconds, timer);

  return (
    <section className="screen-scene screen-speaker-scene" data-testid="screen-speaker" aria-live="polite">
      <p className="screen-label" data-testid="screen-speaker-label">
        {t(speaking ? 'screen.nowSpeaking' : 'screenStage.speechEnded')} · {t('screen.order', { order: current.order })}
      </p>
      <p className="screen-name">{current.name}</p>
      {current.organization ? <p className="screen-body">{current.organization}</p> : null}
      {current.title ? <p className="screen-body screen-speech">{current.title}</p> : null}
      <div
        className={`screen-timer screen-timer-${color}${speaking ? '' : ' screen-timer-stopped'}`}
        data-testid="screen-timer"
        data-color={color}
        role="timer"
      >
        <span className="screen-timer-digits">{formatClock(seconds)}</span>
        {speaking ? (
          over !== null ? (
            <span className="screen-timer-note">{t('screenPage.overtime', { time: formatClock(over, false) })}</span>
          ) : null
        ) : (
          // Once locked the hall waits for the reveal, not for the judges.
          <span className="screen-timer-note screen-timer-scoring">
            {t(isClosed(current.status) ? 'screenPage.closed' : 'screenPage.scoring')}
          </span>
        )}
      </div>
    </section>
  );
}
