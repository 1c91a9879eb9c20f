// The console's data: one keyed query per thing the host keeps, so one live message or one action refreshes
// every panel that shows it. Keys start with ['event', id] so an event's data can be refreshed at once.
import { QueryClient, useQuery, type QueryKey } from '@tanstack/react-query';
import type { participantSorts } from '../../shared/api/events';
import type { CertificateKind } from '../../shared/domain/certificates';
import type { ApiClient } from './client';

export type ParticipantSort = (typeof participantSorts)[number];

/** What an event's data is made of; a live message names the topics it changes. */
export type EventTopic =
  | 'details'
  | 'participants'
  | 'performances'
  | 'judges'
  | 'rubric'
  | 'ranking'
  | 'awards'
  | 'audit'
  | 'certificates'
  | 'scores-progress'
  | 'screen';

export const keys = {
  events: ['events'] as const,
  network: ['host', 'network'] as const,
  topic: (eventId: number, topic: EventTopic) => ['event', eventId, topic] as const,
  participants: (eventId: number, sort: ParticipantSort) => ['event', eventId, 'participants', sort] as const,
  certificates: (eventId: number, kind: CertificateKind, part: 'recipients' | 'template') =>
    ['event', eventId, 'certificates', kind, part] as const,
  certificateOffset: (eventId: number) => ['event', eventId, 'certificates', 'offset'] as const,
} satisfies Record<string, QueryKey | ((...args: never[]) => QueryKey)>;

/** The console's cache: no retries or refetch on focus, so a failure shows at once with its own retry button. */
export function createConsoleQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

/** A LoadError's retry: the promise is the query's own business (its error shows in `error`). */
export function retry(query: { refetch: () => Promise<unknown> }): () => void {
  return () => void query.refetch();
}

export function useEvents(api: ApiClient) {
  return useQuery({ queryKey: keys.events, queryFn: () => api.call('listEvents') });
}

export function useEvent(api: ApiClient, eventId: number) {
  return useQuery({
    queryKey: keys.topic(eventId, 'details'),
    queryFn: () => api.call('getEvent', { params: { id: String(eventId) } }),
  });
}

export function useParticipants(api: ApiClient, eventId: number, sort: ParticipantSort = 'registration') {
  return useQuery({
    queryKey: keys.participants(eventId, sort),
    queryFn: () =>
      api.call('listParticipants', { params: { id: String(eventId) }, query: sort === 'pinyin' ? { sort } : {} }),
  });
}

export function usePerformances(api: ApiClient, eventId: number) {
  return useQuery({
    queryKey: keys.topic(eventId, 'performances'),
    queryFn: () => api.call('listPerformances', { params: { id: String(eventId) } }),
  });
}

export function useJudges(api: ApiClient, eventId: number) {
  return useQuery({
    queryKey: keys.topic(eventId, 'judges'),
    queryFn: () => api.call('listJudges', { params: { id: String(eventId) } }),
  });
}

export function useRubric(api: ApiClient, eventId: number) {
  return useQuery({
    queryKey: keys.topic(eventId, 'rubric'),
    queryFn: () => api.call('getRubric', { params: { id: String(eventId) } }),
  });
}

export function useRanking(api: ApiClient, eventId: number) {
  return useQuery({
    queryKey: keys.topic(eventId, 'ranking'),
    queryFn: () => api.call('ranking', { params: { id: String(eventId) } }),
  });
}

export function useAwards(api: ApiClient, eventId: number) {
  return useQuery({
    queryKey: keys.topic(eventId, 'awards'),
    queryFn: () => api.call('getAwards', { params: { id: String(eventId) } }),
  });
}

/** The audit log is long: it is only asked for while someone looks at it. */
export function useAudit(api: ApiClient, eventId: number, enabled = true) {
  return useQuery({
    queryKey: keys.topic(eventId, 'audit'),
    queryFn: () => api.call('audit', { params: { id: String(eventId) } }),
    enabled,
  });
}

export function useNetwork(api: ApiClient) {
  return useQuery({ queryKey: keys.network, queryFn: () => api.call('getNetwork') });
}

export function useCertificateRecipients(api: ApiClient, eventId: number, kind: CertificateKind) {
  return useQuery({
    queryKey: keys.certificates(eventId, kind, 'recipients'),
    queryFn: () => api.call('certificateRecipients', { params: { id: String(eventId), kind } }),
  });
}

export function useCertificateTemplate(api: ApiClient, eventId: number, kind: CertificateKind) {
  return useQuery({
    queryKey: keys.certificates(eventId, kind, 'template'),
    queryFn: () => api.call('getCertificateTemplate', { params: { id: String(eventId), kind } }),
  });
}

export function useCertificateOffset(api: ApiClient, eventId: number) {
  return useQuery({
    queryKey: keys.certificateOffset(eventId),
    queryFn: () => api.call('getCertificateOffset', { params: { id: String(eventId) } }),
  });
}
