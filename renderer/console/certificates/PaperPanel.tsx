import { useCallback, useEffect, useState } from 'react';
import { certificateFileName, type CertificateTemplateState } from '../../../shared/api/certificates';
import type { Event } from '../../../shared/api/events';
import type { CertificateImageRole, CertificateKind, CertificateTemplate } from '../../../shared/domain/certificates';
import { getBridge } from '../../api/bridge';
import { useSaveFile } from '../useSaveFile';
import type { ApiClient } from '../../api/client';
import { Button } from '../../ui/Button';
import { LoadError } from '../../ui/LoadError';
import { useLocale, useT } from '../../ui/i18n';
import { useToast } from '../../ui/Toast';
import { useErrorMessage } from '../../ui/useErrorMessage';
import { useLoad } from '../../ui/useLoad';
import { NumberInput } from './inputs';

interface PaperProps {
  api: ApiClient;
  event: Event;
  kind: CertificateKind;
  draft: CertificateTemplate;
  onDraft(draft: CertificateTemplate): void;
  images: CertificateTemplateState['images'];
  onImages(images: CertificateTemplateState['images']): void;
}

/** 套打: the scan of the certificate paper (preview only), the seal, the printer's offset and its calibration page. */
export function PaperPanel({ api, event, kind, draft, onDraft, images, onImages }: PaperProps) {
  const t = useT();
  const { locale } = useLocale();
  const toast = useToast();
  const message = useErrorMessage();
  const saveFile = useSaveFile();
  const id = String(event.id);
  const mm = t('certificates.mm');

  const saved = useLoad(useCallback(() => api.call('getCertificateOffset', { params: { id } }), [api, id]));
  const [offset, setOffset] = useState({ x: 0, y: 0 });
  useEffect(() => {
    if (saved.data) setOffset(saved.data);
  }, [saved.data]);
  const [busy, setBusy] = useState<string | null>(null);

  async function attempt(what: string, task: () => Promise<void>) {
    setBusy(what);
    try {
      await task();
    } catch (error) {
      toast(message(error), 'error');
    } finally {
      setBusy(null);
    }
  }

  const upload = (role: CertificateImageRole) =>
    attempt(`upload-${role}`, async () => {
      const file = await getBridge().openFile({ extensions: ['png', 'jpg', 'jpeg'] });
      if (!file) return;
      const answer = await api.call('putCertificateImage', { params: { id, kind, role }, body: file.data });
      onImages(answer.images);
      toast(t('certificates.uploaded'));
    });

  const remove = (role: CertificateImageRole) =>
    attempt(`remove-${role}`, async () => {
      const answer = await api.call('deleteCertificateImage', { params: { id, kind, role } });
      onImages(answer.images);
    });

  const saveOffset = () =>
    attempt('offset', async () => {
      const answer = await api.call('putCertificateOffset', { params: { id }, body: offset });
      setOffset(answer);
      toast(t('certificates.offsetSaved'));
    });

  const calibration = () =>
    attempt('calibration', async () => {
      const data = await api.call('certificateCalibration', { params: { id }, query: { kind } });
      await saveFile(certificateFileName(locale, event, { file: 'calibration' }), data);
    });

  const picture = (role: CertificateImageRole, label: string) => (
    <div className="certificate-picture" data-testid={`picture-${role}`}>
      <p className="field-label">{label}</p>
      <div className="certificate-picture-actions">
        <Button
          busy={busy === `upload-${role}`}
          disabled={busy !== null}
          onClick={() => upload(role)}
          data-testid={`upload-${role}`}
        >
          {images[role] ? t('certificates.replace') : t('certificates.upload')}
        </Button>
        {images[role] ? (
          <Button
            variant="quiet"
            busy={busy === `remove-${role}`}
            disabled={busy !== null}
            onClick={() => remove(role)}
          >
            {t('certificates.remove')}
          </Button>
        ) : null}
      </div>
    </div>
  );

  return (
    <div className="certificate-paper">
      <h3 className="certificate-subtitle">{t('certificates.paper')}</h3>
      <div className="certificate-paper-grid">
        {picture('background', t('certificates.background'))}
        <div>
          {picture('seal', t('certificates.seal'))}
          <div className="certificate-editor-row">
            <NumberInput
              step={0.1}
              label={`${t('certificate.seal.x')} (${mm})`}
              value={draft.seal.x}
              onChange={(x) => onDraft({ ...draft, seal: { ...draft.seal, x } })}
            />
            <NumberInput
              step={0.1}
              label={`${t('certificate.seal.y')} (${mm})`}
              value={draft.seal.y}
              onChange={(y) => onDraft({ ...draft, seal: { ...draft.seal, y } })}
            />
            <NumberInput
              step={0.1}
              label={`${t('certificate.seal.width')} (${mm})`}
              value={draft.seal.width}
              onChange={(width) => onDraft({ ...draft, seal: { ...draft.seal, width } })}
            />
          </div>
        </div>
        <div>
          <p className="field-label">{t('certificates.offset')}</p>
          {saved.error ? <LoadError error={saved.error} onRetry={saved.reload} /> : null}
          <div className="certificate-editor-row">
            <NumberInput
              step={0.1}
              label={t('certificate.offset.x')}
              value={offset.x}
              onChange={(x) => setOffset((o) => ({ ...o, x }))}
              testId="offset-x"
            />
            <NumberInput
              step={0.1}
              label={t('certificate.offset.y')}
              value={offset.y}
              onChange={(y) => setOffset((o) => ({ ...o, y }))}
              testId="offset-y"
            />
          </div>
          <div className="certificate-picture-actions">
            <Button busy={busy === 'offset'} disabled={busy !== null} onClick={saveOffset} data-testid="save-offset">
              {t('certificates.saveOffset')}
            </Button>
            <Button
              variant="quiet"
              busy={busy === 'calibration'}
              disabled={busy !== null}
              onClick={calibration}
              data-testid="download-calibration"
            >
              {t('certificates.calibration')}
            </Button>
          </div>
        </div>
      </div>
    </div>
  );
}
