import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { certificateFileName, type CertificateTemplateState } from '../../../shared/api/certificates';
import type { Event } from '../../../shared/api/events';
import type { CertificateImageRole, CertificateKind, CertificateTemplate } from '../../../shared/domain/certificates';
import { getBridge } from '../../api/bridge';
import type { ApiClient } from '../../api/client';
import { keys, retry, useCertificateOffset } from '../../api/queries';
import { useAction } from '../../api/useAction';
import { Button } from '../../ui/Button';
import { LoadError } from '../../ui/LoadError';
import { useLocale, useT } from '../../ui/i18n';
import { useSaveFile } from '../useSaveFile';
import { NumberInput } from './inputs';

interface PaperProps {
  api: ApiClient;
  event: Event;
  kind: CertificateKind;
  draft: CertificateTemplate;
  onDraft: (draft: CertificateTemplate) => void;
  images: CertificateTemplateState['images'];
  onImages: (images: CertificateTemplateState['images']) => void;
}

/** 套打: the scan of the certificate paper (preview only), the seal, the printer's offset and its calibration page. */
export function PaperPanel({ api, event, kind, draft, onDraft, images, onImages }: PaperProps) {
  const t = useT();
  const { locale } = useLocale();
  const client = useQueryClient();
  const saveFile = useSaveFile();
  const action = useAction();
  const busy = action.busy;
  const id = String(event.id);
  const mm = t('certificates.mm');

  const saved = useCertificateOffset(api, event.id);
  // Typed offsets stay as typed until saved; until then the page shows what the host has.
  const [edited, setEdited] = useState<{ x: number; y: number } | null>(null);
  const offset = edited ?? saved.data ?? { x: 0, y: 0 };
  const setOffset = (change: Partial<{ x: number; y: number }>) => setEdited({ ...offset, ...change });

  const upload = (role: CertificateImageRole) =>
    action.run(
      `upload-${role}`,
      async () => {
        const file = await getBridge().openFile({ extensions: ['png', 'jpg', 'jpeg'] });
        return file ? api.call('putCertificateImage', { params: { id, kind, role }, body: file.data }) : null;
      },
      {
        done: (answer) => (answer ? t('certificates.uploaded') : null),
        then: (answer) => answer && onImages(answer.images),
      },
    );

  const remove = (role: CertificateImageRole) =>
    action.run(`remove-${role}`, () => api.call('deleteCertificateImage', { params: { id, kind, role } }), {
      then: (answer) => onImages(answer.images),
    });

  const saveOffset = () =>
    action.run('offset', () => api.call('putCertificateOffset', { params: { id }, body: offset }), {
      done: t('certificates.offsetSaved'),
      then: (answer) => {
        client.setQueryData(keys.certificateOffset(event.id), answer);
        setEdited(null);
      },
    });

  const calibration = () =>
    action.run('calibration', async () => {
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
          {saved.error ? <LoadError error={saved.error} onRetry={retry(saved)} /> : null}
          <div className="certificate-editor-row">
            <NumberInput
              step={0.1}
              label={t('certificate.offset.x')}
              value={offset.x}
              onChange={(x) => setOffset({ x })}
              testId="offset-x"
            />
            <NumberInput
              step={0.1}
              label={t('certificate.offset.y')}
              value={offset.y}
              onChange={(y) => setOffset({ y })}
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
