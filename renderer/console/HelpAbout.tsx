import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiClient } from '../api/client';
import { Button } from '../ui/Button';
import { LoadError } from '../ui/LoadError';
import { Modal } from '../ui/Modal';
import { useLocale, useT } from '../ui/i18n';
import { retry } from '../api/queries';
import { backupTime } from './backups/format';
import './help.css';

const contestSteps = ['help.contest.1', 'help.contest.2', 'help.contest.3', 'help.contest.4'] as const;
const trainingSteps = ['help.training.1', 'help.training.2', 'help.training.3'] as const;

/** 快速上手: the day of a contest and of a class, each in a few steps. */
export function QuickStart() {
  const t = useT();
  return (
    <div className="quick-start" data-testid="quick-start">
      <section>
        <h3>{t('help.contest.title')}</h3>
        <ol>
          {contestSteps.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ol>
      </section>
      <section>
        <h3>{t('help.training.title')}</h3>
        <ol>
          {trainingSteps.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ol>
      </section>
      <p className="muted">{t('help.safety')}</p>
    </div>
  );
}

/** 关于: the version, and where the data and its backups are on this laptop. */
function About({ api }: { api: ApiClient }) {
  const t = useT();
  const { locale } = useLocale();
  const about = useQuery({ queryKey: ['host', 'about'], queryFn: () => api.call('hostAbout') });
  if (about.error) return <LoadError error={about.error} onRetry={retry(about)} />;
  if (!about.data) return <p className="muted">{t('app.loading')}</p>;
  const { version, dataDir, backupFolder, lastBackupAt } = about.data;
  return (
    <>
      <dl className="about-list" data-testid="about">
        <dt>{t('help.version')}</dt>
        <dd>{version}</dd>
        <dt>{t('help.dataDir')}</dt>
        <dd className="about-path">{dataDir}</dd>
        <dt>{t('help.backupFolder')}</dt>
        <dd className="about-path">{backupFolder}</dd>
        <dt>{t('help.lastBackup')}</dt>
        <dd>{lastBackupAt ? backupTime(lastBackupAt, locale) : t('help.noBackup')}</dd>
      </dl>
      <p className="muted">{t('help.backupHint')}</p>
    </>
  );
}

/** 帮助与关于 in the console's head: a one-page quick start, then the version and the data folder. */
export function HelpAboutButton({ api, startOpen = false }: { api: ApiClient; startOpen?: boolean }) {
  const t = useT();
  const [open, setOpen] = useState(startOpen);
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="help-about">
        {t('help.button')}
      </Button>
      {open ? (
        <Modal
          className="help-dialog"
          labelledBy="help-heading"
          onClose={() => setOpen(false)}
          focusOnOpen
          testId="help"
        >
          <h2 id="help-heading" className="panel-title">
            {t('help.quickStart')}
          </h2>
          <QuickStart />
          <h2 className="panel-title">{t('help.about')}</h2>
          <About api={api} />
          <p className="muted">{t('help.guide')}</p>
          <div className="form-actions">
            <Button variant="primary" onClick={() => setOpen(false)}>
              {t('help.close')}
            </Button>
          </div>
        </Modal>
      ) : null}
    </>
  );
}
