import { useState } from 'react';
import type { Judge, Performance, Rubric } from '../../../shared/api/contest';
import type { ApiClient } from '../../api/client';
import type { ScoresProgress } from '../../api/liveQueries';
import { Button } from '../../ui/Button';
import { useT } from '../../ui/i18n';
import { Modal } from '../../ui/Modal';
import { EntryForm } from './EntryForm';
import { missingJudges } from './lockGuard';

/**
 * 锁定评分 with judges missing: names them, offers 补录 from each paper card right here, and 仍然锁定 with what it
 * means. It follows the live progress, so a judge who submits meanwhile leaves the list.
 */
export function LockDialog({
  api,
  eventId,
  performance,
  rubric,
  judges,
  progress,
  busy,
  onLock,
  onClose,
}: {
  api: ApiClient;
  eventId: number;
  performance: Performance;
  rubric: Rubric | null;
  judges: readonly Judge[];
  progress: ScoresProgress | null;
  busy: boolean;
  /** Locks; `force` when judges are still missing. */
  onLock: (force: boolean) => void;
  onClose: () => void;
}) {
  const t = useT();
  const [entering, setEntering] = useState<number | null>(null);
  const missing = missingJudges(performance, judges, progress);
  const names = missing.map((j) => j.name);
  const submitted = judges.length - performance.recusedJudgeIds.length - missing.length;
  const enteringJudge = missing.find((j) => j.id === entering) ?? null;

  return (
    <Modal className="contest-lock-dialog" labelledBy="lock-heading" onClose={onClose} focusOnOpen testId="lock-dialog">
      <h2 id="lock-heading" className="panel-title">
        {t('contest.lock.title', { name: performance.name })}
      </h2>
      {missing.length > 0 ? (
        <>
          <p className="strong">{t('contest.lock.missing', { count: missing.length })}</p>
          <ul className="contest-lock-missing">
            {missing.map((judge) => (
              <li key={judge.id} data-testid="lock-missing">
                <span className="contest-lock-name">{judge.name}</span>
                {rubric && entering !== judge.id ? (
                  <Button onClick={() => setEntering(judge.id)} data-testid="lock-enter">
                    {t('contest.entry.open')}
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
          {enteringJudge && rubric ? (
            <EntryForm
              key={enteringJudge.id}
              api={api}
              eventId={eventId}
              performance={performance}
              rubric={rubric}
              judge={enteringJudge}
              onDone={() => setEntering(null)}
              onCancel={() => setEntering(null)}
            />
          ) : null}
          <p className="muted">{t('contest.lock.wait')}</p>
          <p className="contest-lock-effect" data-testid="lock-effect">
            {t('contest.lock.forceEffect', { judges: names, count: submitted })}
          </p>
        </>
      ) : (
        <p data-testid="lock-all-in">{t('contest.lock.allIn')}</p>
      )}
      <div className="form-actions">
        <Button onClick={onClose} data-testid="lock-cancel">
          {t('contest.lock.cancel')}
        </Button>
        {missing.length > 0 ? (
          <Button busy={busy} onClick={() => onLock(true)} data-testid="lock-force">
            {t('contest.lock.force')}
          </Button>
        ) : (
          <Button variant="primary" busy={busy} onClick={() => onLock(false)} data-testid="lock-confirm">
            {t('contest.lock.lock')}
          </Button>
        )}
      </div>
    </Modal>
  );
}
