import { useCallback, useState, type ReactNode } from 'react';
import type { LiveMessage, ScoresProgressMessage } from '../../../shared/api/live';
import type { ApiClient } from '../../api/client';
import { useLive } from '../../api/live';
import { LiveStatus } from '../../ui/LiveStatus';
import { useT } from '../../ui/i18n';
import { useLoad } from '../../ui/useLoad';
import { JudgesPanel } from './JudgesPanel';
import { OrderPanel } from './OrderPanel';
import { CertificatesPanel } from '../certificates/CertificatesPanel';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { RankingPanel } from './RankingPanel';
import { RubricEditor } from './RubricEditor';
import { RunOfShow } from './RunOfShow';
import type { z } from 'zod';
import './contest.css';

const tabs = ['registration', 'rubric', 'judges', 'order', 'run', 'ranking', 'certificates', 'documents'] as const;
type Tab = (typeof tabs)[number];
const tabLabels = {
  registration: 'contest.tab.registration',
  rubric: 'contest.tab.rubric',
  judges: 'contest.tab.judges',
  order: 'contest.tab.order',
  run: 'contest.tab.run',
  ranking: 'contest.tab.ranking',
  certificates: 'contest.tab.certificates',
  documents: 'documents.tab',
} as const;
const tabTestIds: Record<Tab, string> = {
  registration: 'tab-registration',
  rubric: 'tab-rubric',
  judges: 'tab-judges',
  order: 'tab-order',
  run: 'tab-run',
  ranking: 'tab-ranking',
  certificates: 'tab-certificates',
  documents: 'tab-documents',
};

export type ScoresProgress = z.infer<typeof ScoresProgressMessage>;

/** Bumped by live messages: each section reloads what a message affects. */
export interface LiveVersions {
  performances: number;
  ranking: number;
  progress: ScoresProgress | null;
}

function isTab(value: string | null): value is Tab {
  return tabs.some((tab) => tab === value);
}

function storedTab(eventId: number): Tab {
  try {
    const value = sessionStorage.getItem(`podium.contest-tab.${eventId}`);
    return isTab(value) ? value : 'registration';
  } catch {
    return 'registration';
  }
}

interface SectionsProps {
  api: ApiClient;
  token: string;
  eventId: number;
  /** The page's own participants part: the 报名 tab of a contest, the whole page otherwise. */
  children: ReactNode;
}

/** The contest's sections of the event page, as tabs; other kinds of event keep the page as it is. */
export function ContestSections({ enabled, ...props }: SectionsProps & { enabled: boolean }) {
  return enabled ? <ContestTabs {...props} /> : <>{props.children}</>;
}

function ContestTabs({ api, token, eventId, children }: SectionsProps) {
  const t = useT();
  const [tab, setTab] = useState<Tab>(() => storedTab(eventId));
  const [live, setLive] = useState<LiveVersions>({ performances: 0, ranking: 0, progress: null });

  const rubric = useLoad(useCallback(() => api.call('getRubric', { params: { id: String(eventId) } }), [api, eventId]));

  const state = useLive(eventId, token, (message: LiveMessage) => {
    switch (message.type) {
      case 'performance':
        setLive((v) => ({ ...v, performances: v.performances + 1 }));
        break;
      case 'scores-progress':
        setLive((v) => ({ ...v, progress: message }));
        break;
      case 'reveal':
      case 'ranking':
        setLive((v) => ({ ...v, performances: v.performances + 1, ranking: v.ranking + 1 }));
        break;
      case 'attendance':
        break;
    }
  });

  function choose(next: Tab) {
    setTab(next);
    try {
      sessionStorage.setItem(`podium.contest-tab.${eventId}`, next);
    } catch {
      // Not remembered across reloads; the tab still switches.
    }
  }

  const common = { api, eventId };
  return (
    <div className="contest">
      <div className="contest-tabs-row">
        <nav className="contest-tabs" role="tablist" aria-label={t('contest.tabs')}>
          {tabs.map((name, index) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={tab === name}
              className="contest-tab"
              data-testid={tabTestIds[name]}
              onClick={() => choose(name)}
            >
              <span className="contest-tab-step">{index + 1}</span>
              {t(tabLabels[name])}
            </button>
          ))}
        </nav>
        <LiveStatus state={state} />
      </div>
      <div role="tabpanel" className="contest-panel">
        {tab === 'registration' ? children : null}
        {tab === 'rubric' ? <RubricEditor {...common} rubric={rubric} /> : null}
        {tab === 'judges' ? <JudgesPanel {...common} rubric={rubric.data ?? null} /> : null}
        {tab === 'order' ? <OrderPanel {...common} live={live} /> : null}
        {tab === 'run' ? <RunOfShow {...common} live={live} rubric={rubric.data ?? null} /> : null}
        {tab === 'ranking' ? <RankingPanel {...common} live={live} rubric={rubric.data ?? null} /> : null}
        {tab === 'certificates' ? <CertificatesPanel {...common} kind="award" /> : null}
        {tab === 'documents' ? <DocumentsPanel {...common} /> : null}
      </div>
    </div>
  );
}
