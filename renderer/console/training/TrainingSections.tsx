import type { Event } from '../../../shared/api/events';
import type { ApiClient } from '../../api/client';
import { useT } from '../../ui/i18n';
import { CertificatesPanel } from '../certificates/CertificatesPanel';
import { SectionTabs, type SectionTab } from '../SectionTabs';
import { AttendancePanel } from './AttendancePanel';
import { CheckinPanel } from './CheckinPanel';
import { CompletionPanel } from './CompletionPanel';
import { EvaluationsPanel } from './EvaluationsPanel';
import { GroupsPanel } from './GroupsPanel';
import { ReflectionsPanel } from './ReflectionsPanel';
import { SchedulePanel } from './SchedulePanel';
import { SubVenuesPanel } from './SubVenuesPanel';
import { TraineesPanel } from './TraineesPanel';
import { TrainingDocuments } from './TrainingDocuments';
import { useTrainingLive } from './queries';
// The numbered tabs are drawn with the contest's styles: one look for both kinds of event.
import '../contest/contest.css';
import './training.css';
import './schedule.css';
import './checkin.css';
import './attendance.css';

type Tab =
  | 'trainees'
  | 'groups'
  | 'schedule'
  | 'checkin'
  | 'attendance'
  | 'subVenues'
  | 'evaluations'
  | 'reflections'
  | 'completion'
  | 'documents';

/** In the order of the days of a class. 结业与证书 keeps the id of the contest's 证书 tab: one page model opens both. */
const tabs: readonly SectionTab<Tab>[] = [
  { name: 'trainees', label: 'trainingConsole.tab.trainees', testId: 'tab-trainees' },
  { name: 'groups', label: 'trainingConsole.tab.groups', testId: 'tab-groups' },
  { name: 'schedule', label: 'trainingConsole.tab.schedule', testId: 'tab-schedule' },
  { name: 'checkin', label: 'trainingConsole.tab.checkin', testId: 'tab-checkin' },
  { name: 'attendance', label: 'trainingConsole.tab.attendance', testId: 'tab-attendance' },
  { name: 'subVenues', label: 'trainingConsole.tab.subVenues', testId: 'tab-sub-venues' },
  { name: 'evaluations', label: 'trainingConsole.tab.evaluations', testId: 'tab-evaluations' },
  { name: 'reflections', label: 'trainingConsole.tab.reflections', testId: 'tab-reflections' },
  { name: 'completion', label: 'trainingConsole.tab.completion', testId: 'tab-certificates' },
  { name: 'documents', label: 'trainingConsole.tab.documents', testId: 'tab-documents' },
];

/** A training class's page below its head: ten tabs, everything the class needs from the console. */
export function TrainingSections({ api, token, event }: { api: ApiClient; token: string; event: Event }) {
  const t = useT();
  const eventId = event.id;
  const live = useTrainingLive(eventId, token);

  const common = { api, eventId };
  return (
    <div className="training">
      <SectionTabs
        tabs={tabs}
        label={t('trainingConsole.tabs')}
        storageKey={`podium.training-tab.${eventId}`}
        live={live}
      >
        {(tab) => {
          switch (tab) {
            case 'trainees':
              return <TraineesPanel {...common} />;
            case 'groups':
              return <GroupsPanel {...common} />;
            case 'schedule':
              return <SchedulePanel {...common} />;
            case 'checkin':
              return <CheckinPanel {...common} />;
            case 'attendance':
              return <AttendancePanel {...common} />;
            case 'subVenues':
              return <SubVenuesPanel {...common} />;
            case 'evaluations':
              return <EvaluationsPanel {...common} />;
            case 'reflections':
              return <ReflectionsPanel {...common} />;
            case 'completion':
              return (
                <>
                  <CompletionPanel {...common} />
                  <CertificatesPanel {...common} kind="completion" />
                </>
              );
            case 'documents':
              return <TrainingDocuments {...common} event={event} />;
          }
        }}
      </SectionTabs>
    </div>
  );
}
