import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Event } from '../../shared/api/events';
import { keys, retry, useEvents } from '../api/queries';
import { useApi } from '../api/useApi';
import { contract } from '../../shared/api/contract';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { LoadError } from '../ui/LoadError';
import { Page } from '../ui/Page';
import { useT } from '../ui/i18n';
import { useToast } from '../ui/Toast';
import { ArchiveImportButton } from './archive/ArchiveImport';
import { BackupButton } from './BackupButton';
import { BackupsPanel } from './backups/BackupsPanel';
import { CreateEventForm } from './CreateEventForm';
import { EventList, eventHref } from './EventList';
import { FirstRun } from './FirstRun';
import { HelpAboutButton } from './HelpAbout';

/** The page for a console URL opened without the admin token. */
export function NeedToken() {
  const t = useT();
  return (
    <Page title={t('console.title')}>
      <Notice tone="error">{t('console.needToken')}</Notice>
    </Page>
  );
}

export function ConsolePage({ token }: { token: string }) {
  const t = useT();
  const toast = useToast();
  const api = useApi(token, contract);
  const client = useQueryClient();
  const [creating, setCreating] = useState(false);
  const events = useEvents(api);

  const shown = events.data ?? [];

  /** A new event is opened at once: adding its people is what comes next. */
  function created(event: Event) {
    setCreating(false);
    toast(t('event.created', { title: event.title }));
    void client.invalidateQueries({ queryKey: keys.events });
    window.location.hash = eventHref(event.id);
  }

  return (
    <Page
      title={t('console.title')}
      actions={
        <>
          <HelpAboutButton api={api} />
          <BackupButton api={api} />
        </>
      }
    >
      <div className="section-head">
        <h1 className="page-title">{t('console.events')}</h1>
        {!creating ? (
          <div className="section-actions">
            <ArchiveImportButton api={api} events={shown} />
            <Button variant="primary" data-testid="new-event" onClick={() => setCreating(true)}>
              + {t('console.newEvent')}
            </Button>
          </div>
        ) : null}
      </div>
      {creating ? <CreateEventForm api={api} onCreated={created} onCancel={() => setCreating(false)} /> : null}
      {events.error ? <LoadError error={events.error} onRetry={retry(events)} /> : null}
      {events.isPending ? (
        <p className="muted">{t('app.loading')}</p>
      ) : shown.length > 0 ? (
        <EventList events={shown} />
      ) : !events.error && !creating ? (
        <FirstRun api={api} onCreate={() => setCreating(true)} />
      ) : null}
      <BackupsPanel api={api} />
    </Page>
  );
}
