import { useEffect, useState } from 'react';
import type { Performance, Rubric } from '../../../shared/api/contest';
import { useT } from '../../ui/i18n';
import { formatClock, timerColor } from './format';

/** The speech clock of the speaker on stage: counts on from the host's elapsed time, coloured by the rubric. */
export function SpeechTimer({
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
