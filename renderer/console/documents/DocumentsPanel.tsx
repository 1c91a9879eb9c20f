import { useCallback, useId, useState, type ReactNode } from 'react';
import { documentFileName, type DocumentKind } from '../../../shared/api/documents';
import type { ApiClient } from '../../api/client';
import { Button } from '../../ui/Button';
import { LoadError } from '../../ui/LoadError';
import { useLocale, useT } from '../../ui/i18n';
import { useToast } from '../../ui/Toast';
import { useErrorMessage } from '../../ui/useErrorMessage';
import { useLoad } from '../../ui/useLoad';
import { useSaveFile } from '../useSaveFile';
import './documents.css';

type Job = 'results-xlsx' | 'results-pdf' | 'judge-sheets';

/** 文档与导出: the Excel summary, the results table and the judges' score sheets, each a download. */
export function DocumentsPanel({ api, eventId }: { api: ApiClient; eventId: number }) {
  const t = useT();
  const { locale } = useLocale();
  const toast = useToast();
  const message = useErrorMessage();
  const saveFile = useSaveFile();
  const id = String(eventId);
  const event = useLoad(useCallback(() => api.call('getEvent', { params: { id } }), [api, id]));
  const judges = useLoad(useCallback(() => api.call('listJudges', { params: { id } }), [api, id]));
  const [busy, setBusy] = useState<Job | null>(null);
  const [judgeId, setJudgeId] = useState<number | null>(null);
  const [filled, setFilled] = useState(false);
  const judgeSelect = useId();

  /** Fetches a document and hands it to the bridge to save (the desktop's dialog, the browser's download). */
  async function download(job: Job, kind: DocumentKind, fetchFile: () => Promise<Uint8Array>, judgeName?: string) {
    if (!event.data) return;
    setBusy(job);
    try {
      const data = await fetchFile();
      await saveFile(documentFileName(locale, kind, event.data, judgeName), data);
    } catch (error) {
      toast(message(error), 'error');
    } finally {
      setBusy(null);
    }
  }

  const chosenJudge = judges.data?.find((j) => j.id === judgeId);
  // One download at a time; each button shows its own.
  const jobs = (job: Job) => ({ job, busy: busy === job, disabled: event.data === undefined || busy !== null });

  return (
    <section className="panel documents" data-testid="documents-panel">
      <div className="panel-head">
        <h2 className="panel-title">{t('documents.title')}</h2>
      </div>
      {event.error ? <LoadError error={event.error} onRetry={event.reload} /> : null}
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
          {judges.error ? <LoadError error={judges.error} onRetry={judges.reload} /> : null}
          <div className="documents-options">
            <div className="field">
              <label className="field-label" htmlFor={judgeSelect}>
                {t('documents.judgeSheets.judge')}
              </label>
              <select
                id={judgeSelect}
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
            </div>
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
  onClick(): void;
}

function DownloadButton({ job, busy, disabled, label, variant = 'secondary', onClick }: DownloadButtonProps) {
  const t = useT();
  return (
    <Button variant={variant} busy={busy} disabled={disabled} data-testid={`download-${job}`} onClick={onClick}>
      {busy ? t('documents.working') : label}
    </Button>
  );
}

function DocumentCard({ title, hint, children }: { title: string; hint: string; children: ReactNode }) {
  return (
    <article className="documents-card">
      <h3 className="documents-card-title">{title}</h3>
      <p className="muted documents-hint">{hint}</p>
      <div className="documents-actions">{children}</div>
    </article>
  );
}
