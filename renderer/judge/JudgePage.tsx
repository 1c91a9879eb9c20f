import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { JudgeState } from '../../shared/api/contest';
import type { LiveMessage } from '../../shared/api/live';
import { formatHundredths, parseHundredths } from '../../shared/domain/decimal';
import { checkScores, type Criterion, type ScoreProblemCode } from '../../shared/domain/scoring';
import type { MessageKey } from '../../shared/i18n';
import { ApiError, type ApiClient } from '../api/client';
import { useLive } from '../api/live';
import { useApi } from '../api/useApi';
import { Button } from '../ui/Button';
import { LiveStatus } from '../ui/LiveStatus';
import { LoadError } from '../ui/LoadError';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { useT, type Translate } from '../ui/i18n';
import { useLoad } from '../ui/useLoad';
import {
  createScoreQueue,
  isRetryable,
  memoryStore,
  type KeyValueStore,
  type PendingScore,
  type ScoreQueue,
  type ScoreStatus,
  type SendResult,
} from './pendingScores';
import './judge.css';

type Speaker = NonNullable<JudgeState['current']>;
type MyScore = JudgeState['myScores'][number];
type Statuses = ReadonlyMap<number, ScoreStatus>;

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
  const api = useApi(token);
  const load = useCallback(() => api.call('judgeState'), [api]);
  const { data: state, error, reload } = useLoad(load);
  const { queue, statuses } = useScoreQueue(token, api);

  // After a lock the host answers current: null; keep showing that speaker's sheet, read-only, until the next one starts.
  const [lastSpeaker, setLastSpeaker] = useState<Speaker | null>(null);
  const current = state?.current ?? null;
  if (current && (lastSpeaker === null || !sameSpeaker(current, lastSpeaker))) setLastSpeaker(current);

  const onLive = useCallback(
    (message: LiveMessage) => {
      if (message.type === 'performance') reload();
    },
    [reload],
  );
  const live = useLive(state?.event.id ?? null, token, onLive);

  // A socket that comes back means the network did: send what waits and catch up on the stage.
  const wasOpen = useRef(false);
  useEffect(() => {
    if (live === 'open' && !wasOpen.current) {
      queue?.flush();
      reload();
    }
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

  const header = (
    <>
      {state ? <span className="judge-who">{t('judgePage.judgeName', { name: state.judge.name })}</span> : null}
      {state ? <LiveStatus state={live} /> : null}
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
  const locked = shown !== null && (current === null || current.status === 'locked' || current.status === 'revealed');
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

// ── The score sheet ───────────────────────────────────────────────────────

interface SheetProps {
  criteria: readonly Criterion[];
  speaker: Speaker;
  locked: boolean;
  saved: MyScore | undefined;
  status: ScoreStatus | undefined;
  onSubmit(scores: Record<string, number>): void;
}

const problemKeys: Record<ScoreProblemCode, MessageKey> = {
  missing: 'error.score.missing',
  unknown: 'error.score.unknown',
  'out-of-range': 'error.score.outOfRange',
  'off-step': 'error.score.offStep',
  'not-a-number': 'error.score.notANumber',
};

/** Phones and Chinese keyboards type full-width digits and 。 for the decimal point. */
export function normalizeScoreText(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[。．，,]/g, '.')
    .replace(/\s+/g, '');
}

function problemOf(criterion: Criterion, text: string): ScoreProblemCode | null {
  const result = checkScores([criterion], { [criterion.key]: normalizeScoreText(text) });
  return result.ok ? null : (result.problems[0]?.code ?? null);
}

function problemMessage(t: Translate, criterion: Criterion, code: ScoreProblemCode): string {
  return t(problemKeys[code], { criterion: criterion.name, max: criterion.max, step: criterion.step });
}

function textOf(scores: Record<string, number> | undefined, key: string): string {
  const value = scores?.[key];
  return value === undefined ? '' : String(value);
}

function ScoreSheet({ criteria, speaker, locked, saved, status, onSubmit }: SheetProps) {
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
    <form className="judge-sheet" onSubmit={submit} noValidate aria-label={t('judgePage.sheet')}>
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
                  const text = e.target.value;
                  setValues((v) => ({ ...v, [c.key]: text }));
                  setEdited((s) => new Set(s).add(c.key));
                }}
                onBlur={() => setTouched((s) => (s.has(c.key) ? s : new Set(s).add(c.key)))}
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

      <div className={`judge-submit-bar${locked ? '' : ' judge-submit-bar-sticky'}`}>
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

/** HH:MM:SS on this device's clock. */
function clock(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

function SaveStatus({ status, saved }: { status: ScoreStatus | undefined; saved: MyScore | undefined }) {
  const t = useT();
  if (status?.state === 'pending') {
    const retrying = status.attempts > 0;
    return (
      <div className="judge-save judge-save-pending" data-testid="judge-save-status" data-state="pending" role="status">
        <span className="judge-save-icon" aria-hidden="true" />
        <div>
          <p className="judge-save-text">{retrying ? t('judgePage.pending') : t('judgePage.sending')}</p>
          {retrying ? <p className="judge-save-help">{t('judgePage.pendingHelp')}</p> : null}
        </div>
      </div>
    );
  }
  if (status?.state === 'error') {
    return (
      <div className="judge-save judge-save-error" data-testid="judge-save-status" data-state="error" role="alert">
        <span className="judge-save-icon" aria-hidden="true" />
        <p className="judge-save-text">{t('judgePage.error', { message: status.message })}</p>
      </div>
    );
  }
  const confirmed = status?.state === 'saved' ? status : saved;
  if (confirmed) {
    return (
      <div className="judge-save judge-save-saved" data-testid="judge-save-status" data-state="saved" role="status">
        <span className="judge-save-icon" aria-hidden="true" />
        <p className="judge-save-text">
          {t('judgePage.saved', { time: clock(confirmed.savedAt) })}
          <span className="judge-save-total"> · {t('judgePage.savedTotal', { total: confirmed.total })}</span>
        </p>
      </div>
    );
  }
  return <p className="judge-save judge-save-none muted">{t('judgePage.notSubmitted')}</p>;
}

// ── History ───────────────────────────────────────────────────────────────

function History({
  myScores,
  statuses,
  waiting,
}: {
  myScores: readonly MyScore[];
  statuses: Statuses;
  waiting: readonly PendingScore[];
}) {
  const t = useT();
  const rows = useMemo(() => {
    const byId = new Map<
      number,
      {
        participantId: number;
        order: number | null;
        name: string;
        total: string;
        savedAt: string | null;
        pending: boolean;
      }
    >();
    for (const s of myScores)
      byId.set(s.participantId, {
        participantId: s.participantId,
        order: s.order,
        name: s.name,
        total: s.total,
        savedAt: s.savedAt,
        pending: false,
      });
    for (const entry of waiting) {
      const known = byId.get(entry.participantId);
      const total = Object.values(entry.scores).reduce((sum, v) => {
        const parsed = parseHundredths(v);
        return parsed.ok ? sum + parsed.hundredths : sum;
      }, 0);
      byId.set(entry.participantId, {
        participantId: entry.participantId,
        order: known?.order ?? entry.speaker?.order ?? null,
        name: known?.name ?? entry.speaker?.name ?? t('judgePage.speakerUnknown', { id: entry.participantId }),
        total: formatHundredths(total),
        savedAt: known?.savedAt ?? null,
        pending: statuses.get(entry.participantId)?.state === 'pending',
      });
    }
    return [...byId.values()].sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity));
  }, [myScores, statuses, waiting, t]);

  return (
    <section className="card judge-history" aria-labelledby="judge-history-title">
      <h2 className="panel-title" id="judge-history-title">
        {t('judgePage.history')}
      </h2>
      <p className="muted judge-history-help">{t('judgePage.historyHelp')}</p>
      {rows.length === 0 ? (
        <p className="muted judge-history-empty">{t('judgePage.historyEmpty')}</p>
      ) : (
        <table className="judge-history-table">
          <thead>
            <tr>
              <th scope="col">{t('judgePage.historyOrder')}</th>
              <th scope="col">{t('judgePage.historyName')}</th>
              <th scope="col" className="num">
                {t('judgePage.historyTotal')}
              </th>
              <th scope="col">{t('judgePage.historySaved')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={row.participantId}
                data-testid="judge-history-row"
                data-state={row.pending ? 'pending' : 'saved'}
              >
                <td>{row.order ?? '—'}</td>
                <td className="judge-history-name">{row.name}</td>
                <td className="num strong">{row.total}</td>
                <td className={row.pending ? 'judge-history-pending' : 'muted'}>
                  {row.pending ? t('judgePage.pending') : row.savedAt ? clock(row.savedAt) : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

// ── The queue, wired to the host ──────────────────────────────────────────

function browserStore(): KeyValueStore {
  try {
    const probe = 'podium.judge.probe';
    window.localStorage.setItem(probe, '1');
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    return memoryStore();
  }
}

async function sendScore(api: ApiClient, entry: PendingScore): Promise<SendResult> {
  try {
    const accepted = await api.call('submitScore', {
      params: { pid: String(entry.participantId) },
      body: { scores: entry.scores, submissionId: entry.submissionId },
    });
    return { kind: 'saved', total: accepted.total, savedAt: accepted.savedAt };
  } catch (error) {
    if (!(error instanceof ApiError))
      return { kind: 'retry', message: error instanceof Error ? error.message : String(error) };
    // A 2xx we could not read (a captive portal's page) proves nothing was saved; the same submissionId makes a resend safe.
    if (isRetryable(error.status) || error.status < 300) return { kind: 'retry', message: error.message };
    return { kind: 'rejected', status: error.status, message: error.message, field: error.field };
  }
}

function useScoreQueue(token: string, api: ApiClient): { queue: ScoreQueue | null; statuses: Statuses } {
  const apiRef = useRef(api);
  useEffect(() => {
    apiRef.current = api;
  });
  const [queue, setQueue] = useState<ScoreQueue | null>(null);
  const [statuses, setStatuses] = useState<Statuses>(new Map());
  useEffect(() => {
    const created = createScoreQueue({
      store: browserStore(),
      token,
      send: (entry) => sendScore(apiRef.current, entry),
      onChange: setStatuses,
    });
    setQueue(created);
    setStatuses(created.statuses());
    // Sheets left from before a reload or a crash go out first.
    created.flush();
    return () => created.dispose();
  }, [token]);
  return { queue, statuses };
}
