import { useEffect, useRef, useState, type FormEvent } from 'react';
import { formatHundredths, parseHundredths } from '../../shared/domain/decimal';
import { scoreProblemMessage } from '../../shared/domain/performance';
import { checkScores, type Criterion, type ScoreProblemCode } from '../../shared/domain/scoring';
import { Button } from '../ui/Button';
import { useT, type Translate } from '../ui/i18n';
import { scrollToReveal } from './keepInView';
import type { ScoreStatus } from './pendingScores';
import { SaveStatus } from './SaveStatus';
import { normalizeScoreText } from './scoreText';
import type { MyScore, Speaker } from './types';
import './ScoreSheet.css';

export interface SheetProps {
  criteria: readonly Criterion[];
  speaker: Speaker;
  locked: boolean;
  saved: MyScore | undefined;
  status: ScoreStatus | undefined;
  onSubmit: (scores: Record<string, number>) => void;
}

function problemOf(criterion: Criterion, text: string): ScoreProblemCode | null {
  const result = checkScores([criterion], { [criterion.key]: normalizeScoreText(text) });
  return result.ok ? null : (result.problems[0]?.code ?? null);
}

function problemMessage(t: Translate, criterion: Criterion, code: ScoreProblemCode): string {
  return t(scoreProblemMessage[code], { criterion: criterion.name, max: criterion.max, step: criterion.step });
}

function textOf(scores: Record<string, number> | undefined, key: string): string {
  const value = scores?.[key];
  return value === undefined ? '' : String(value);
}

/** The criteria of one speaker with their total and the submit bar; read-only once scoring is closed. */
export function ScoreSheet({ criteria, speaker, locked, saved, status, onSubmit }: SheetProps) {
  const t = useT();
  const savedScores = saved?.scores;
  const [values, setValues] = useState<Record<string, string>>(() => {
    // What the judge typed last (even if not yet on the host) wins over what the host has.
    const from = status?.scores ?? savedScores;
    return Object.fromEntries(criteria.map((c) => [c.key, textOf(from, c.key)]));
  });
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  // Fields changed since the last submit: the host's complaint about the old value no longer applies.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const form = useRef<HTMLFormElement>(null);
  const bar = useRef<HTMLDivElement>(null);

  // On a phone the keyboard takes half the screen: the field being typed into stays visible above it and the bar.
  useEffect(() => {
    if (locked) return;
    const reveal = () => {
      const field = document.activeElement;
      if (!(field instanceof HTMLInputElement) || !form.current?.contains(field)) return;
      const view = window.visualViewport;
      const delta = scrollToReveal(field.getBoundingClientRect(), {
        viewTop: view?.offsetTop ?? 0,
        viewHeight: view?.height ?? window.innerHeight,
        barHeight: bar.current?.getBoundingClientRect().height ?? 0,
        layoutHeight: window.innerHeight,
      });
      if (delta !== 0) window.scrollBy({ top: delta });
    };
    const sheet = form.current;
    window.visualViewport?.addEventListener('resize', reveal);
    window.addEventListener('resize', reveal);
    sheet?.addEventListener('focusin', reveal);
    return () => {
      window.visualViewport?.removeEventListener('resize', reveal);
      window.removeEventListener('resize', reveal);
      sheet?.removeEventListener('focusin', reveal);
    };
  }, [locked]);

  const firstKey = criteria[0]?.key;
  useEffect(() => {
    // Ready to type at once on a laptop; on a phone the keyboard would hide the speaker's name.
    if (!locked && firstKey && window.matchMedia('(pointer: fine)').matches) inputs.current.get(firstKey)?.focus();
  }, [locked, firstKey]);

  // Read-only shows what the host keeps, not a revision that never reached it.
  const shownValues = locked
    ? Object.fromEntries(
        criteria.map((c) => [
          c.key,
          textOf(savedScores ?? (status?.state === 'saved' ? status.scores : undefined), c.key),
        ]),
      )
    : values;

  const problems = new Map<string, ScoreProblemCode>();
  for (const c of criteria) {
    const code = problemOf(c, shownValues[c.key] ?? '');
    if (code) problems.set(c.key, code);
  }
  let total = 0;
  let maxTotal = 0;
  for (const c of criteria) {
    const max = parseHundredths(c.max);
    if (max.ok) maxTotal += max.hundredths;
    if (problems.has(c.key)) continue;
    const parsed = parseHundredths(normalizeScoreText(shownValues[c.key] ?? ''));
    if (parsed.ok) total += parsed.hundredths;
  }
  const blanks = criteria.filter((c) => problems.get(c.key) === 'missing').length;

  const serverField =
    status?.state === 'error' && status.field?.startsWith('scores.') ? status.field.slice('scores.'.length) : null;

  function errorFor(c: Criterion): string | null {
    if (locked) return null;
    const code = problems.get(c.key);
    if (code && (attempted || (code !== 'missing' && touched.has(c.key)))) return problemMessage(t, c, code);
    if (status?.state === 'error' && serverField === c.key && !edited.has(c.key)) return status.message;
    return null;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (locked) return;
    setAttempted(true);
    const firstBad = criteria.find((c) => problems.has(c.key));
    if (firstBad) {
      inputs.current.get(firstBad.key)?.focus();
      return;
    }
    const scores: Record<string, number> = {};
    for (const c of criteria) {
      const parsed = parseHundredths(normalizeScoreText(values[c.key] ?? ''));
      // Integer hundredths over 100 is the nearest double to the typed decimal, which is what the host parses back.
      if (parsed.ok) scores[c.key] = parsed.hundredths / 100;
    }
    setEdited(new Set());
    onSubmit(scores);
  }

  const everSubmitted = status !== undefined || saved !== undefined;
  const showFix = attempted && !locked && problems.size > 0;

  return (
    <form ref={form} className="judge-sheet" onSubmit={submit} noValidate aria-label={t('judgePage.sheet')}>
      {locked ? (
        <div className="judge-locked" data-testid="judge-locked" role="status">
          <span className="judge-locked-badge">{t('judgePage.locked')}</span>
          <span>{saved || status?.state === 'saved' ? t('judgePage.lockedHelp') : t('judgePage.lockedNoScore')}</span>
        </div>
      ) : null}

      <ol className="judge-criteria">
        {criteria.map((c) => {
          const id = `judge-${speaker.participantId}-${c.key}`;
          const message = errorFor(c);
          return (
            <li key={c.key} className={`judge-criterion${message ? ' judge-criterion-invalid' : ''}`}>
              <label className="judge-criterion-label" htmlFor={id}>
                <span className="judge-criterion-name">{c.name}</span>
                <span className="judge-criterion-hint" id={`${id}-hint`}>
                  {t('judgePage.criterionHint', { max: c.max, step: c.step })}
                </span>
              </label>
              <input
                ref={(el) => {
                  if (el) inputs.current.set(c.key, el);
                  else inputs.current.delete(c.key);
                }}
                id={id}
                className="judge-input"
                data-testid="judge-criterion-input"
                data-key={c.key}
                type="text"
                inputMode="decimal"
                autoComplete="off"
                spellCheck={false}
                enterKeyHint="send"
                readOnly={locked}
                aria-readonly={locked || undefined}
                aria-invalid={message ? true : undefined}
                aria-describedby={message ? `${id}-error` : `${id}-hint`}
                value={shownValues[c.key] ?? ''}
                onChange={(e) => {
                  // ２７．５ becomes 27.5 as it is typed (it fits the box); an IME's unfinished word is left alone.
                  const typed = e.target.value;
                  const text =
                    e.nativeEvent instanceof InputEvent && e.nativeEvent.isComposing
                      ? typed
                      : normalizeScoreText(typed);
                  setValues((v) => ({ ...v, [c.key]: text }));
                  setEdited((s) => new Set(s).add(c.key));
                }}
                onBlur={() => {
                  setValues((v) => ({ ...v, [c.key]: normalizeScoreText(v[c.key] ?? '') }));
                  setTouched((s) => (s.has(c.key) ? s : new Set(s).add(c.key)));
                }}
              />
              {message ? (
                <p
                  className="judge-field-error"
                  id={`${id}-error`}
                  data-testid="judge-field-error"
                  data-key={c.key}
                  role="alert"
                >
                  {message}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>

      <div ref={bar} className={`judge-submit-bar${locked ? '' : ' judge-submit-bar-sticky'}`}>
        <div className="judge-total-row">
          <span className="judge-total-label">{t('judgePage.total')}</span>
          <span className="judge-total" data-testid="judge-total" data-complete={blanks === 0 && problems.size === 0}>
            {formatHundredths(total)}
          </span>
          <span className="judge-total-max muted">
            {t('judgePage.totalOf', { max: formatHundredths(maxTotal, maxTotal % 100 === 0 ? 0 : 2) })}
            {!locked && blanks > 0 ? ` · ${t('judgePage.totalIncomplete', { count: blanks })}` : ''}
          </span>
        </div>

        {showFix ? <p className="judge-fix">{t('judgePage.fixErrors')}</p> : null}

        <div className="judge-actions">
          {locked ? null : (
            <Button type="submit" variant="primary" className="judge-submit" data-testid="judge-submit">
              {everSubmitted ? t('judgePage.resubmit') : t('judgePage.submit')}
            </Button>
          )}
          <SaveStatus status={status} saved={saved} />
        </div>
        {locked ? null : <p className="judge-keys muted">{t('judgePage.keys')}</p>}
      </div>
    </form>
  );
}
