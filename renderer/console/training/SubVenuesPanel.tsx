import { useQuery } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import type { OpenedFile } from '../../../shared/api/bridge';
import { venueBundleFileName, type SubVenuesOverview } from '../../../shared/api/venue-bundle';
import { getBridge } from '../../api/bridge';
import type { ApiClient } from '../../api/client';
import { retry, useEvent } from '../../api/queries';
import { useAction } from '../../api/useAction';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { LoadError } from '../../ui/LoadError';
import { Empty, Notice } from '../../ui/Notice';
import { useLocale, useT } from '../../ui/i18n';
import { useToast } from '../../ui/Toast';
import { useErrorMessage } from '../../ui/useErrorMessage';
import { useSaveFile } from '../useSaveFile';
import { sessionWhen } from './format';
import { attendanceKeys, trainingKeys } from './queries';
import { dayAndTime, mergeSentence, placeAndTime, venueCell } from './subVenues';
import './subVenues.css';

const localVenueKey = (eventId: number) => ['event', eventId, 'local-venue'] as const;

/** 分会场: this laptop's venue, 应到/实到 per venue and session, bundles out and in, double check-ins. */
export function SubVenuesPanel({ api, eventId }: { api: ApiClient; eventId: number }) {
  const t = useT();
  const id = String(eventId);
  const overview = useQuery({
    queryKey: trainingKeys.topic(eventId, 'sub-venues'),
    queryFn: () => api.call('subVenues', { params: { id } }),
  });
  const local = useQuery({
    queryKey: localVenueKey(eventId),
    queryFn: () => api.call('getLocalVenue', { params: { id } }),
  });
  const data = overview.data;
  return (
    <div className="sub-venues" data-testid="subVenues-panel">
      {overview.error ? <LoadError error={overview.error} onRetry={retry(overview)} /> : null}
      {data && data.venues.length === 0 ? <Empty>{t('venueBundle.table.noVenues')}</Empty> : null}
      {data && data.venues.length > 0 ? (
        <>
          <VenueCounts data={data} />
          <div className="sub-venues-cards">
            <LocalVenueCard api={api} eventId={eventId} venues={data.venues} current={local.data?.venueId ?? null} />
            <ExportCard api={api} eventId={eventId} venues={data.venues} current={local.data?.venueId ?? null} />
            <ImportCard api={api} eventId={eventId} />
          </div>
          <Conflicts data={data} />
          <Bundles data={data} />
        </>
      ) : null}
    </div>
  );
}

type Venues = SubVenuesOverview['venues'];

/** 应到 / 实到: sessions down, venues across. */
function VenueCounts({ data }: { data: SubVenuesOverview }) {
  const t = useT();
  const { locale } = useLocale();
  const unplaced = data.sessions.some((s) => s.unplaced > 0);
  return (
    <section className="panel" aria-labelledby="sub-venues-counts">
      <h2 id="sub-venues-counts" className="panel-title">
        {t('venueBundle.table.title')}
      </h2>
      <p className="muted training-hint">{t('venueBundle.table.hint')}</p>
      {data.sessions.length === 0 ? (
        <Empty>{t('venueBundle.table.noSessions')}</Empty>
      ) : (
        <div className="table-wrap">
          <table className="table sub-venues-table" data-testid="venue-counts">
            <thead>
              <tr>
                <th scope="col">{t('venueBundle.table.session')}</th>
                {data.venues.map((v) => (
                  <th key={v.id} scope="col" className="num">
                    <span className="sub-venues-venue">{v.name}</span>
                    <span className="muted"> {t('venueBundle.table.expected', { count: v.expected })}</span>
                  </th>
                ))}
                {unplaced ? (
                  <th scope="col" className="num">
                    {t('venueBundle.table.unplaced')}
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {data.sessions.map((s) => (
                <tr key={s.sessionId} data-testid="venue-counts-row">
                  <th scope="row">
                    <span className="strong">{s.title}</span>
                    <span className="muted sub-venues-when">{sessionWhen(s, t, locale)}</span>
                  </th>
                  {data.venues.map((v) => (
                    <td key={v.id} className="num" data-testid={`venue-count-${v.id}`}>
                      {venueCell(t, s, v)}
                    </td>
                  ))}
                  {unplaced ? <td className="num">{s.unplaced}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** One of the tab's cards: a title, what it is for, and its controls. */
function Card({ title, hint, children }: { title: string; hint: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id} className="panel-title">
        {title}
      </h2>
      <p className="muted training-hint">{hint}</p>
      {children}
    </section>
  );
}

/** A choice among the class's venues (with a "none" first when `none` is given). */
function VenueSelect(props: {
  label: string;
  venues: Venues;
  value: string;
  none?: string;
  disabled?: boolean;
  onChange: (value: string) => void;
  testId: string;
}) {
  const { label, venues, value, none, disabled = false, onChange, testId } = props;
  return (
    <Field label={label} marker={false}>
      {(control) => (
        <select
          {...control}
          value={value}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value)}
          data-testid={testId}
        >
          {none === undefined ? null : <option value="">{none}</option>}
          {venues.map((v) => (
            <option key={v.id} value={String(v.id)}>
              {v.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** 本机会场: the sub-classroom's laptop says which venue it is; its check-ins are recorded there. */
function LocalVenueCard(props: { api: ApiClient; eventId: number; venues: Venues; current: number | null }) {
  const { api, eventId, venues, current } = props;
  const t = useT();
  const action = useAction();

  function choose(value: string) {
    const venue = venues.find((v) => String(v.id) === value) ?? null;
    action.run(
      'local-venue',
      () => api.call('setLocalVenue', { params: { id: String(eventId) }, body: { venueId: venue?.id ?? null } }),
      {
        done: venue ? t('venueBundle.local.saved', { venue: venue.name }) : t('venueBundle.local.cleared'),
        invalidate: [localVenueKey(eventId)],
      },
    );
  }

  return (
    <Card title={t('venueBundle.local.title')} hint={t('venueBundle.local.hint')}>
      <VenueSelect
        label={t('venueBundle.local.label')}
        venues={venues}
        value={current === null ? '' : String(current)}
        none={t('venueBundle.local.none')}
        disabled={action.busy !== null}
        onChange={choose}
        testId="local-venue"
      />
    </Card>
  );
}

/** 导出分会场数据包: one file of a venue's check-ins, statuses, evaluations and reflections. */
function ExportCard(props: { api: ApiClient; eventId: number; venues: Venues; current: number | null }) {
  const { api, eventId, venues, current } = props;
  const t = useT();
  const { locale } = useLocale();
  const action = useAction();
  const saveFile = useSaveFile();
  const event = useEvent(api, eventId);
  const [chosen, setChosen] = useState<number | null>(null);
  // Chosen here, else this laptop's venue when it is a sub-classroom, else the first sub-classroom.
  const venue =
    venues.find((v) => v.id === chosen) ??
    venues.find((v) => v.id === current && v.kind !== 'main') ??
    venues.find((v) => v.kind === 'sub') ??
    venues[0] ??
    null;

  function exportBundle() {
    if (!venue || !event.data) return;
    const fileName = venueBundleFileName(locale, { title: event.data.title, venue: venue.name, at: new Date() });
    action.run('export', async () =>
      saveFile(
        fileName,
        await api.call('exportVenueBundle', { params: { id: String(eventId) }, query: { venue: String(venue.id) } }),
      ),
    );
  }

  return (
    <Card title={t('venueBundle.export.title')} hint={t('venueBundle.export.hint')}>
      <VenueSelect
        label={t('venueBundle.export.venue')}
        venues={venues}
        value={venue ? String(venue.id) : ''}
        onChange={(value) => setChosen(Number(value))}
        testId="bundle-venue"
      />
      <div className="sub-venues-actions">
        <Button
          busy={action.busy === 'export'}
          disabled={!venue || !event.data}
          onClick={exportBundle}
          data-testid="bundle-export"
        >
          {action.busy === 'export' ? t('venueBundle.export.working') : t('venueBundle.export.button')}
        </Button>
      </div>
    </Card>
  );
}

/** 导入分会场数据包: the main classroom merges a bundle and is told what it took, in words. */
function ImportCard({ api, eventId }: { api: ApiClient; eventId: number }) {
  const t = useT();
  const toast = useToast();
  const message = useErrorMessage();
  const action = useAction();
  const [said, setSaid] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  function upload(file: OpenedFile) {
    action.run('import', () => api.call('importVenueBundle', { params: { id: String(eventId) }, body: file.data }), {
      invalidate: attendanceKeys(eventId),
      then: (answer) => setSaid({ tone: 'success', text: mergeSentence(t, answer) }),
      failed: (_error, text) => setSaid({ tone: 'error', text }),
    });
  }

  async function choose() {
    let file: OpenedFile | null;
    try {
      file = await getBridge().openFile({ extensions: ['podium-venue'] });
    } catch (e) {
      toast(message(e), 'error');
      return;
    }
    if (file) upload(file);
  }

  return (
    <Card title={t('venueBundle.import.title')} hint={t('venueBundle.import.hint')}>
      <div className="sub-venues-actions">
        <Button busy={action.busy === 'import'} onClick={() => void choose()} data-testid="bundle-import">
          {action.busy === 'import' ? t('venueBundle.import.working') : t('venueBundle.import.button')}
        </Button>
      </div>
      {said ? (
        <div data-testid="bundle-import-result">
          <Notice tone={said.tone}>{said.text}</Notice>
        </div>
      ) : null}
    </Card>
  );
}

/** A titled list as a table, or a sentence when it is empty. */
function ListSection(props: { title: string; none: string; testId: string; head: string[]; children: ReactNode[] }) {
  const { title, none, testId, head, children } = props;
  const id = useId();
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id} className="panel-title">
        {title}
      </h2>
      {children.length === 0 ? (
        <p className="muted">{none}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid={testId}>
            <thead>
              <tr>
                {head.map((label, i) => (
                  <th key={i} scope="col">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{children}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Trainees checked in at two venues for one session: which check-in counts and which was set aside. */
function Conflicts({ data }: { data: SubVenuesOverview }) {
  const t = useT();
  return (
    <ListSection
      title={t('venueBundle.conflicts.title')}
      none={t('venueBundle.conflicts.none')}
      testId="venue-conflicts"
      head={[
        t('venueBundle.conflicts.session'),
        t('venueBundle.conflicts.name'),
        t('venueBundle.conflicts.kept'),
        t('venueBundle.conflicts.other'),
      ]}
    >
      {data.conflicts.map((c) => (
        <tr key={`${c.sessionId}-${c.participantId}`}>
          <td>{c.sessionTitle}</td>
          <td className="strong">{c.name}</td>
          <td>{placeAndTime(t, c.keptVenue, c.keptAt)}</td>
          <td className="muted">{placeAndTime(t, c.otherVenue, c.otherAt)}</td>
        </tr>
      ))}
    </ListSection>
  );
}

/** The bundles merged here, in the order they came. */
function Bundles({ data }: { data: SubVenuesOverview }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <ListSection
      title={t('venueBundle.bundles.title')}
      none={t('venueBundle.bundles.none')}
      testId="venue-bundles"
      head={[
        t('venueBundle.bundles.venue'),
        t('venueBundle.bundles.createdAt'),
        t('venueBundle.bundles.importedAt'),
        '',
      ]}
    >
      {data.bundles.map((b) => (
        <tr key={b.bundleId}>
          <td className="strong">{b.venueName}</td>
          <td>{dayAndTime(b.createdAt, locale)}</td>
          <td>{dayAndTime(b.importedAt, locale)}</td>
          <td className="muted">{t('venueBundle.bundles.counts', b)}</td>
        </tr>
      ))}
    </ListSection>
  );
}
