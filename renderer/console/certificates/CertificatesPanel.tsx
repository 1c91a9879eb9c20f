import { useCallback, useEffect, useState } from 'react';
import {
  certificateFileName,
  type CertificatePreview as Preview,
  type CertificateRecipients,
  type CertificateTemplateState,
} from '../../../shared/api/certificates';
import type { Event } from '../../../shared/api/events';
import type { CertificateImageRole, CertificateKind, CertificateTemplate } from '../../../shared/domain/certificates';
import { getBridge } from '../../api/bridge';
import type { ApiClient, DownloadProgress } from '../../api/client';
import { Button } from '../../ui/Button';
import { LoadError } from '../../ui/LoadError';
import { Empty, Notice } from '../../ui/Notice';
import { useLocale, useT } from '../../ui/i18n';
import { useToast } from '../../ui/Toast';
import { useErrorMessage } from '../../ui/useErrorMessage';
import { useLoad, type Loaded } from '../../ui/useLoad';
import { useSaveFile } from '../useSaveFile';
import { CertificatePreview } from './CertificatePreview';
import { PaperPanel } from './PaperPanel';
import { TemplateEditor } from './TemplateEditor';
import './certificates.css';

interface PanelProps {
  api: ApiClient;
  eventId: number;
  kind: CertificateKind;
}

/** An object URL for an uploaded picture, while the panel shows it. */
function usePicture(
  api: ApiClient,
  id: string,
  kind: CertificateKind,
  role: CertificateImageRole,
  present: boolean,
  version: number,
): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!present) {
      setUrl(null);
      return;
    }
    let current: string | null = null;
    let live = true;
    api.call('getCertificateImage', { params: { id, kind, role } }).then(
      (bytes) => {
        if (!live) return;
        const copy = new Uint8Array(bytes.byteLength);
        copy.set(bytes);
        current = URL.createObjectURL(new Blob([copy]));
        setUrl(current);
      },
      () => live && setUrl(null),
    );
    return () => {
      live = false;
      if (current) URL.revokeObjectURL(current);
    };
  }, [api, id, kind, role, present, version]);
  return url;
}

/** 证书: the batch (download, print, reprint one), the register, the template with its preview, and 套打. */
export function CertificatesPanel({ api, eventId, kind }: PanelProps) {
  const t = useT();
  const toast = useToast();
  const message = useErrorMessage();
  const id = String(eventId);

  const event = useLoad(useCallback(() => api.call('getEvent', { params: { id } }), [api, id]));
  const recipients = useLoad(
    useCallback(() => api.call('certificateRecipients', { params: { id, kind } }), [api, id, kind]),
  );
  const state = useLoad(
    useCallback(() => api.call('getCertificateTemplate', { params: { id, kind } }), [api, id, kind]),
  );

  const [draft, setDraft] = useState<CertificateTemplate | null>(null);
  const [saved, setSaved] = useState<CertificateTemplate | null>(null);
  useEffect(() => {
    if (state.data) {
      setDraft(state.data.template);
      setSaved(state.data.template);
    }
  }, [state.data]);

  const [images, setImages] = useState<CertificateTemplateState['images']>({ background: false, seal: false });
  const [imageVersion, setImageVersion] = useState(0);
  useEffect(() => {
    if (state.data) setImages(state.data.images);
  }, [state.data]);
  const background = usePicture(api, id, kind, 'background', images.background, imageVersion);
  const seal = usePicture(api, id, kind, 'seal', images.seal, imageVersion);

  // The preview follows the draft (unsaved edits included), a moment after the last keystroke.
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  useEffect(() => {
    if (!draft) return;
    let live = true;
    const timer = window.setTimeout(() => {
      api.call('previewCertificate', { params: { id, kind }, body: { template: draft } }).then(
        (answer) => {
          if (!live) return;
          setPreview(answer);
          setPreviewError(null);
        },
        (error: unknown) => live && setPreviewError(message(error)),
      );
    }, 250);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
    // `message` is left out on purpose: a new language brings a new `api`, which runs this again.
  }, [api, id, kind, draft]);

  const [showBackground, setShowBackground] = useState(true);
  const [showBoxes, setShowBoxes] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  async function save(template: CertificateTemplate) {
    setSaving(true);
    setSaveError(null);
    try {
      const answer = await api.call('putCertificateTemplate', { params: { id, kind }, body: template });
      setDraft(answer.template);
      setSaved(answer.template);
      toast(t('certificates.saved'));
    } catch (error) {
      setSaveError(message(error));
    } finally {
      setSaving(false);
    }
  }

  const dirty = draft !== null && saved !== null && JSON.stringify(draft) !== JSON.stringify(saved);
  const year = Number(event.data?.startsOn.slice(0, 4) ?? new Date().getFullYear());

  return (
    <section className="panel certificates" data-testid="certificates-panel" aria-labelledby="certificates-heading">
      <div className="panel-head">
        <h2 id="certificates-heading" className="panel-title">
          {t(`certificate.kind.${kind}`)}
        </h2>
      </div>

      {event.error ? <LoadError error={event.error} onRetry={event.reload} /> : null}
      {event.data ? <Batch api={api} event={event.data} kind={kind} recipients={recipients} /> : null}

      <div className="certificates-layout">
        <div className="certificates-preview">
          <h3 className="certificate-subtitle">{t('certificates.preview')}</h3>
          <div className="certificate-toggles">
            <label className="certificate-check">
              <input type="checkbox" checked={showBackground} onChange={(e) => setShowBackground(e.target.checked)} />
              {t('certificates.showBackground')}
            </label>
            <label className="certificate-check">
              <input
                type="checkbox"
                checked={showBoxes}
                onChange={(e) => setShowBoxes(e.target.checked)}
                data-testid="show-boxes"
              />
              {t('certificates.showBoxes')}
            </label>
          </div>
          {previewError ? <Notice tone="error">{previewError}</Notice> : null}
          {preview && draft ? (
            <>
              <CertificatePreview
                template={draft}
                preview={preview}
                background={background}
                seal={seal}
                showBackground={showBackground}
                showBoxes={showBoxes}
              />
              <PreviewWarnings preview={preview} />
            </>
          ) : state.error ? (
            <LoadError error={state.error} onRetry={state.reload} />
          ) : (
            <p className="muted">{t('app.loading')}</p>
          )}
        </div>

        <div className="certificates-template">
          <div className="certificate-template-head">
            <h3 className="certificate-subtitle">{t('certificates.template')}</h3>
            {dirty ? <span className="tag">{t('certificates.unsaved')}</span> : null}
          </div>
          {saveError ? (
            <Notice tone="error">
              <span data-testid="template-error">{saveError}</span>
            </Notice>
          ) : null}
          <div className="certificate-template-actions">
            <Button
              variant="primary"
              busy={saving}
              disabled={!draft || !dirty}
              onClick={() => draft && save(draft)}
              data-testid="save-template"
            >
              {t('certificates.save')}
            </Button>
            <Button disabled={!state.data} onClick={() => state.data && setDraft(state.data.builtIn)}>
              {t('certificates.reset')}
            </Button>
          </div>
          {draft && state.data ? (
            <TemplateEditor draft={draft} onChange={setDraft} defaultPrefix={state.data.defaultPrefix} year={year} />
          ) : null}
        </div>
      </div>

      {draft && event.data ? (
        <PaperPanel
          api={api}
          event={event.data}
          kind={kind}
          draft={draft}
          onDraft={setDraft}
          images={images}
          onImages={(next) => {
            setImages(next);
            setImageVersion((v) => v + 1);
          }}
        />
      ) : null}
    </section>
  );
}

function PreviewWarnings({ preview }: { preview: Preview }) {
  const t = useT();
  const shrunk = preview.fields.filter((f) => f.shrunk && !f.overflow);
  const overflow = preview.fields.filter((f) => f.overflow);
  if (
    preview.unknownPlaceholders.length === 0 &&
    shrunk.length === 0 &&
    overflow.length === 0 &&
    preview.participantId !== null
  )
    return null;
  const size = (n: number) => String(Math.round(n * 10) / 10);
  return (
    <ul className="certificate-warnings" data-testid="preview-warnings">
      {preview.participantId === null ? <li className="muted">{t('certificates.previewSample')}</li> : null}
      {preview.unknownPlaceholders.map((u) => (
        <li key={`${u.field}-${u.name}`} className="certificate-warning-error" data-testid="warning-placeholder">
          {t('certificates.unknownPlaceholder', { field: u.field, name: u.name })}
        </li>
      ))}
      {overflow.map((f) => (
        <li key={f.key} className="certificate-warning-error">
          {t('certificates.overflow', { field: f.label || f.key })}
        </li>
      ))}
      {shrunk.map((f) => (
        <li key={f.key} className="certificate-warning-shrunk" data-testid="warning-shrunk">
          {t('certificates.shrunk', { field: f.label || f.key, from: size(f.requestedSize), to: size(f.fontSize) })}
        </li>
      ))}
    </ul>
  );
}

type Job = { what: 'download' | 'print' | 'register' | 'calibration'; participantId?: number };

/** The batch: who gets a certificate, download or print them all (with progress), reprint one, the register. */
function Batch({
  api,
  event,
  kind,
  recipients,
}: {
  api: ApiClient;
  event: Event;
  kind: CertificateKind;
  recipients: Loaded<CertificateRecipients>;
}) {
  const t = useT();
  const { locale } = useLocale();
  const toast = useToast();
  const message = useErrorMessage();
  const id = String(event.id);
  const saveFile = useSaveFile();
  const [job, setJob] = useState<Job | null>(null);
  const [progress, setProgress] = useState<DownloadProgress | null>(null);
  const list = recipients.data?.recipients ?? [];
  const blocked = recipients.data?.blocked ?? null;

  async function run(next: Job) {
    setJob(next);
    setProgress(null);
    try {
      if (next.what === 'register') {
        await saveFile(
          certificateFileName(locale, event, { file: 'register' }),
          await api.call('certificateRegister', { params: { id } }),
        );
        return;
      }
      const one =
        next.participantId === undefined ? undefined : list.find((r) => r.participantId === next.participantId);
      const query = one ? { kind, participantId: String(one.participantId) } : { kind };
      const data = await api.download('certificatesPdf', { params: { id }, query }, setProgress);
      const fileName = certificateFileName(locale, event, { file: 'pdf', kind, ...(one ? { name: one.name } : {}) });
      if (next.what === 'download') {
        await saveFile(fileName, data);
      } else {
        const outcome = await getBridge().printPdf({ data, suggestedName: fileName });
        toast(
          outcome === 'download'
            ? t('file.downloaded', { name: fileName })
            : t(outcome === 'tab' ? 'certificates.printTab' : 'certificates.printSent'),
        );
      }
    } catch (error) {
      toast(message(error), 'error');
    } finally {
      setJob(null);
      setProgress(null);
      recipients.reload();
    }
  }

  const count = list.length;
  const busy = job !== null;
  const percent =
    progress?.phase === 'receiving' && progress.total ? Math.round((progress.received / progress.total) * 100) : null;

  return (
    <div className="certificate-batch">
      <h3 className="certificate-subtitle">{t('certificates.batch')}</h3>
      {recipients.error ? <LoadError error={recipients.error} onRetry={recipients.reload} /> : null}
      {blocked ? (
        <Notice tone="error">
          <span data-testid="certificates-blocked">{blocked}</span>
        </Notice>
      ) : null}
      <div className="certificate-batch-actions">
        <span className="count" data-testid="certificate-count">
          {t('certificates.count', { count })}
        </span>
        <Button
          variant="primary"
          busy={job?.what === 'download' && job.participantId === undefined}
          disabled={busy || blocked !== null || count === 0}
          onClick={() => run({ what: 'download' })}
          data-testid="download-certificates"
        >
          {t('certificates.download')}
        </Button>
        <Button
          busy={job?.what === 'print' && job.participantId === undefined}
          disabled={busy || blocked !== null || count === 0}
          onClick={() => run({ what: 'print' })}
          data-testid="print-certificates"
        >
          {t('certificates.print')}
        </Button>
        <Button
          variant="quiet"
          busy={job?.what === 'register'}
          disabled={busy}
          onClick={() => run({ what: 'register' })}
          data-testid="download-register"
        >
          {t('certificates.register')}
        </Button>
      </div>
      {busy && job.what !== 'register' ? (
        <div className="certificate-progress" role="status" data-testid="certificate-progress">
          <progress max={100} value={percent ?? undefined} />
          <span>
            {percent === null
              ? t('certificates.generating', { count: job.participantId === undefined ? count : 1 })
              : t('certificates.downloading', { percent })}
          </span>
        </div>
      ) : null}
      {count > 0 ? (
        <div className="table-wrap certificate-recipients">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('certificate.col.number')}</th>
                <th scope="col">{t('certificate.col.name')}</th>
                <th scope="col">{t('certificate.col.organization')}</th>
                {kind === 'award' ? <th scope="col">{t('certificate.col.award')}</th> : null}
                <th scope="col" aria-label={t('certificates.reprint')} />
              </tr>
            </thead>
            <tbody>
              {list.map((r) => (
                <tr key={r.participantId} data-testid="recipient-row">
                  <td>{r.number ?? <span className="muted">{t('certificates.numberPending')}</span>}</td>
                  <td>{r.name}</td>
                  <td>{r.organization ?? ''}</td>
                  {kind === 'award' ? (
                    <td>
                      {r.award}
                      {r.tiedAward ? (
                        <span className="tag certificate-tied" title={t('certificates.tiedHint')}>
                          {t('certificates.tied')}
                        </span>
                      ) : null}
                    </td>
                  ) : null}
                  <td className="num">
                    <Button
                      variant="quiet"
                      busy={job?.participantId === r.participantId}
                      disabled={busy || blocked !== null}
                      onClick={() => run({ what: 'print', participantId: r.participantId })}
                    >
                      {t('certificates.reprint')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : recipients.data && !blocked ? (
        <Empty>{t('certificates.noRecipients')}</Empty>
      ) : null}
    </div>
  );
}
