import type { ApiClient } from '../../api/client';
import { useT } from '../../ui/i18n';
import { ParticipantsPanel } from '../ParticipantsPanel';
import { attendanceKeys } from './queries';

/** 学员: the roster (imported from Excel or typed in), by pinyin unless asked otherwise, across the page. */
export function TraineesPanel({ api, eventId }: { api: ApiClient; eventId: number }) {
  const t = useT();
  return (
    <ParticipantsPanel
      api={api}
      eventId={eventId}
      kind="training"
      title={t('trainingConsole.trainees.title')}
      alsoRefresh={attendanceKeys(eventId)}
    />
  );
}
