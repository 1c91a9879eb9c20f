import { useId, useState, type FormEvent } from 'react';
import type { Group, GroupRecord } from '../../../shared/api/groups';
import type { ApiClient } from '../../api/client';
import { retry } from '../../api/queries';
import { useAction } from '../../api/useAction';
import { Button } from '../../ui/Button';
import { LoadError } from '../../ui/LoadError';
import { Empty } from '../../ui/Notice';
import { useLocale, useT } from '../../ui/i18n';
import { useQrSvg } from '../../ui/useQrSvg';
import { sessionWhen } from './format';
import { groupsKeys, useGroupRecordLink, useGroupRecords } from './groupsQueries';
import { useSessions } from './queries';

/** 分组讨论记录: for a discussion session, each group's topic and summary, entered or corrected by staff. */
export function GroupRecords({ api, eventId, groups }: { api: ApiClient; eventId: number; groups: readonly Group[] }) {
  const t = useT();
  const { locale } = useLocale();
  const sessions = useSessions(api, eventId);
  const discussions = (sessions.data ?? []).filter((s) => s.kind === 'discussion');
  const [chosen, setChosen] = useState<number | null>(null);
  const session = discussions.find((s) => s.id === chosen) ?? discussions[0] ?? null;
  const records = useGroupRecords(api, eventId, session?.id ?? null);
  const selectId = useId();

  return (
    <section className="panel" aria-labelledby="group-records-heading" data-testid="group-records">
      <div className="panel-head">
        <h2 id="group-records-heading" className="panel-title">
          {t('groupsPanel.recordsTitle')}
        </h2>
        {discussions.length > 0 ? (
          <span className="groups-session">
            <label className="field-label" htmlFor={selectId}>
              {t('groupsPanel.session')}
            </label>
            <select
              id={selectId}
              value={session?.id ?? ''}
              onChange={(e) => setChosen(Number(e.target.value))}
              data-testid="group-records-session"
            >
              {discussions.map((s) => (
                <option key={s.id} value={s.id}>
                  {`${s.title} · ${sessionWhen(s, t, locale)}`}
                </option>
              ))}
            </select>
          </span>
        ) : null}
      </div>
      {sessions.error ? <LoadError error={sessions.error} onRetry={retry(sessions)} /> : null}
      {records.error ? <LoadError error={records.error} onRetry={retry(records)} /> : null}
      {sessions.data && discussions.length === 0 ? <Empty>{t('groupsPanel.noDiscussions')}</Empty> : null}
      {session ? <RecordLink api={api} eventId={eventId} sessionId={session.id} /> : null}
      {session && records.data ? (
        <div className="groups-records">
          {groups.map((group) => (
            <RecordForm
              key={`${session.id}-${group.id}-${records.data.find((r) => r.groupId === group.id)?.updatedAt ?? ''}`}
              api={api}
              eventId={eventId}
              sessionId={session.id}
              group={group}
              record={records.data.find((r) => r.groupId === group.id) ?? null}
            />
          ))}
        </div>
      ) : null}
    </section>
  );
}

/** The recorders' phone link of the session: open or close it, its QR and address. */
function RecordLink({ api, eventId, sessionId }: { api: ApiClient; eventId: number; sessionId: number }) {
  const t = useT();
  const action = useAction();
  const link = useGroupRecordLink(api, eventId, sessionId);
  const qr = useQrSvg(link.data?.url ?? null);
  const open = link.data?.open ?? false;

  function toggle() {
    const params = { id: String(eventId), sid: String(sessionId) };
    action.run('link', () => api.call('setGroupRecordLink', { params, body: { open: !open } }), {
      done: t(open ? 'groupsPanel.linkClosed' : 'groupsPanel.linkOpened'),
      invalidate: [groupsKeys.link(eventId, sessionId)],
    });
  }

  return (
    <div className="groups-link" data-testid="group-record-link">
      <p className="muted training-small">{t('groupsPanel.linkHint')}</p>
      <Button
        busy={action.busy === 'link'}
        disabled={!link.data}
        onClick={toggle}
        data-testid="group-record-link-toggle"
      >
        {t(open ? 'groupsPanel.linkClose' : 'groupsPanel.linkOpen')}
      </Button>
      {open && link.data?.url ? (
        <div className="groups-link-code">
          {qr ? <img className="groups-link-qr" src={qr} alt={t('groupsPanel.linkQrAlt')} /> : null}
          <a href={link.data.url} target="_blank" rel="noreferrer" data-testid="group-record-link-url">
            {link.data.url}
          </a>
        </div>
      ) : null}
    </div>
  );
}

function RecordForm({
  api,
  eventId,
  sessionId,
  group,
  record,
}: {
  api: ApiClient;
  eventId: number;
  sessionId: number;
  group: Group;
  record: GroupRecord | null;
}) {
  const t = useT();
  const action = useAction();
  const [topic, setTopic] = useState(record?.topic ?? '');
  const [summary, setSummary] = useState(record?.summary ?? '');
  const topicId = useId();
  const summaryId = useId();

  function submit(e: FormEvent) {
    e.preventDefault();
    const params = { id: String(eventId), sid: String(sessionId), gid: String(group.id) };
    action.run('save', () => api.call('putGroupRecord', { params, body: { topic, summary } }), {
      done: t('groupsPanel.recordSaved', { group: group.name }),
      invalidate: [groupsKeys.records(eventId, sessionId)],
    });
  }

  return (
    <form className="groups-record" onSubmit={submit} noValidate data-testid="group-record" data-group={group.name}>
      <div className="groups-record-head">
        <span className="strong">{group.name}</span>
        <span className="muted training-small">
          {record?.source ? t(`groupsPanel.recordBy.${record.source}`) : t('groupsPanel.recordEmpty')}
        </span>
      </div>
      <label className="field-label" htmlFor={topicId}>
        {t('groupsPanel.topic')}
      </label>
      <input
        id={topicId}
        value={topic}
        maxLength={100}
        onChange={(e) => setTopic(e.target.value)}
        data-testid="group-record-topic"
      />
      <label className="field-label" htmlFor={summaryId}>
        {t('groupsPanel.summary')}
      </label>
      <textarea
        id={summaryId}
        rows={3}
        value={summary}
        maxLength={2000}
        onChange={(e) => setSummary(e.target.value)}
        data-testid="group-record-summary"
      />
      <div>
        <Button
          type="submit"
          busy={action.busy === 'save'}
          disabled={summary.trim() === ''}
          data-testid="group-record-save"
        >
          {t('groupsPanel.saveRecord')}
        </Button>
      </div>
    </form>
  );
}
