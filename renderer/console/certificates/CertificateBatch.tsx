import { useState } from 'react';
import { certificateFileName } from '../../../shared/api/certificates';
import type { Event } from '../../../shared/api/events';
import type { CertificateKind } from '../../../shared/domain/certificates';
import { getBridge } from '../../api/bridge';
import type { ApiClient, DownloadProgress } from '../../api/client';
import { keys, retry, useCertificateRecipients } from '../../api/queries';
import { useAction } from '../../api/useAction';
import { Button } from '../../ui/Button';
import { LoadError } from '../../ui/LoadError';
import { Empty, Notice } from '../../ui/Notice';
import { useLocale, useT } from '../../ui/i18n';
import { useToast } from '../../ui/Toast';
import { useSaveFile } from '../useSaveFile';
import '../editing.css';

type Job = { what: 'download' | 'print' | 'register' | 'calibration'; participantId?: number; only?: 'reprint' };

/** The batch: who gets a certificate, download or print them all (with progress), reprint one, the register. */
export function CertificateBatch({ api, event, kind }: { api: ApiClient; event: Event; kind: CertificateKind }) {
  const t = useT();
  const { locale } = useLocale();
  const toast = useToast();
  const id = String(event.id);
  const saveFile = useSaveFile();
  const action = useAction();
  const recipients = useCertificateRecipients(api, event.id, kind);
  const [job, setJob] = useState<Job | null>(null);
  const [progress, setProgress] = useState<DownloadProgress | null>(null);
  const list = recipients.data?.recipients ?? [];
  const blocked = recipients.data?.blocked ?? null;

  function run(next: Job) {
    setJob(next);
    setProgress(null);
    action.run('job', () => perform(next), {
      // Numbers are given as certificates are made: the register shows them.
      invalidate: [keys.certificates(event.id, kind, 'recipients')],
      always: () => {
        setJob(null);
        setProgress(null);
      },
    });
  }

  async function perform(next: Job): Promise<void> {
    if (next.what === 'register') {
      await saveFile(
        certificateFileName(locale, event, { file: 'register' }),
        await api.call('certificateRegister', { params: { id } }),
      );
      return;
    }
    const one = next.participantId === undefined ? undefined : list.find((r) => r.participantId === next.participantId);
    const query = one
      ? { kind, participantId: String(one.participantId) }
      : next.only
        ? { kind, only: next.only }
        : { kind };
    const data = await api.download('certificatesPdf', { params: { id }, query }, setProgress);
    const fileName = certificateFileName(locale, event, { file: 'pdf', kind, ...(one ? { name: one.name } : {}) });
    if (next.what === 'download') {
      await saveFile(fileName, data);
      return;
    }
    const outcome = await getBridge().printPdf({ data, suggestedName: fileName });
    toast(
      outcome === 'download'
        ? t('file.downloaded', { name: fileName })
        : t(outcome === 'tab' ? 'certificates.printTab' : 'certificates.printSent'),
    );
  }

  const count = list.length;
  const reprints = list.filter((r) => r.reprint).length;
  // 重印 only for what was printed once: a certificate is numbered when it is first made.
  const allPrinted = count > 0 && list.every((r) => r.number !== null);
  const busy = job !== null;
  const percent =
    progress?.phase === 'receiving' && progress.total ? Math.round((progress.received / progress.total) * 100) : null;

  return (
    <div className="certificate-batch">
      <h3 className="certificate-subtitle">{t('certificates.batch')}</h3>
      {recipients.error ? <LoadError error={recipients.error} onRetry={retry(recipients)} /> : null}
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
          {t(allPrinted ? 'certificates.reprintAll' : 'certificates.print')}
        </Button>
        {reprints > 0 ? (
          <Button
            busy={job?.only === 'reprint'}
            disabled={busy || blocked !== null}
            onClick={() => run({ what: 'print', only: 'reprint' })}
            data-testid="print-reprints"
          >
            {t('editing.printReprints', { count: reprints })}
          </Button>
        ) : null}
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
                <th scope="col" aria-label={t('certificates.print')} />
              </tr>
            </thead>
            <tbody>
              {list.map((r) => (
                <tr key={r.participantId} data-testid="recipient-row">
                  <td>{r.number ?? <span className="muted">{t('certificates.numberPending')}</span>}</td>
                  <td>
                    {r.name}
                    {r.reprint ? (
                      <span
                        className="tag certificate-reprint"
                        title={t('editing.reprintHint')}
                        data-testid="reprint-mark"
                      >
                        {t('editing.reprintNeeded')}
                      </span>
                    ) : null}
                  </td>
                  <td>{r.organization ?? ''}</td>
                  {kind === 'award' ? (
                    <td>
                      {r.award}
                      {r.tiedAward ? ' ' : null}
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
                      {t(r.number === null ? 'certificates.print' : 'certificates.reprint')}
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
