import type { ReactNode } from 'react';
import type { ApiClient } from '../../api/client';
import { useEventLive } from '../../api/liveQueries';
import { useRubric } from '../../api/queries';
import { useT } from '../../ui/i18n';
import { CertificatesPanel } from '../certificates/CertificatesPanel';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { SectionTabs, type SectionTab } from '../SectionTabs';
import { JudgesPanel } from './JudgesPanel';
import { OrderPanel } from './OrderPanel';
import { RankingPanel } from './RankingPanel';
import { RubricEditor } from './RubricEditor';
import { RunOfShow } from './RunOfShow';
import { ScreenControl } from './ScreenControl';
import './contest.css';

type Tab = 'registration' | 'rubric' | 'judges' | 'order' | 'run' | 'ranking' | 'certificates' | 'documents';

/** In the order of the day of a contest. */
const tabs: readonly SectionTab<Tab>[] = [
  { name: 'registration', label: 'contest.tab.registration', testId: 'tab-registration' },
  { name: 'rubric', label: 'contest.tab.rubric', testId: 'tab-rubric' },
  { name: 'judges', label: 'contest.tab.judges', testId: 'tab-judges' },
  { name: 'order', label: 'contest.tab.order', testId: 'tab-order' },
  { name: 'run', label: 'contest.tab.run', testId: 'tab-run' },
  { name: 'ranking', label: 'contest.tab.ranking', testId: 'tab-ranking' },
  { name: 'certificates', label: 'contest.tab.certificates', testId: 'tab-certificates' },
  { name: 'documents', label: 'documents.tab', testId: 'tab-documents' },
];

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
  const live = useEventLive(eventId, token);
  // Most tabs read the rubric: fetched once here, as the page opens, so a tab never waits for it.
  useRubric(api, eventId);

  const common = { api, eventId };
  return (
    <div className="contest">
      <SectionTabs tabs={tabs} label={t('contest.tabs')} storageKey={`podium.contest-tab.${eventId}`} live={live}>
        {(tab) => {
          switch (tab) {
            case 'registration':
              return children;
            case 'rubric':
              return <RubricEditor {...common} />;
            case 'judges':
              return <JudgesPanel {...common} />;
            case 'order':
              return <OrderPanel {...common} />;
            case 'run':
              return (
                <RunOfShow {...common}>
                  <ScreenControl {...common} />
                </RunOfShow>
              );
            case 'ranking':
              return <RankingPanel {...common} />;
            case 'certificates':
              return <CertificatesPanel {...common} kind="award" />;
            case 'documents':
              return <DocumentsPanel {...common} />;
          }
        }}
      </SectionTabs>
    </div>
  );
}
