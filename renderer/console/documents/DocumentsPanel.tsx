import { useId, useState, type ReactNode } from 'react';
import { documentFileName, type DocumentKind } from '../../../shared/api/documents';
import type { ApiClient } from '../../api/client';
import { retry, useEvent, useJudges } from '../../api/queries';
import { useAction } from '../../api/useAction';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { LoadError } from '../../ui/LoadError';
import { useLocale, useT } from '../../ui/i18n';
import { useSaveFile } from '../useSaveFile';
import { ArchiveExportButton } from '../archive/ArchiveExport';
import './documents.css';

type Job = 'results-xlsx' | 'results-pdf' | 'judge-sheets';

/** 文档与导出: the Excel summary, the results table and the judges' score sheets, each a download. */
export function DocumentsPanel({ api, eventId }: { api: ApiClient; eventId: number }) {
  const t = useT();
  const { locale } = useLocale();
  const saveFile = useSaveFile();
  const id = String(eventId);
  const event = useEvent(api, eventId);
  const judges = useJudges(api, eventId);
  const action = useAction();
  const [judgeId, setJudgeId] = useState<number | null>(null);
  const [filled, setFilled] = useState(false);
  const judgeSelect = useId();

  /** Fetches a document and hands it to the bridge to save (the desktop's dialog, the browser's download). */
  function download(job: Job, kind: DocumentKind, fetchFile: () => Promise<Uint8Array>, judgeName?: string) {
    const shown = event.data;
    if (!shown) return;
    action.run(job, async () => saveFile(documentFileName(locale, kind, shown, judgeName), await fetchFile()));
  }

  const chosenJudge = judges.data?.find((j) => j.id === judgeId);
  // One download at a time; each button shows its own.
  const jobs = (job: Job) => ({
    job,
    busy: action.busy === job,
    disabled: event.data === undefined || action.busy !== null,
  });

  return (
    <section className="panel documents" data-testid="documents-panel">
      <div className="panel-head">
        <h2 className="panel-title">{t('documents.title')}</h2>
      </div>
      {event.error ? <LoadError error={event.error} onRetry={retry(event)} /> : null}
      <p className="muted">{t('documents.intro')}</p>
      <div className="documents-grid">
        <DocumentCard title={t('documents.excel.title')} hint={t('documents.excel.hint')}>
          <DownloadButton
            {...jobs('results-xlsx')}
            variant="primary"
            label={t('documents.excel.download')}
            onClick={() => download('results-xlsx', 'results-xlsx', () => api.call('resultsXlsx', { params: { id } }))}
          />
        </DocumentCard>

        <DocumentCard title={t('documents.resultsPdf.title')} hint={t('documents.resultsPdf.hint')}>
          <DownloadButton
            {...jobs('results-pdf')}
            label={t('documents.resultsPdf.download')}
            onClick={() => download('results-pdf', 'results-pdf', () => api.call('resultsPdf', { params: { id } }))}
          />
        </DocumentCard>

        <DocumentCard title={t('documents.judgeSheets.title')} hint={t('documents.judgeSheets.hint')}>
          {judges.error ? <LoadError error={judges.error} onRetry={retry(judges)} /> : null}
          <div className="documents-options">
            <Field label={t('documents.judgeSheets.judge')} marker={false}>
              {(control) => (
                <select
                  {...control}
                  value={judgeId ?? ''}
                  onChange={(e) => setJudgeId(e.target.value === '' ? null : Number(e.target.value))}
                  data-testid="judge-sheets-judge"
                >
                  <option value="">{t('documents.judgeSheets.all')}</option>
                  {(judges.data ?? []).map((j) => (
                    <option key={j.id} value={j.id}>
                      {j.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <fieldset className="documents-choice">
              <legend className="field-label">{t('documents.judgeSheets.content')}</legend>
              <label>
                <input
                  type="radio"
                  name={`${judgeSelect}-filled`}
                  checked={!filled}
                  onChange={() => setFilled(false)}
                  data-testid="judge-sheets-blank"
                />
                {t('documents.judgeSheets.blank')}
              </label>
              <label>
                <input
                  type="radio"
                  name={`${judgeSelect}-filled`}
                  checked={filled}
                  onChange={() => setFilled(true)}
                  data-testid="judge-sheets-filled"
                />
                {t('documents.judgeSheets.filled')}
              </label>
            </fieldset>
          </div>
          <DownloadButton
            {...jobs('judge-sheets')}
            label={t('documents.judgeSheets.download')}
            onClick={() =>
              download(
                'judge-sheets',
                filled ? 'judge-sheets-filled' : 'judge-sheets-blank',
                () =>
                  api.call('judgeSheetsPdf', {
                    params: { id },
                    query: {
                      filled: filled ? 'true' : 'false',
                      ...(chosenJudge ? { judgeId: String(chosenJudge.id) } : {}),
                    },
                  }),
                chosenJudge?.name,
              )
            }
          />
        </DocumentCard>

        <DocumentCard title={t('archive.export.title')} hint={t('archive.export.hint')}>
          <ArchiveExportButton api={api} event={event.data} />
        </DocumentCard>
      </div>
    </section>
  );
}

interface DownloadButtonProps {
  job: Job;
  busy: boolean;
  disabled: boolean;
  label: string;
  variant?: 'primary' | 'secondary';
  onClick: () => void;
}

function DownloadButton({ job, busy, disabled, label, variant = 'secondary', onClick }: DownloadButtonProps) {
  const t = useT();
  return (
    <Button variant={variant} busy={busy} disabled={disabled} data-testid={`download-${job}`} onClick={onClick}>
      {busy ? t('documents.working') : label}
    </Button>
  );
}

export function DocumentCard({ title, hint, children }: { title: string; hint: string; children: ReactNode }) {
  return (
    <article className="documents-card">
      <h3 className="documents-card-title">{title}</h3>
      <p className="muted documents-hint">{hint}</p>
      <div className="documents-actions">{children}</div>
    </article>
  );
}
