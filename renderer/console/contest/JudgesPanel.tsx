import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import type { Judge, Rubric } from '../../../shared/api/contest';
import type { Participant } from '../../../shared/api/events';
import { ApiError, type ApiClient } from '../../api/client';
import { getBridge } from '../../api/bridge';
import { Button } from '../../ui/Button';
import { LoadError } from '../../ui/LoadError';
import { Empty, Notice } from '../../ui/Notice';
import { useT } from '../../ui/i18n';
import { useToast } from '../../ui/Toast';
import { useErrorMessage } from '../../ui/useErrorMessage';
import { useLoad } from '../../ui/useLoad';
import { QrCode } from '../QrCode';
import { judgeGroupKey } from '../../../shared/domain/scoring';
import { fieldPath } from './format';

export function JudgesPanel({ api, eventId, rubric }: { api: ApiClient; eventId: number; rubric: Rubric | null }) {
  const t = useT();
  const toast = useToast();
  const message = useErrorMessage();
  const id = String(eventId);
  const judges = useLoad(useCallback(() => api.call('listJudges', { params: { id } }), [api, id]));
  const participants = useLoad(
    useCallback(() => api.call('listParticipants', { params: { id }, query: {} }), [api, id]),
  );
  const [printing, setPrinting] = useState(false);

  const list = judges.data ?? [];
  const empty = judges.data ? emptyGroups(rubric, list) : [];
  return (
    <div className="contest-judges">
      <LanNotice api={api} onSwitched={judges.reload} />
      {empty.length > 0 ? (
        <Notice tone="error">
          <span data-testid="judges-empty-groups">
            {t('contest.judges.emptyGroups', { groups: empty.map((g) => `“${g.name}”`).join('、') })}
          </span>
        </Notice>
      ) : null}
      <AddJudgeForm
        api={api}
        eventId={eventId}
        rubric={rubric}
        onAdded={(judge) => {
          toast(t('contest.judges.added', { name: judge.name }));
          judges.reload();
        }}
      />
      <section className="panel">
        <div className="panel-head">
          <h2 className="panel-title">
            {t('contest.judges.title')}{' '}
            <span className="count">{t('contest.judges.count', { count: list.length })}</span>
          </h2>
          <Button onClick={() => setPrinting(true)} disabled={list.length === 0} data-testid="judge-print">
            {t('contest.judges.print')}
          </Button>
        </div>
        {judges.error ? <LoadError error={judges.error} onRetry={judges.reload} /> : null}
        {judges.data && list.length === 0 ? <Empty>{t('contest.judges.none')}</Empty> : null}
        <div className="contest-judge-grid">
          {list.map((judge) => (
            <JudgeCard
              key={judge.id}
              judge={judge}
              rubric={rubric}
              participants={participants.data ?? []}
              onConflicts={async (participantIds) => {
                try {
                  await api.call('setConflicts', { params: { id, jid: String(judge.id) }, body: { participantIds } });
                  judges.reload();
                } catch (error) {
                  toast(message(error), 'error');
                  judges.reload();
                }
              }}
              onGroup={async (group) => {
                try {
                  const body = {
                    name: judge.name,
                    ...(judge.organization ? { organization: judge.organization } : {}),
                    ...(group ? { group } : {}),
                  };
                  await api.call('updateJudge', { params: { id, jid: String(judge.id) }, body });
                  toast(t('contest.judges.groupSaved', { name: judge.name }));
                } catch (error) {
                  toast(message(error), 'error');
                }
                judges.reload();
              }}
            />
          ))}
        </div>
      </section>
      {printing ? <JudgeCardsPrint judges={list} rubric={rubric} onClose={() => setPrinting(false)} /> : null}
    </div>
  );
}

/** Weighted groups no judge is in: the host leaves their weight out, which the organiser must know before the first speaker. */
export function emptyGroups(rubric: Rubric | null, judges: readonly Judge[]): Rubric['groups'] {
  const groups = rubric?.groups ?? [];
  const keys = groups.map((g) => g.key);
  const used = new Set(judges.map((j) => judgeGroupKey(j.group, keys)));
  return groups.filter((g) => !used.has(g.key));
}

/** Judges' links point at this computer only while the LAN is off: say so where the links are handed out. */
function LanNotice({ api, onSwitched }: { api: ApiClient; onSwitched(): void }) {
  const t = useT();
  const toast = useToast();
  const message = useErrorMessage();
  const network = useLoad(useCallback(() => api.call('getNetwork'), [api]));
  const [busy, setBusy] = useState(false);
  if (!network.data || network.data.lan) return null;

  async function enable() {
    setBusy(true);
    try {
      await api.call('setNetwork', { body: { lan: true } });
      toast(t('contest.judges.lanOn'));
    } catch (error) {
      toast(message(error), 'error');
    } finally {
      setBusy(false);
      // The server rebinds after answering; the links change with it.
      window.setTimeout(() => {
        network.reload();
        onSwitched();
      }, 500);
    }
  }

  return (
    <Notice
      tone="error"
      action={
        <Button variant="primary" busy={busy} onClick={enable} data-testid="judges-lan-on">
          {t('lan.enable')}
        </Button>
      }
    >
      <span data-testid="judges-lan-off">{t('contest.judges.lanOff')}</span>
    </Notice>
  );
}

function AddJudgeForm({
  api,
  eventId,
  rubric,
  onAdded,
}: {
  api: ApiClient;
  eventId: number;
  rubric: Rubric | null;
  onAdded(judge: Judge): void;
}) {
  const t = useT();
  const message = useErrorMessage();
  const [name, setName] = useState('');
  const [organization, setOrganization] = useState('');
  const groups = rubric?.groups ?? [];
  const [group, setGroup] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ name?: string; organization?: string; group?: string; form?: string }>({});

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      const judge = await api.call('createJudge', {
        params: { id: String(eventId) },
        body: { name, ...(organization.trim() ? { organization } : {}), ...(group ? { group } : {}) },
      });
      setName('');
      setOrganization('');
      onAdded(judge);
    } catch (error) {
      const path = error instanceof ApiError ? fieldPath(error.field) : null;
      if (path === 'name' || path === 'organization' || path === 'group') setErrors({ [path]: message(error) });
      else setErrors({ form: message(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel form contest-judge-form" onSubmit={submit} noValidate>
      <h2 className="panel-title">{t('contest.judges.add')}</h2>
      <div className={`form-grid ${groups.length ? 'contest-grid-4' : 'form-grid-3'}`}>
        <div className={`field ${errors.name ? 'field-invalid' : ''}`}>
          <label className="field-label">
            {t('judge.name')}
            <input
              value={name}
              onChange={(e) => setName(e.target.value)}
              data-testid="judge-add-name"
              aria-invalid={errors.name ? true : undefined}
            />
          </label>
          {errors.name ? (
            <p className="field-error" role="alert">
              {errors.name}
            </p>
          ) : null}
        </div>
        <div className={`field ${errors.organization ? 'field-invalid' : ''}`}>
          <label className="field-label">
            <span>
              {t('judge.organization')} <span className="field-optional">{t('form.optional')}</span>
            </span>
            <input
              value={organization}
              onChange={(e) => setOrganization(e.target.value)}
              data-testid="judge-add-organization"
            />
          </label>
          {errors.organization ? (
            <p className="field-error" role="alert">
              {errors.organization}
            </p>
          ) : null}
        </div>
        {groups.length ? (
          <div className={`field ${errors.group ? 'field-invalid' : ''}`}>
            <label className="field-label">
              {t('judge.group')}
              <select value={group} onChange={(e) => setGroup(e.target.value)}>
                <option value="">{t('contest.judges.defaultGroup', { name: groups[0]?.name ?? '' })}</option>
                {groups.map((g) => (
                  <option key={g.key} value={g.key}>
                    {g.name}
                  </option>
                ))}
              </select>
            </label>
            {errors.group ? (
              <p className="field-error" role="alert">
                {errors.group}
              </p>
            ) : null}
          </div>
        ) : null}
        <div className="contest-form-end">
          <Button type="submit" variant="primary" busy={busy} data-testid="judge-add">
            {t('contest.judges.addButton')}
          </Button>
        </div>
      </div>
      {errors.form ? <Notice tone="error">{errors.form}</Notice> : null}
    </form>
  );
}

function JudgeCard({
  judge,
  rubric,
  participants,
  onConflicts,
  onGroup,
}: {
  judge: Judge;
  rubric: Rubric | null;
  participants: readonly Participant[];
  onConflicts(ids: number[]): Promise<void>;
  onGroup(group: string): Promise<void>;
}) {
  const t = useT();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  // Ticked at once; the host's answer (a reload of the judges) confirms or puts it back.
  const [conflicts, setConflicts] = useState<number[]>(judge.conflicts);
  useEffect(() => setConflicts(judge.conflicts), [judge.conflicts]);
  const groupName = rubric?.groups.find((g) => g.key === judge.group)?.name ?? judge.group;
  const conflictNames = participants.filter((p) => conflicts.includes(p.id)).map((p) => p.name);

  async function copy() {
    try {
      await navigator.clipboard.writeText(judge.joinUrl);
      toast(t('contest.judges.copied'));
    } catch {
      toast(t('contest.judges.copyFailed'), 'error');
    }
  }

  function toggle(pid: number, on: boolean) {
    const next = on ? [...conflicts, pid] : conflicts.filter((x) => x !== pid);
    setConflicts(next);
    void onConflicts(next);
  }

  return (
    <article className="card contest-judge-card" data-testid="judge-card">
      <div className="contest-judge-main">
        <div data-testid="judge-qr">
          <QrCode text={judge.joinUrl} size={132} />
        </div>
        <div className="contest-judge-info">
          <h3 className="contest-judge-name">{judge.name}</h3>
          {judge.organization ? <p className="muted">{judge.organization}</p> : null}
          {rubric?.groups.length ? (
            <label className="contest-judge-group">
              {t('judge.group')}
              <select
                value={judge.group ?? ''}
                onChange={(e) => void onGroup(e.target.value)}
                data-testid="judge-group"
              >
                <option value="">{t('contest.judges.defaultGroup', { name: rubric.groups[0]?.name ?? '' })}</option>
                {rubric.groups.map((g) => (
                  <option key={g.key} value={g.key}>
                    {g.name}
                  </option>
                ))}
              </select>
            </label>
          ) : groupName ? (
            <span className="tag tag-training">{groupName}</span>
          ) : null}
          <code className="url contest-url" data-testid="judge-url">
            {judge.joinUrl}
          </code>
          <Button onClick={copy} data-testid="judge-copy">
            {t('contest.judges.copy')}
          </Button>
        </div>
      </div>
      <div className="contest-conflicts">
        <button
          type="button"
          className="contest-link"
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
          data-testid="judge-conflicts"
        >
          {t('contest.judges.conflicts')}：
          {conflictNames.length ? conflictNames.join('、') : t('contest.judges.noConflicts')}
          <span aria-hidden="true"> {open ? '▲' : '▼'}</span>
        </button>
        {open ? (
          <fieldset className="contest-conflict-list">
            <legend className="visually-hidden">{t('contest.judges.conflictsOf', { name: judge.name })}</legend>
            <p className="muted">{t('contest.judges.conflictsHint')}</p>
            {participants.map((p) => (
              <label key={p.id} className="contest-check">
                <input
                  type="checkbox"
                  checked={conflicts.includes(p.id)}
                  onChange={(e) => toggle(p.id, e.target.checked)}
                />
                {p.name}
                {p.organization ? <span className="muted">（{p.organization}）</span> : null}
              </label>
            ))}
          </fieldset>
        ) : null}
      </div>
    </article>
  );
}

/** One page per judge: name, QR, address and the rubric — the paper fallback when a laptop fails. */
function JudgeCardsPrint({
  judges,
  rubric,
  onClose,
}: {
  judges: readonly Judge[];
  rubric: Rubric | null;
  onClose(): void;
}) {
  const t = useT();
  const toast = useToast();
  const message = useErrorMessage();
  const [ready, setReady] = useState(false);

  const print = useCallback(async () => {
    try {
      await getBridge().print();
    } catch (error) {
      toast(message(error), 'error');
    }
  }, [toast, message]);

  // The QR pictures are drawn asynchronously; print once they are all there (or after a short wait).
  useEffect(() => {
    let frames = 0;
    let handle = 0;
    const check = () => {
      const area = document.querySelector('.contest-print');
      const images = area ? area.querySelectorAll('img').length : 0;
      if (images >= judges.length || frames++ > 120) setReady(true);
      else handle = window.requestAnimationFrame(check);
    };
    handle = window.requestAnimationFrame(check);
    return () => window.cancelAnimationFrame(handle);
  }, [judges.length]);

  useEffect(() => {
    if (ready) void print();
    // Printing starts once, when the view is first ready.
  }, [ready]);

  return createPortal(
    <div className="contest-print" data-testid="judge-print-view">
      <div className="contest-print-bar">
        <span>{t('contest.print.title', { count: judges.length })}</span>
        <Button variant="primary" onClick={() => void print()}>
          {t('contest.print.print')}
        </Button>
        <Button onClick={onClose} data-testid="judge-print-close">
          {t('contest.print.close')}
        </Button>
      </div>
      {judges.map((judge) => (
        <section key={judge.id} className="contest-print-page">
          <h1>{t('contest.print.heading')}</h1>
          <p className="contest-print-name">{judge.name}</p>
          {judge.organization ? <p>{judge.organization}</p> : null}
          <QrCode text={judge.joinUrl} size={220} />
          <p className="contest-print-url">{judge.joinUrl}</p>
          <p>{t('contest.print.howTo')}</p>
          {rubric ? (
            <table className="contest-print-rubric">
              <thead>
                <tr>
                  <th>{t('rubric.criterionName')}</th>
                  <th>{t('rubric.criterionMax')}</th>
                  <th>{t('rubric.criterionStep')}</th>
                  <th>{t('contest.print.score')}</th>
                </tr>
              </thead>
              <tbody>
                {rubric.criteria.map((c) => (
                  <tr key={c.key}>
                    <td>{c.name}</td>
                    <td>{c.max}</td>
                    <td>{c.step}</td>
                    <td />
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>{t('contest.rubric.none')}</p>
          )}
        </section>
      ))}
    </div>,
    document.body,
  );
}
