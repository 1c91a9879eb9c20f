import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { createConsoleQueryClient } from '../api/queries';
import { useLocale } from '../ui/i18n';
import { readAdminToken } from './adminToken';
import { ConsolePage, NeedToken } from './ConsolePage';
import { EventPage } from './EventPage';

/** The organiser's pages with their query cache; loaded apart, so judges' phones never download them. */
export function ConsoleApp({ eventId }: { eventId: number | null }) {
  const [client] = useState(createConsoleQueryClient);
  const { locale } = useLocale();
  const token = readAdminToken();

  // The host words its messages (errors, notices) in the request's language: ask again in the new one.
  useEffect(() => {
    void client.invalidateQueries();
  }, [client, locale]);

  if (!token) return <NeedToken />;
  return (
    <QueryClientProvider client={client}>
      {eventId === null ? <ConsolePage token={token} /> : <EventPage key={eventId} token={token} eventId={eventId} />}
    </QueryClientProvider>
  );
}
