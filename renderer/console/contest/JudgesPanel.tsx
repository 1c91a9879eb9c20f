import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { IssuedJudge, Judge, Rubric } from '../../../shared/api/contest';
import type { Participant } from '../../../shared/api/events';
import { judgeGroupKey } from '../../../shared/domain/scoring';
import { ApiError, type ApiClient } from '../../api/client';
import { keys, retry, useJudges, useNetwork, useParticipants, useRubric } from '../../api/queries';
import { useAction } from '../../api/useAction';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { LoadError } from '../../ui/LoadError';
import { Empty, Notice } from '../../ui/Notice';
import { useT } from '../../ui/i18n';
import { useToast } from '../../ui/Toast';
import { refreshLinks, useVenueAddress } from '../LanPanel';
import { QrCode } from '../QrCode';
import { fieldPath } from './format';
import { JudgeCardsPrint } from './JudgeCardsPrint';
import { JudgeLinkQuestion, JudgeLinkState, printable, type LinkChange } from './JudgeLink';
import './JudgesPanel.css';

export function JudgesPanel({ api, eventId }: { api: ApiClient; eventId: number }) {
  const t = useT();
  const id = String(eventId);
  const judges = useJudges(api, eventId);
  const participants = useParticipants(api, eventId);
  const rubric = useRubric(api, eventId).data ?? null;
  const action = useAction();
  const [printing, setPrinting] = useState(false);
  // A judge just given a new link: their card alone, printed again at once.
  const [reprint, setReprint] = useState<IssuedJudge | null>(null);
  // Cards printed with an address other devices cannot open are useless: ask first.
  const [askingLan, setAskingLan] = useState(false);
  const venue = useVenueAddress(api).data ?? null;
  const judgesKey = keys.topic(eventId, 'judges');

  const list = judges.data ?? [];
  const empty = judges.data ? emptyGroups(rubric, list) : [];
  const unprintable = list.filter((j) => !printable(j)).length;
  return (
    <div className="contest-judges">
      <LanNotice api={api} eventId={eventId} />
      {empty.length > 0 ? (
        <Notice tone="error">
          <span data-testid="judges-empty-groups">
            {t('contest.judges.emptyGroups', { groups: empty.map((g) => `“${g.name}”`).join('、') })}
          </span>
        </Notice>
      ) : null}
      <AddJudgeForm api={api} eventId={eventId} rubric={rubric} />
      <section className="panel">
        <div className="panel-head">
          <h2 className="panel-title">
            {t('contest.judges.title')}{' '}
            <span className="count">{t('contest.judges.count', { count: list.length })}</span>
          </h2>
          <Button
            onClick={() => (venue?.localOnly ? setAskingLan(true) : setPrinting(true))}
            disabled={list.length === 0}
            data-testid="judge-print"
          >
            {t('contest.judges.print')}
          </Button>
        </div>
        {askingLan ? (
          <PrintLanQuestion
            api={api}
            eventId={eventId}
            onPrint={() => {
              setAskingLan(false);
              setPrinting(true);
            }}
            onCancel={() => setAskingLan(false)}
          />
        ) : null}
        {judges.error ? <LoadError error={judges.error} onRetry={retry(judges)} /> : null}
        {judges.data && list.length === 0 ? <Empty>{t('contest.judges.none')}</Empty> : null}
        <div className="contest-judge-grid">
          {list.map((judge) => (
            <JudgeCard
              key={judge.id}
              judge={judge}
              rubric={rubric}
              participants={participants.data ?? []}
              onConflicts={(participantIds, settled) => {
                const params = { id, jid: String(judge.id) };
                action.run('conflicts', () => api.call('setConflicts', { params, body: { participantIds } }), {
                  invalidate: [judgesKey],
                  always: settled,
                });
              }}
              onSave={(body, saved) => {
                const params = { id, jid: String(judge.id) };
                action.run('edit', () => api.call('updateJudge', { params, body }), {
                  done: (answer) => t('judgeCard.saved', { name: answer.name }),
                  invalidate: [judgesKey],
                  then: saved,
                });
              }}
              onDelete={(force) => {
                const params = { id, jid: String(judge.id) };
                const query = force ? { force: 'true' as const } : {};
                action.run('delete', () => api.call('deleteJudge', { params, query }), {
                  done: t('judgeCard.deleted', { name: judge.name }),
                  invalidate: [judgesKey, keys.topic(eventId, 'ranking'), keys.topic(eventId, 'audit')],
                });
              }}
              linkBusy={action.busy === `link-${judge.id}`}
              onLink={(change, settled) => {
                const params = { id, jid: String(judge.id) };
                const invalidate = [judgesKey, keys.topic(eventId, 'audit')];
                if (change === 'reissue') {
                  action.run(`link-${judge.id}`, () => api.call('reissueJudgeToken', { params }), {
                    done: (fresh) => t('judgeLink.reissued', { name: fresh.name }),
                    invalidate,
                    then: setReprint,
                    always: settled,
                  });
                } else {
                  action.run(`link-${judge.id}`, () => api.call('revokeJudgeToken', { params }), {
                    done: t('judgeLink.revoked', { name: judge.name }),
                    invalidate,
                    always: settled,
                  });
                }
              }}
              onGroup={(group) => {
                const body = {
                  name: judge.name,
                  ...(judge.organization ? { organization: judge.organization } : {}),
                  ...(group ? { group } : {}),
                };
                action.run('group', () => api.call('updateJudge', { params: { id, jid: String(judge.id) }, body }), {
                  done: t('contest.judges.groupSaved', { name: judge.name }),
                  invalidate: [judgesKey],
                });
              }}
            />
          ))}
        </div>
      </section>
      {printing || reprint ? (
        <JudgeCardsPrint
          judges={reprint ? [reprint] : list.filter(printable)}
          skipped={reprint ? 0 : unprintable}
          rubric={rubric}
          shortUrl={venue?.shortUrl ?? ''}
          onClose={() => {
            setPrinting(false);
            setReprint(null);
          }}
        />
      ) : null}
    </div>
  );
}

/**
 * Weighted groups no judge is in: the host leaves their weight out, which the organiser must know before the
 * first speaker.
 */
export function emptyGroups(rubric: Rubric | null, judges: readonly Judge[]): Rubric['groups'] {
  const groups = rubric?.groups ?? [];
  const keys = groups.map((g) => g.key);
  const used = new Set(judges.map((j) => judgeGroupKey(j.group, keys)));
  return groups.filter((g) => !used.has(g.key));
}

/** Judges' links point at this computer only while the LAN is off: say so where the links are handed out. */
function LanNotice({ api, eventId }: { api: ApiClient; eventId: number }) {
  const t = useT();
  const client = useQueryClient();
  const network = useNetwork(api);
  const action = useAction();
  if (!network.data || network.data.lan) return null;

  function enable() {
    action.run('lan', () => api.call('setNetwork', { body: { lan: true } }), {
      done: t('contest.judges.lanOn'),
      // The server rebinds after answering; the links change with it.
      always: () => window.setTimeout(() => void refreshLinks(client, eventId), 500),
    });
  }

  return (
    <Notice
      tone="error"
      action={
        <Button variant="primary" busy={action.busy === 'lan'} onClick={enable} data-testid="judges-lan-on">
          {t('lan.enable')}
        </Button>
      }
    >
      <span data-testid="judges-lan-off">{t('contest.judges.lanOff')}</span>
    </Notice>
  );
}

/** Waits for the host to listen on the LAN again after it answered the switch (it rebinds after answering). */
async function untilLanOpen(api: ApiClient): Promise<void> {
  for (let tries = 0; tries < 40; tries++) {
    await new Promise((resolve) => window.setTimeout(resolve, 250));
    const network = await api.call('getNetwork').catch(() => null);
    if (network?.lan) return;
  }
}

/** Printing while the cards' address works on this computer only: open the LAN first (one click), or print anyway. */
function PrintLanQuestion({
  api,
  eventId,
  onPrint,
  onCancel,
}: {
  api: ApiClient;
  eventId: number;
  onPrint: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const client = useQueryClient();
  const action = useAction();

  function openAndPrint() {
    const open = async () => {
      await api.call('setNetwork', { body: { lan: true } });
      await untilLanOpen(api);
      // The cards are drawn from the judges' links, which now carry the venue address.
      await refreshLinks(client, eventId);
    };
    action.run('lan-print', open, { done: t('contest.judges.lanOn'), then: onPrint });
  }

  const busy = action.busy === 'lan-print';
  return (
    <Notice
      tone="error"
      action={
        <span className="contest-judge-actions">
          <Button variant="primary" busy={busy} onClick={openAndPrint} data-testid="judge-print-open-lan">
            {busy ? t('judgePrint.opening') : t('judgePrint.openAndPrint')}
          </Button>
          <Button onClick={onPrint} disabled={busy} data-testid="judge-print-anyway">
            {t('judgePrint.printAnyway')}
          </Button>
          <Button variant="quiet" onClick={onCancel} disabled={busy}>
            {t('judgePrint.cancel')}
          </Button>
        </span>
      }
    >
      <span data-testid="judge-print-local">{t('judgePrint.localOnly')}</span>
    </Notice>
  );
}

function AddJudgeForm({ api, eventId, rubric }: { api: ApiClient; eventId: number; rubric: Rubric | null }) {
  const t = useT();
  const action = useAction();
  const [name, setName] = useState('');
  const [organization, setOrganization] = useState('');
  const groups = rubric?.groups ?? [];
  const [group, setGroup] = useState('');
  const [errors, setErrors] = useState<{ name?: string; organization?: string; group?: string; form?: string }>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    const body = { name, ...(organization.trim() ? { organization } : {}), ...(group ? { group } : {}) };
    action.run('add', () => api.call('createJudge', { params: { id: String(eventId) }, body }), {
      done: (judge) => t('contest.judges.added', { name: judge.name }),
      invalidate: [keys.topic(eventId, 'judges')],
      then: () => {
        setName('');
        setOrganization('');
      },
      failed: (error, text) => {
        const path = error instanceof ApiError ? fieldPath(error.field) : null;
        if (path === 'name' || path === 'organization' || path === 'group') setErrors({ [path]: text });
        else setErrors({ form: text });
      },
    });
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
          <Button type="submit" variant="primary" busy={action.busy === 'add'} data-testid="judge-add">
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
  onSave,
  onDelete,
  onGroup,
  linkBusy,
  onLink,
}: {
  judge: Judge;
  rubric: Rubric | null;
  participants: readonly Participant[];
  /** Saves the conflicts; `settled` runs once the judges have been reloaded, whatever the answer. */
  onConflicts: (ids: number[], settled: () => void) => void;
  /** Saves a corrected name or organisation; `saved` runs when the host took it. */
  onSave: (body: { name: string; organization?: string; group?: string }, saved: () => void) => void;
  /** `force`: the organiser was told the judge's scores go too. */
  onDelete: (force: boolean) => void;
  onGroup: (group: string) => void;
  linkBusy: boolean;
  /** Reissues or revokes the judge's link (the organiser has confirmed); `settled` runs whatever the answer. */
  onLink: (change: LinkChange, settled: () => void) => void;
}) {
  const t = useT();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [asking, setAsking] = useState<LinkChange | null>(null);
  // Ticked at once; the host's answer (a reload of the judges) confirms or puts it back.
  const [ticked, setTicked] = useState<number[] | null>(null);
  const conflicts = ticked ?? judge.conflicts;
  const groupName = rubric?.groups.find((g) => g.key === judge.group)?.name ?? judge.group;
  const conflictNames = participants.filter((p) => conflicts.includes(p.id)).map((p) => p.name);

  function copy(joinUrl: string) {
    navigator.clipboard.writeText(joinUrl).then(
      () => toast(t('contest.judges.copied')),
      () => toast(t('contest.judges.copyFailed'), 'error'),
    );
  }

  function toggle(pid: number, on: boolean) {
    const next = on ? [...conflicts, pid] : conflicts.filter((x) => x !== pid);
    setTicked(next);
    onConflicts(next, () => setTicked((now) => (now === next ? null : now)));
  }

  return (
    <article className="card contest-judge-card" data-testid="judge-card">
      <div className="contest-judge-main">
        {printable(judge) ? (
          <div data-testid="judge-qr">
            <QrCode text={judge.joinUrl} size={132} />
          </div>
        ) : null}
        <div className="contest-judge-info">
          {editing ? (
            <JudgeEditForm
              judge={judge}
              onSave={(body) => onSave(body, () => setEditing(false))}
              onCancel={() => setEditing(false)}
            />
          ) : (
            <>
              <h3 className="contest-judge-name" data-testid="judge-name">
                {judge.name}
              </h3>
              {judge.organization ? <p className="muted">{judge.organization}</p> : null}
            </>
          )}
          {rubric?.groups.length ? (
            <label className="contest-judge-group">
              {t('judge.group')}
              <select value={judge.group ?? ''} onChange={(e) => onGroup(e.target.value)} data-testid="judge-group">
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
          {printable(judge) ? (
            <>
              <code className="url contest-url" data-testid="judge-url">
                {judge.joinUrl}
              </code>
              <p className="contest-judge-code">
                {t('judgeCard.code')} <strong data-testid="judge-code">{judge.joinCode}</strong>
              </p>
            </>
          ) : (
            <JudgeLinkState judge={judge} />
          )}
          <span className="contest-judge-actions">
            {printable(judge) ? (
              <Button onClick={() => copy(judge.joinUrl)} data-testid="judge-copy">
                {t('contest.judges.copy')}
              </Button>
            ) : null}
            <Button variant="quiet" onClick={() => setEditing(true)} disabled={editing} data-testid="judge-edit">
              {t('judgeCard.edit')}
            </Button>
            <Button variant="quiet" onClick={() => setDeleting(true)} data-testid="judge-delete">
              {t('judgeCard.delete')}
            </Button>
          </span>
          <span className="contest-judge-actions">
            <Button variant="quiet" onClick={() => setAsking('reissue')} data-testid="judge-reissue">
              {t('judgeLink.reissue')}
            </Button>
            {judge.link === 'revoked' ? null : (
              <Button variant="quiet" onClick={() => setAsking('revoke')} data-testid="judge-revoke">
                {t('judgeLink.revoke')}
              </Button>
            )}
          </span>
        </div>
      </div>
      {deleting ? <DeleteQuestion judge={judge} onDelete={onDelete} onCancel={() => setDeleting(false)} /> : null}
      {asking ? (
        <JudgeLinkQuestion
          judge={judge}
          change={asking}
          busy={linkBusy}
          onConfirm={() => onLink(asking, () => setAsking(null))}
          onCancel={() => setAsking(null)}
        />
      ) : null}
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

/** What deleting this judge would do, asked in the card: refused once their scores are in a revealed result. */
function DeleteQuestion({
  judge,
  onDelete,
  onCancel,
}: {
  judge: Judge;
  onDelete: (force: boolean) => void;
  onCancel: () => void;
}) {
  const t = useT();
  if (judge.revealedSpeakers > 0) {
    return (
      <Notice tone="error" action={<Button onClick={onCancel}>{t('judgeCard.cancel')}</Button>}>
        <span data-testid="judge-delete-question">
          {t('error.judge.deleteRevealed', { name: judge.name, count: judge.revealedSpeakers })}
        </span>
      </Notice>
    );
  }
  const scored = judge.scoredSpeakers > 0;
  const question = scored
    ? t('judgeCard.deleteScoredConfirm', {
        name: judge.name,
        message: t('error.judge.deleteScored', { name: judge.name, count: judge.scoredSpeakers }),
      })
    : t('judgeCard.deleteConfirm', { name: judge.name });
  return (
    <Notice
      tone="error"
      action={
        <span className="contest-judge-actions">
          <Button variant="primary" onClick={() => onDelete(scored)} data-testid="judge-delete-confirm">
            {t('judgeCard.delete')}
          </Button>
          <Button onClick={onCancel}>{t('judgeCard.cancel')}</Button>
        </span>
      }
    >
      <span data-testid="judge-delete-question">{question}</span>
    </Notice>
  );
}

/** A misspelt name goes onto the card and the score sheets: corrected in place, the token and code stay. */
function JudgeEditForm({
  judge,
  onSave,
  onCancel,
}: {
  judge: Judge;
  onSave: (body: { name: string; organization?: string; group?: string }) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [name, setName] = useState(judge.name);
  const [organization, setOrganization] = useState(judge.organization ?? '');

  function submit(event: FormEvent) {
    event.preventDefault();
    onSave({
      name,
      ...(organization.trim() ? { organization } : {}),
      ...(judge.group ? { group: judge.group } : {}),
    });
  }

  return (
    <form className="form contest-judge-edit" onSubmit={submit} noValidate>
      <Field label={t('judge.name')} required>
        {(control) => (
          <input {...control} value={name} onChange={(e) => setName(e.target.value)} data-testid="judge-edit-name" />
        )}
      </Field>
      <Field label={t('judge.organization')}>
        {(control) => (
          <input
            {...control}
            value={organization}
            onChange={(e) => setOrganization(e.target.value)}
            data-testid="judge-edit-organization"
          />
        )}
      </Field>
      <span className="contest-judge-actions">
        <Button type="submit" variant="primary" data-testid="judge-edit-save">
          {t('judgeCard.save')}
        </Button>
        <Button onClick={onCancel}>{t('judgeCard.cancel')}</Button>
      </span>
    </form>
  );
}
