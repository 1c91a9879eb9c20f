import type { ReactNode } from 'react';
import type { Checkin } from '../../shared/api/training';
import { clockTime } from '../checkin/sessionTime';
import { useT, type Translate } from '../ui/i18n';

/** What the last key press did, as the desk shows it. */
export type Outcome =
  | { kind: 'in'; checkin: Checkin; paper: boolean }
  | { kind: 'undone'; name: string }
  | { kind: 'choose'; count: number }
  | { kind: 'none'; query: string }
  | { kind: 'already'; message: string }
  | { kind: 'error'; message: string };

type Tone = 'in' | 'late' | 'info' | 'warn' | 'error';

/** The result, big: green for in, amber for late, the host's sentence when it refused. */
export function DeskOutcome({ outcome }: { outcome: Outcome | null }) {
  const t = useT();
  if (!outcome) return <div className="desk-outcome desk-outcome-empty" aria-hidden="true" />;
  const { tone, body } = shown(outcome, t);
  return (
    <div
      className={`desk-outcome desk-outcome-${tone}`}
      role={tone === 'error' || outcome.kind === 'already' ? 'alert' : 'status'}
      data-testid="desk-outcome"
      data-kind={tone === 'late' ? 'late' : outcome.kind}
    >
      {body}
    </div>
  );
}

function shown(outcome: Outcome, t: Translate): { tone: Tone; body: ReactNode } {
  const sentence = (text: string) => <span className="desk-outcome-text">{text}</span>;
  switch (outcome.kind) {
    case 'in': {
      const { checkin, paper } = outcome;
      const late = checkin.status === 'late';
      const status = paper ? t('deskPage.paperDone') : t(late ? 'deskPage.checkedInLate' : 'deskPage.checkedIn');
      return {
        tone: late ? 'late' : 'in',
        body: (
          <>
            <span className="desk-outcome-name">{checkin.name}</span>
            {checkin.group ? <span className="desk-outcome-group">{checkin.group}</span> : null}
            <span className="desk-outcome-status">
              {status} · {t('deskPage.at', { time: clockTime(checkin.at) })}
            </span>
          </>
        ),
      };
    }
    case 'undone':
      return { tone: 'info', body: sentence(t('deskPage.undone', { name: outcome.name })) };
    case 'choose':
      return { tone: 'warn', body: sentence(t('deskPage.chooseOne', { count: outcome.count })) };
    case 'none':
      return { tone: 'warn', body: sentence(t('deskPage.noMatch', { query: outcome.query })) };
    case 'already':
      return { tone: 'warn', body: sentence(outcome.message) };
    case 'error':
      return { tone: 'error', body: sentence(outcome.message) };
  }
}
