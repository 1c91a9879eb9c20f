import { useState } from 'react';
import type { AuditEntry, Judge, Performance } from '../../../shared/api/contest';
import type { ApiClient } from '../../api/client';
import { retry, useAudit } from '../../api/queries';
import { Button } from '../../ui/Button';
import { LoadError } from '../../ui/LoadError';
import { useLocale, useT, type Translate } from '../../ui/i18n';
import { formatInstant } from './format';
import { rubricChangeLines, rubricChangesOf } from './rubricChanges';
import './AuditLog.css';

const shownAtFirst = 50;

interface Names {
  criteria: ReadonlyMap<string, string>;
  participants: ReadonlyMap<number, string>;
}

/** Scores are stored as integer hundredths: 3250 → "32.5". */
function points(value: unknown): string {
  return typeof value === 'number' ? String(value / 100) : plain(value);
}

function plain(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(plain).join('、');
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(([key, v]) => `${key} ${plain(v)}`)
      .join('，');
  }
  return '—';
}

function participantList(value: unknown, names: Names): string {
  if (!Array.isArray(value)) return plain(value);
  if (value.length === 0) return '—';
  return value
    .map((id) => (typeof id === 'number' ? (names.participants.get(id) ?? String(id)) : plain(id)))
    .join('、');
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? Object.entries(value).find(([k]) => k === key)?.[1] : undefined;
}

/** A stored before/after value as a line a person can read, by what the action stored. */
function describe(t: Translate, action: AuditEntry['action'], value: unknown, names: Names): string {
  if (value === null || value === undefined) return '—';
  switch (action) {
    case 'score':
    case 'correct':
    case 'enter':
      if (typeof value !== 'object' || Array.isArray(value)) return plain(value);
      return Object.entries(value)
        .map(([key, v]) => `${names.criteria.get(key) ?? key} ${points(v)}`)
        .join(t('list.join'));
    case 'conflicts':
    case 'order':
      return participantList(value, names);
    case 'draw':
      return t('contest.audit.drawValue', {
        seed: plain(field(value, 'seed')),
        order: participantList(field(value, 'order'), names),
      });
    case 'finish':
      return t('contest.audit.finishValue', {
        seconds: plain(field(value, 'overtimeSeconds')),
        points: points(field(value, 'deduction')),
      });
    case 'reveal':
      return t('contest.audit.revealValue', { final: plain(field(value, 'final')) });
    case 'lock': {
      const missing = field(value, 'missing');
      if (!Array.isArray(missing)) return plain(value);
      return t('contest.audit.lockForced', { judges: missing.map((j) => plain(field(j, 'name'))) });
    }
    case 'awards': {
      const tiers = Array.isArray(value) ? value : field(value, 'tiers');
      if (!Array.isArray(tiers)) return plain(value);
      return tiers
        .map((tier) => {
          const count = field(tier, 'count');
          return `${plain(field(tier, 'name'))}×${typeof count === 'number' ? count : t('contest.awards.rest')}`;
        })
        .join(t('list.join'));
    }
    case 'import':
      return t('contest.audit.importValue', {
        created: plain(field(value, 'created')),
        updated: plain(field(value, 'updated')),
        duplicates: plain(field(value, 'duplicates')),
        errors: plain(field(value, 'errors')),
      });
    case 'judge':
      return (
        [field(value, 'name'), field(value, 'organization'), field(value, 'group')]
          .filter((v) => typeof v === 'string' && v !== '')
          .join(t('list.join')) || plain(value)
      );
    default:
      return plain(value);
  }
}

/** What an entry changed: a rules edit as one line per change, anything else as old → new. */
function Change({
  t,
  entry,
  names,
  criteria,
}: {
  t: Translate;
  entry: AuditEntry;
  names: Names;
  criteria: readonly { key: string; name: string }[];
}) {
  const rules = entry.action === 'rubric' ? rubricChangesOf(entry.before, entry.after) : null;
  if (rules) {
    return (
      <ul className="contest-audit-rules" data-testid="audit-rules-changes">
        {rubricChangeLines(t, rules, criteria).map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    );
  }
  const before = entry.before;
  const hasBefore = before !== null && before !== undefined && !(Array.isArray(before) && before.length === 0);
  return (
    <>
      {hasBefore ? (
        <>
          <span className="contest-old">{describe(t, entry.action, before, names)}</span> →{' '}
        </>
      ) : null}
      <span>{describe(t, entry.action, entry.after, names)}</span>
    </>
  );
}

function actorName(t: Translate, actor: string, judges: readonly Judge[]): string {
  if (actor === 'admin') return t('contest.audit.admin');
  const judge = /^judge:(.+)$/.exec(actor)?.[1];
  if (judge === undefined) return actor;
  const name = /^\d+$/.test(judge) ? (judges.find((j) => j.id === Number(judge))?.name ?? judge) : judge;
  return t('contest.audit.byJudge', { name });
}

export function AuditLog({
  api,
  eventId,
  judges,
  performances,
  criteria = [],
}: {
  api: ApiClient;
  eventId: number;
  judges: readonly Judge[];
  performances: readonly Performance[];
  criteria?: readonly { key: string; name: string }[];
}) {
  const t = useT();
  const { locale } = useLocale();
  const [open, setOpen] = useState(false);
  const [all, setAll] = useState(false);
  const audit = useAudit(api, eventId, open);

  const names: Names = {
    criteria: new Map(criteria.map((c) => [c.key, c.name])),
    participants: new Map(performances.map((p) => [p.participantId, p.name])),
  };
  // Newest first: what just happened is what the organiser looks for.
  const entries = [...(audit.data ?? [])].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id);
  const shown = all ? entries : entries.slice(0, shownAtFirst);

  return (
    <section className="panel contest-audit" aria-labelledby="audit-heading">
      <div className="panel-head">
        <h2 id="audit-heading" className="panel-title">
          {t('contest.audit.title')}
        </h2>
        <div className="contest-row-actions">
          {open ? <Button onClick={retry(audit)}>{t('contest.audit.refresh')}</Button> : null}
          <Button onClick={() => setOpen((o) => !o)} aria-expanded={open} data-testid="audit-toggle">
            {t(open ? 'contest.audit.hide' : 'contest.audit.show')}
          </Button>
        </div>
      </div>
      {!open ? <p className="muted">{t('contest.audit.hint')}</p> : null}
      {open && audit.error ? <LoadError error={audit.error} onRetry={retry(audit)} /> : null}
      {open && audit.data && entries.length === 0 && !audit.isFetching ? (
        <p className="muted">{t('contest.audit.empty')}</p>
      ) : null}
      {open && entries.length > 0 ? (
        <div className="table-wrap">
          <table className="table contest-audit-table">
            <thead>
              <tr>
                <th scope="col">{t('contest.audit.at')}</th>
                <th scope="col">{t('contest.audit.actor')}</th>
                <th scope="col">{t('contest.audit.action')}</th>
                <th scope="col">{t('contest.audit.subject')}</th>
                <th scope="col">{t('contest.audit.change')}</th>
                <th scope="col">{t('contest.audit.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((entry) => {
                const participant = performances.find((p) => p.participantId === entry.participantId)?.name;
                const judge = judges.find((j) => j.id === entry.judgeId)?.name;
                return (
                  <tr key={entry.id} data-testid="audit-row" data-action={entry.action}>
                    <td className="nowrap">{formatInstant(entry.at, locale)}</td>
                    <td className="nowrap">{actorName(t, entry.actor, judges)}</td>
                    <td className="nowrap strong">{t(`contest.audit.action.${entry.action}`)}</td>
                    <td className="contest-audit-subject">
                      {[participant, judge ? t('contest.audit.byJudge', { name: judge }) : null]
                        .filter(Boolean)
                        .join(' · ')}
                    </td>
                    <td className="contest-audit-change">
                      <Change t={t} entry={entry} names={names} criteria={criteria} />
                    </td>
                    <td>{entry.reason ?? ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {open && !all && entries.length > shownAtFirst ? (
        <Button variant="quiet" onClick={() => setAll(true)}>
          {t('contest.audit.showAll', { count: entries.length })}
        </Button>
      ) : null}
    </section>
  );
}
