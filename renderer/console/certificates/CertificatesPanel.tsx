import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { CertificatePreview as Preview, CertificateTemplateState } from '../../../shared/api/certificates';
import type { CertificateImageRole, CertificateKind, CertificateTemplate } from '../../../shared/domain/certificates';
import type { ApiClient } from '../../api/client';
import { keys, retry, useCertificateTemplate, useEvent } from '../../api/queries';
import { useAction } from '../../api/useAction';
import { Button } from '../../ui/Button';
import { LoadError } from '../../ui/LoadError';
import { Notice } from '../../ui/Notice';
import { useT } from '../../ui/i18n';
import { useErrorMessage } from '../../ui/useErrorMessage';
import { CertificateBatch } from './CertificateBatch';
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
  // The URL is kept with the version it shows: an older picture (its URL revoked) is never shown.
  const [shown, setShown] = useState<{ version: number; url: string | null } | null>(null);
  useEffect(() => {
    if (!present) return;
    let current: string | null = null;
    let live = true;
    api.call('getCertificateImage', { params: { id, kind, role } }).then(
      (bytes) => {
        if (!live) return;
        const copy = new Uint8Array(bytes.byteLength);
        copy.set(bytes);
        current = URL.createObjectURL(new Blob([copy]));
        setShown({ version, url: current });
      },
      () => live && setShown({ version, url: null }),
    );
    return () => {
      live = false;
      if (current) URL.revokeObjectURL(current);
    };
  }, [api, id, kind, role, present, version]);
  return present && shown?.version === version ? shown.url : null;
}

/** 证书: the batch (download, print, reprint one), the register, the template with its preview, and 套打. */
export function CertificatesPanel({ api, eventId, kind }: PanelProps) {
  const t = useT();
  const message = useErrorMessage();
  const client = useQueryClient();
  const action = useAction();
  const id = String(eventId);
  const templateKey = keys.certificates(eventId, kind, 'template');

  const event = useEvent(api, eventId);
  const state = useCertificateTemplate(api, eventId, kind);

  // The organiser's edits, kept apart from the saved template until saved (or reset).
  const [edited, setEdited] = useState<CertificateTemplate | null>(null);
  const saved = state.data?.template ?? null;
  const draft = edited ?? saved;
  const setDraft = (template: CertificateTemplate) => setEdited(template);

  const images = state.data?.images ?? { background: false, seal: false };
  const [imageVersion, setImageVersion] = useState(0);
  const background = usePicture(api, id, kind, 'background', images.background, imageVersion);
  const seal = usePicture(api, id, kind, 'seal', images.seal, imageVersion);

  // The preview follows the draft (unsaved edits included), a moment after the last keystroke.
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewError, setPreviewError] = useState<{ error: unknown } | null>(null);
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
        (error: unknown) => live && setPreviewError({ error }),
      );
    }, 250);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [api, id, kind, draft]);

  const [showBackground, setShowBackground] = useState(true);
  const [showBoxes, setShowBoxes] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  function save(template: CertificateTemplate) {
    setSaveError(null);
    action.run('save', () => api.call('putCertificateTemplate', { params: { id, kind }, body: template }), {
      done: t('certificates.saved'),
      then: (answer) => {
        client.setQueryData<CertificateTemplateState>(
          templateKey,
          (old) => old && { ...old, template: answer.template },
        );
        setEdited(null);
      },
      failed: (_error, text) => setSaveError(text),
    });
  }

  function imagesChanged(next: CertificateTemplateState['images']) {
    client.setQueryData<CertificateTemplateState>(templateKey, (old) => old && { ...old, images: next });
    setImageVersion((v) => v + 1);
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

      {event.error ? <LoadError error={event.error} onRetry={retry(event)} /> : null}
      {event.data ? <CertificateBatch api={api} event={event.data} kind={kind} /> : null}

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
          {previewError ? <Notice tone="error">{message(previewError.error)}</Notice> : null}
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
            <LoadError error={state.error} onRetry={retry(state)} />
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
              busy={action.busy === 'save'}
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
          onImages={imagesChanged}
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
