import type { Judge, Performance } from '../../../shared/api/contest';
import type { ScoresProgress } from '../../api/liveQueries';
import { useT } from '../../ui/i18n';

/** Which judges have submitted for this speaker, which are still scoring and which are recused. */
export function ProgressGrid({
  performance,
  judges,
  progress,
}: {
  performance: Performance;
  judges: readonly Judge[];
  /** The latest live progress message: it may be newer than the performance as loaded. */
  progress: ScoresProgress | null;
}) {
  const t = useT();
  const submitted = new Set(performance.submittedJudgeIds);
  if (progress && progress.participantId === performance.participantId) {
    for (const jid of progress.submittedJudgeIds) submitted.add(jid);
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
