import type { Judge, Performance } from '../../../shared/api/contest';
import { isClosed } from '../../../shared/domain/performance';
import type { ScoresProgress } from '../../api/liveQueries';
import { Button } from '../../ui/Button';
import { useT } from '../../ui/i18n';
import { submittedJudgeIds } from './lockGuard';

/**
 * Which judges have submitted for this speaker, which are still scoring (or, once locked, missing and not counted)
 * and which are recused; a judge without a sheet can be entered from the paper card (补录) right here.
 */
export function ProgressGrid({
  performance,
  judges,
  progress,
  onEnter,
}: {
  performance: Performance;
  judges: readonly Judge[];
  /** The latest live progress message: it may be newer than the performance as loaded. */
  progress: ScoresProgress | null;
  /** Opens 补录 for a judge without a sheet; no button when not given. */
  onEnter?: (judge: Judge) => void;
}) {
  const t = useT();
  const submitted = submittedJudgeIds(performance, progress);
  const closed = isClosed(performance.status);
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
          const missing = closed ? 'missing' : 'pending';
          const state = recused.has(judge.id) ? 'recused' : submitted.has(judge.id) ? 'submitted' : missing;
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
              {onEnter && state === missing ? (
                <Button
                  variant="quiet"
                  className="contest-progress-enter"
                  onClick={() => onEnter(judge)}
                  data-testid="progress-enter"
                >
                  {t('contest.entry.open')}
                </Button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
