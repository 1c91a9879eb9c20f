import { useId, useState, type FormEvent } from 'react';
import type { Participant } from '../../../shared/api/events';
import {
  groupBalances,
  groupsFileName,
  type Group,
  type GroupBalance,
  type GroupFile,
} from '../../../shared/api/groups';
import type { ApiClient } from '../../api/client';
import { retry, useEvent, useParticipants } from '../../api/queries';
import { useAction } from '../../api/useAction';
import { Button } from '../../ui/Button';
import { LoadError } from '../../ui/LoadError';
import { Modal } from '../../ui/Modal';
import { Empty } from '../../ui/Notice';
import { useToast } from '../../ui/Toast';
import { useLocale, useT } from '../../ui/i18n';
import { useSaveFile } from '../useSaveFile';
import { ConfirmButton } from './ConfirmButton';
import { GroupRecords } from './GroupRecords';
import { membershipKeys, useGroupAssignment, useGroups } from './groupsQueries';
import { membersOf, suggestedCount, toggleBalance, ungroupedOf } from './groupsView';
import './groups.css';

/** 分组: assign discussion groups, choose leaders and recorders, move trainees, print lists and table cards. */
export function GroupsPanel({ api, eventId }: { api: ApiClient; eventId: number }) {
  const t = useT();
  const groups = useGroups(api, eventId);
  const people = useParticipants(api, eventId);
  const list = groups.data ?? [];
  const roster = people.data ?? [];
  const ungrouped = ungroupedOf(roster, list);

  return (
    <div className="groups" data-testid="groups-panel">
      <AssignCard api={api} eventId={eventId} groups={list} trainees={roster.length} />
      {groups.error ? <LoadError error={groups.error} onRetry={retry(groups)} /> : null}
      {people.error ? <LoadError error={people.error} onRetry={retry(people)} /> : null}
      {groups.data && people.data ? (
        <section className="panel" aria-labelledby="groups-heading">
          <div className="panel-head">
            <h2 id="groups-heading" className="panel-title">
              {t('trainingConsole.tab.groups')}
            </h2>
            <span className="muted" data-testid="groups-sizes">
              {t('groupsPanel.sizes', { trainees: roster.length, groups: list.length, ungrouped: ungrouped.length })}
            </span>
            <AddGroupButton api={api} eventId={eventId} />
          </div>
          {roster.length === 0 ? <Empty>{t('groupsPanel.noTrainees')}</Empty> : null}
          {roster.length > 0 && list.length === 0 ? <Empty>{t('groupsPanel.noGroups')}</Empty> : null}
          <div className="groups-grid">
            {list.map((group) => (
              <GroupCard key={group.id} api={api} eventId={eventId} group={group} groups={list} people={roster} />
            ))}
          </div>
          {ungrouped.length > 0 ? (
            <div className="groups-card groups-ungrouped" data-testid="groups-ungrouped">
              <h3 className="groups-card-title">{t('groupsPanel.ungrouped')}</h3>
              <p className="muted training-small">{t('groupsPanel.ungroupedHint')}</p>
              <MemberTable api={api} eventId={eventId} group={null} groups={list} members={ungrouped} />
            </div>
          ) : null}
        </section>
      ) : null}
      <GroupRecords api={api} eventId={eventId} groups={list} />
    </div>
  );
}

/** The automatic assignment: count, what to balance, the seed under 高级; asks first when groups exist. */
function AssignCard({
  api,
  eventId,
  groups,
  trainees,
}: {
  api: ApiClient;
  eventId: number;
  groups: readonly Group[];
  trainees: number;
}) {
  const t = useT();
  const { locale } = useLocale();
  const action = useAction();
  const saveFile = useSaveFile();
  const event = useEvent(api, eventId);
  const assignment = useGroupAssignment(api, eventId);
  const [count, setCount] = useState<string | null>(null);
  const [balance, setBalance] = useState<GroupBalance[]>([...groupBalances]);
  const [seed, setSeed] = useState('');
  const [asking, setAsking] = useState(false);
  const countId = useId();
  const seedId = useId();
  const id = String(eventId);
  const shownCount = count ?? String(suggestedCount(trainees, assignment.data?.count ?? null));

  function assign() {
    setAsking(false);
    const body = { count: Number(shownCount), balance, ...(seed.trim() ? { seed: seed.trim() } : {}) };
    action.run('assign', () => api.call('assignGroups', { params: { id }, body }), {
      done: (result) => t('groupsPanel.assigned', { count: result.length }),
      invalidate: membershipKeys(eventId),
    });
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (groups.length > 0) setAsking(true);
    else assign();
  }

  function download(file: GroupFile, fetchFile: () => Promise<Uint8Array>) {
    const details = event.data;
    if (!details) return;
    action.run(file, async () => saveFile(groupsFileName(t, locale, file, details), await fetchFile()));
  }

  const printButton = (file: GroupFile, label: string, fetchFile: () => Promise<Uint8Array>) => (
    <Button
      busy={action.busy === file}
      disabled={!event.data || groups.length === 0 || (action.busy !== null && action.busy !== file)}
      onClick={() => download(file, fetchFile)}
      data-testid={`groups-print-${file}`}
    >
      {label}
    </Button>
  );

  return (
    <section className="panel" aria-labelledby="groups-assign-heading">
      <div className="panel-head">
        <h2 id="groups-assign-heading" className="panel-title">
          {t('groupsPanel.assignTitle')}
        </h2>
        <span className="training-row-actions">
          {printButton('groupsPdf', t('groupsPanel.printGroups'), () => api.call('groupsPdf', { params: { id } }))}
          {printButton('tableCards', t('groupsPanel.printCards'), () =>
            api.call('tableCardsPdf', { params: { id }, query: {} }),
          )}
          {printButton('nameCards', t('groupsPanel.printNameCards'), () =>
            api.call('tableCardsPdf', { params: { id }, query: { kind: 'person' } }),
          )}
        </span>
      </div>
      <form className="groups-assign" onSubmit={submit} noValidate data-testid="groups-assign-form">
        <label className="groups-assign-field" htmlFor={countId}>
          <span className="field-label">{t('groupsPanel.count')}</span>
          <input
            id={countId}
            type="number"
            min={1}
            max={Math.max(1, trainees)}
            value={shownCount}
            onChange={(e) => setCount(e.target.value)}
            data-testid="groups-count"
          />
        </label>
        <fieldset className="groups-balance">
          <legend className="field-label">{t('groupsPanel.balance')}</legend>
          {groupBalances.map((b) => (
            <label key={b} className="groups-check">
              <input
                type="checkbox"
                checked={balance.includes(b)}
                onChange={() => setBalance((chosen) => toggleBalance(groupBalances, chosen, b))}
                data-testid={`groups-balance-${b}`}
              />
              {t(`groupsPanel.balance.${b}`)}
            </label>
          ))}
        </fieldset>
        <Button
          type="submit"
          variant="primary"
          busy={action.busy === 'assign'}
          disabled={trainees === 0}
          data-testid="groups-assign"
        >
          {action.busy === 'assign' ? t('groupsPanel.assigning') : t('groupsPanel.assign')}
        </Button>
        <details className="groups-advanced">
          <summary>{t('groupsPanel.advanced')}</summary>
          <label className="groups-assign-field" htmlFor={seedId}>
            <span className="field-label">{t('groupsPanel.seed')}</span>
            <input
              id={seedId}
              value={seed}
              maxLength={64}
              onChange={(e) => setSeed(e.target.value)}
              data-testid="groups-seed"
            />
          </label>
          {assignment.data?.seed ? (
            <p className="muted training-small" data-testid="groups-last-seed">
              {t('groupsPanel.lastSeed', { count: assignment.data.count ?? 0, seed: assignment.data.seed })}
            </p>
          ) : null}
        </details>
      </form>
      {asking ? (
        <Modal
          className="groups-dialog"
          labelledBy="groups-reassign-heading"
          role="alertdialog"
          onClose={() => setAsking(false)}
          focusOnOpen
          testId="groups-reassign"
        >
          <h2 id="groups-reassign-heading" className="panel-title">
            {t('groupsPanel.assign')}
          </h2>
          <p>{t('groupsPanel.assignConfirm', { groups: groups.length })}</p>
          <div className="form-actions">
            <Button variant="primary" onClick={assign} data-testid="groups-reassign-confirm">
              {t('groupsPanel.assignConfirmButton')}
            </Button>
            <Button onClick={() => setAsking(false)}>{t('trainingConsole.cancel')}</Button>
          </div>
        </Modal>
      ) : null}
    </section>
  );
}

function AddGroupButton({ api, eventId }: { api: ApiClient; eventId: number }) {
  const t = useT();
  const action = useAction();
  return (
    <Button
      busy={action.busy === 'add'}
      onClick={() =>
        action.run('add', () => api.call('createGroup', { params: { id: String(eventId) }, body: {} }), {
          done: (group) => t('groupsPanel.added', { name: group.name }),
          invalidate: membershipKeys(eventId),
        })
      }
      data-testid="groups-add"
    >
      {t('groupsPanel.addGroup')}
    </Button>
  );
}

/** One group: its name, 组长 and 记录员, its members with a move control, and removing it. */
function GroupCard({
  api,
  eventId,
  group,
  groups,
  people,
}: {
  api: ApiClient;
  eventId: number;
  group: Group;
  groups: readonly Group[];
  people: readonly Participant[];
}) {
  const t = useT();
  const toast = useToast();
  const action = useAction();
  const [name, setName] = useState(group.name);
  const members = membersOf(group, people);
  const params = { id: String(eventId), gid: String(group.id) };
  const nameId = useId();

  function update(body: { name: string; leaderId: number | null; recorderId: number | null }, done: string) {
    action.run('update', () => api.call('updateGroup', { params, body }), {
      done,
      invalidate: membershipKeys(eventId),
      failed: (_error, text) => {
        setName(group.name);
        toast(text, 'error');
      },
    });
  }

  const roleSelect = (role: 'leaderId' | 'recorderId', label: string) => (
    <label className="groups-role">
      <span className="field-label">{label}</span>
      <select
        value={group[role] ?? ''}
        disabled={action.busy !== null}
        onChange={(e) => {
          const value = e.target.value === '' ? null : Number(e.target.value);
          update(
            { name: group.name, leaderId: group.leaderId, recorderId: group.recorderId, [role]: value },
            t('groupsPanel.saved', { name: group.name }),
          );
        }}
        data-testid={`group-${role === 'leaderId' ? 'leader' : 'recorder'}`}
      >
        <option value="">{t('groupsPanel.nobody')}</option>
        {members.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <article className="groups-card" data-testid="group-card" data-group={group.name}>
      <div className="groups-card-head">
        <form
          className="groups-rename"
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim() && name.trim() !== group.name)
              update(
                { name: name.trim(), leaderId: group.leaderId, recorderId: group.recorderId },
                t('groupsPanel.saved', { name: name.trim() }),
              );
          }}
        >
          <label className="visually-hidden" htmlFor={nameId}>
            {t('groupsPanel.rename')}
          </label>
          <input
            id={nameId}
            className="groups-card-name"
            value={name}
            maxLength={50}
            onChange={(e) => setName(e.target.value)}
            data-testid="group-name"
          />
          {name.trim() !== group.name ? (
            <Button type="submit" variant="quiet" busy={action.busy === 'update'} data-testid="group-rename">
              {t('groupsPanel.saveName')}
            </Button>
          ) : null}
        </form>
        <span className="muted">{t('groupsPanel.members', { count: members.length })}</span>
      </div>
      <div className="groups-roles">
        {roleSelect('leaderId', t('groupsPanel.leader'))}
        {roleSelect('recorderId', t('groupsPanel.recorder'))}
      </div>
      <MemberTable api={api} eventId={eventId} group={group} groups={groups} members={members} />
      <div className="groups-card-foot">
        <ConfirmButton
          label={t('groupsPanel.remove')}
          question={t('groupsPanel.removeConfirm', { name: group.name, count: members.length })}
          busy={action.busy === 'remove'}
          testId="group-remove"
          onConfirm={() =>
            action.run('remove', () => api.call('deleteGroup', { params }), {
              done: t('groupsPanel.removed', { name: group.name }),
              invalidate: membershipKeys(eventId),
            })
          }
        />
      </div>
    </article>
  );
}

/** Members (name, unit, region, gender) with a 调到 select each: another group, or none. */
function MemberTable({
  api,
  eventId,
  group,
  groups,
  members,
}: {
  api: ApiClient;
  eventId: number;
  group: Group | null;
  groups: readonly Group[];
  members: readonly Participant[];
}) {
  const t = useT();
  const action = useAction();

  function move(person: Participant, groupId: number | null) {
    const target = groups.find((g) => g.id === groupId);
    action.run(
      'move',
      () =>
        api.call('moveGroupMember', {
          params: { id: String(eventId), pid: String(person.id) },
          body: { groupId },
        }),
      {
        done: target
          ? t('groupsPanel.moved', { name: person.name, group: target.name })
          : t('groupsPanel.movedOut', { name: person.name }),
        invalidate: membershipKeys(eventId),
      },
    );
  }

  return (
    <table className="groups-members">
      <tbody>
        {members.map((m) => (
          <tr key={m.id} data-testid="group-member" data-name={m.name}>
            <td className="strong nowrap">
              {m.name}
              {group?.leaderId === m.id ? <span className="tag groups-tag">{t('groupsPanel.leader')}</span> : null}
              {group?.recorderId === m.id ? <span className="tag groups-tag">{t('groupsPanel.recorder')}</span> : null}
            </td>
            <td className="muted groups-unit">{m.organization ?? ''}</td>
            <td className="muted nowrap">{m.region ?? ''}</td>
            <td className="muted nowrap">{m.gender ? t(`gender.${m.gender}`) : ''}</td>
            <td className="groups-move">
              <select
                aria-label={t('groupsPanel.moveLabel', { name: m.name })}
                value=""
                disabled={action.busy !== null}
                onChange={(e) => move(m, e.target.value === 'none' ? null : Number(e.target.value))}
                data-testid="group-move"
              >
                <option value="" disabled>
                  {t('groupsPanel.moveTo')}
                </option>
                {groups
                  .filter((g) => g.id !== group?.id)
                  .map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.name}
                    </option>
                  ))}
                {group ? <option value="none">{t('groupsPanel.ungrouped')}</option> : null}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
