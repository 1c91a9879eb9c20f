import { trainingFileName } from '../../../shared/api/training-documents';
import { useId, useState } from 'react';
import { certificateFileName } from '../../../shared/api/certificates';
import { classReportFileName } from '../../../shared/api/class-report';
import type { Event } from '../../../shared/api/events';
import type { ApiClient } from '../../api/client';
import { useAction } from '../../api/useAction';
import { Button } from '../../ui/Button';
import { useLocale, useT } from '../../ui/i18n';
import { BackupButton } from '../BackupButton';
import { DocumentCard } from '../documents/DocumentsPanel';
import { useSaveFile } from '../useSaveFile';
import { ArchiveExportButton } from '../archive/ArchiveExport';
import { sessionWhen } from './format';
import { useSessions } from './queries';
import { StudyCountsPanel } from './StudyCountsPanel';

type Job =
  | 'schedulePdf'
  | 'scheduleXlsx'
  | 'attendanceXlsx'
  | 'signinSheet'
  | 'certificates'
  | 'classReportPdf'
  | 'classReportXlsx';

/** 文档与导出: every printable of the class in one place, and the backup. */
export function TrainingDocuments({ api, eventId, event }: { api: ApiClient; eventId: number; event: Event }) {
  const t = useT();
  const { locale } = useLocale();
  const action = useAction();
  const saveFile = useSaveFile();
  const sessions = useSessions(api, eventId);
  const [sessionId, setSessionId] = useState<number | null>(null);
  const sessionSelect = useId();
  const id = String(eventId);
  const list = sessions.data ?? [];
  const session = list.find((s) => s.id === sessionId) ?? list[0];

  function download(job: Job, fileName: string, fetchFile: () => Promise<Uint8Array>) {
    action.run(job, async () => saveFile(fileName, await fetchFile()));
  }

  const button = (job: Job, label: string, onClick: () => void, disabled = false) => (
    <Button
      busy={action.busy === job}
      disabled={disabled || (action.busy !== null && action.busy !== job)}
      onClick={onClick}
      data-testid={`download-${job}`}
    >
      {action.busy === job ? t('trainingConsole.working') : label}
    </Button>
  );

  return (
    <section className="panel documents" data-testid="training-documents">
      <div className="panel-head">
        <h2 className="panel-title">{t('trainingConsole.documents.title')}</h2>
      </div>
      <p className="muted">{t('trainingConsole.documents.intro')}</p>
      <div className="documents-grid">
        <DocumentCard
          title={t('trainingConsole.documents.schedule')}
          hint={t('trainingConsole.documents.scheduleHint')}
        >
          {button('schedulePdf', t('trainingConsole.schedule.downloadPdf'), () =>
            download('schedulePdf', trainingFileName(t, locale, 'schedulePdf', event), () =>
              api.call('schedulePdf', { params: { id } }),
            ),
          )}
          {button('scheduleXlsx', t('trainingConsole.schedule.downloadXlsx'), () =>
            download('scheduleXlsx', trainingFileName(t, locale, 'scheduleXlsx', event), () =>
              api.call('scheduleXlsx', { params: { id } }),
            ),
          )}
        </DocumentCard>

        <DocumentCard
          title={t('trainingConsole.documents.attendance')}
          hint={t('trainingConsole.documents.attendanceHint')}
        >
          {button('attendanceXlsx', t('trainingConsole.attendance.download'), () =>
            download('attendanceXlsx', trainingFileName(t, locale, 'attendanceXlsx', event), () =>
              api.call('attendanceXlsx', { params: { id } }),
            ),
          )}
        </DocumentCard>

        <DocumentCard title={t('trainingConsole.documents.signin')} hint={t('trainingConsole.documents.signinHint')}>
          <div className="field">
            <label className="field-label" htmlFor={sessionSelect}>
              {t('trainingConsole.checkin.session')}
            </label>
            <select
              id={sessionSelect}
              value={session?.id ?? ''}
              disabled={list.length === 0}
              onChange={(e) => setSessionId(Number(e.target.value))}
              data-testid="documents-session"
            >
              {list.map((s) => (
                <option key={s.id} value={s.id}>
                  {`${sessionWhen(s, t, locale)} ${s.title}`}
                </option>
              ))}
            </select>
          </div>
          {button(
            'signinSheet',
            t('trainingConsole.documents.signinDownload'),
            () => {
              if (!session) return;
              download('signinSheet', trainingFileName(t, locale, 'signinSheet', event, session.title), () =>
                api.call('signinSheetPdf', { params: { id }, query: { session: String(session.id) } }),
              );
            },
            !session,
          )}
        </DocumentCard>

        <DocumentCard
          title={t('trainingConsole.documents.certificates')}
          hint={t('trainingConsole.documents.certificatesHint')}
        >
          {button('certificates', t('trainingConsole.documents.certificatesDownload'), () =>
            download('certificates', certificateFileName(locale, event, { file: 'pdf', kind: 'completion' }), () =>
              api.call('certificatesPdf', { params: { id }, query: { kind: 'completion' } }),
            ),
          )}
        </DocumentCard>

        <DocumentCard title={t('classReport.card.title')} hint={t('classReport.card.hint')}>
          {button('classReportPdf', t('classReport.downloadPdf'), () =>
            download('classReportPdf', classReportFileName(t, locale, 'pdf', event), () =>
              api.call('classReportPdf', { params: { id } }),
            ),
          )}
          {button('classReportXlsx', t('classReport.downloadXlsx'), () =>
            download('classReportXlsx', classReportFileName(t, locale, 'xlsx', event), () =>
              api.call('classReportXlsx', { params: { id } }),
            ),
          )}
        </DocumentCard>

        <DocumentCard title={t('trainingConsole.documents.backup')} hint={t('trainingConsole.documents.backupHint')}>
          <BackupButton api={api} />
        </DocumentCard>

        <DocumentCard title={t('archive.export.title')} hint={t('archive.export.hint')}>
          <ArchiveExportButton api={api} event={event} />
        </DocumentCard>
      </div>
      <StudyCountsPanel api={api} eventId={eventId} event={event} />
    </section>
  );
}
