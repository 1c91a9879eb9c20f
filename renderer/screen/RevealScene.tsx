import { useT } from '../ui/i18n';
import { judgeSlots, revealPlan, type Reveal } from './show';
import { useNow } from './useNow';
import './RevealScene.css';

/** Up to five judges in a row, then two rows. */
function columns(judges: number): number {
  return judges <= 5 ? Math.max(1, judges) : Math.ceil(judges / 2);
}

/**
 * The staged reveal: the name, each judge's total one by one (numbered, never named),
 * the dropped highest and lowest struck through, the deduction, then the final and the rank.
 */
export function RevealScene({ reveal, at }: { reveal: Reveal; at: number }) {
  const t = useT();
  const plan = revealPlan(reveal.judgeTotals.length, reveal.deduction);
  const now = useNow(true, 100);
  const since = now - at;
  const struck = since >= plan.strikeAt;
  const finalShown = since >= plan.finalAt;
  const slots = judgeSlots(reveal.judgeTotals);
  const cols = columns(slots.length);
  // Fixed widths in a centred wrap: a short last row sits in the middle, and nothing moves as totals appear.
  const width = { width: `calc((100% - ${cols - 1} * var(--u) * 1.4) / ${cols})` };

  return (
    <section className="screen-scene screen-reveal" data-testid="screen-reveal" aria-live="polite">
      <div className="screen-reveal-head">
        <p className="screen-reveal-name">{reveal.name}</p>
        {reveal.organization ? <p className="screen-body">{reveal.organization}</p> : null}
      </div>
      <ol className={slots.length > 5 ? 'screen-judges screen-judges-many' : 'screen-judges'}>
        {slots.map((slot) => {
          const judge = slot.index === null ? null : reveal.judgeTotals[slot.index];
          if (!judge || slot.index === null)
            return (
              <li
                key={`recused-${slot.judgeNo}`}
                className="screen-judge is-shown is-recused"
                data-testid="screen-judge-recused"
                style={width}
              >
                <span className="screen-judge-label">{t('screenPage.judge', { number: slot.judgeNo })}</span>
                <span className="screen-judge-total">{t('screenStage.recused')}</span>
              </li>
            );
          const shown = since >= (plan.judgeAt[slot.index] ?? 0);
          const dropped = struck ? judge.dropped : null;
          return (
            <li
              key={slot.judgeNo}
              className={['screen-judge', shown ? 'is-shown' : '', dropped ? 'is-dropped' : '']
                .filter(Boolean)
                .join(' ')}
              data-testid="screen-judge-total"
              data-dropped={dropped ?? ''}
              aria-hidden={!shown}
              style={width}
            >
              <span className="screen-judge-label">{t('screenPage.judge', { number: slot.judgeNo })}</span>
              <span className="screen-judge-total">{shown ? (judge.total ?? t('screenPage.noScore')) : ' '}</span>
            </li>
          );
        })}
      </ol>
      <div className="screen-reveal-result">
        {plan.deductionAt !== null ? (
          <p className={since >= plan.deductionAt ? 'screen-deduction is-shown' : 'screen-deduction'}>
            {since >= plan.deductionAt ? t('screenPage.deduction', { points: reveal.deduction }) : ' '}
          </p>
        ) : null}
        <div className={finalShown ? 'screen-final-block is-shown' : 'screen-final-block'}>
          {finalShown ? (
            <>
              <span className="screen-final-label">{t('screenPage.final')}</span>
              <span className="screen-final" data-testid="screen-final">
                {reveal.final}
              </span>
              {reveal.rank !== null ? (
                <span className="screen-final-rank">{t('screenPage.rank', { rank: reveal.rank })}</span>
              ) : null}
            </>
          ) : null}
        </div>
      </div>
    </section>
  );
}
