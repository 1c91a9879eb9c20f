// A training class's data in the console's query cache, beside the contest's in renderer/api/queries.ts.
// Keys start with ['event', id] like theirs; one live subscription refreshes what check-ins change.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { LiveMessage } from '../../../shared/api/live';
import type { ApiClient } from '../../api/client';
import { useLive, type LiveState } from '../../api/live';
import { keys } from '../../api/queries';

export type TrainingTopic =
  'venues' | 'sessions' | 'desks' | 'attendance' | 'completion' | 'roster' | 'checkin-display' | 'sub-venues';

export const trainingKeys = {
  topic: (eventId: number, topic: TrainingTopic) => ['event', eventId, topic] as const,
  roster: (eventId: number, sessionId: number) => ['event', eventId, 'roster', sessionId] as const,
};

/** What a check-in (at a desk, by phone or here) changes. */
const checkinTopics: readonly TrainingTopic[] = ['attendance', 'roster', 'completion', 'checkin-display', 'sub-venues'];

/** Everything a status correction or a session change may move, completion certificates too. */
export function attendanceKeys(eventId: number) {
  return [...checkinTopics.map((topic) => trainingKeys.topic(eventId, topic)), keys.topic(eventId, 'certificates')];
}

/** The one live subscription of an open training class: each check-in refreshes the counts and lists. */
export function useTrainingLive(eventId: number, token: string): LiveState {
  const client = useQueryClient();
  return useLive(LiveMessage, eventId, token, (message: LiveMessage) => {
    // Course evaluations keep their own queries (EvaluationsPanel): an answer refreshes the results.
    if (message.type === 'evaluation') void client.invalidateQueries({ queryKey: ['event', eventId, 'evaluations'] });
    if (message.type !== 'attendance') return;
    for (const key of attendanceKeys(eventId)) void client.invalidateQueries({ queryKey: key });
  });
}

export function useVenues(api: ApiClient, eventId: number) {
  return useQuery({
    queryKey: trainingKeys.topic(eventId, 'venues'),
    queryFn: () => api.call('listVenues', { params: { id: String(eventId) } }),
  });
}

export function useSessions(api: ApiClient, eventId: number) {
  return useQuery({
    queryKey: trainingKeys.topic(eventId, 'sessions'),
    queryFn: () => api.call('listSessions', { params: { id: String(eventId) } }),
  });
}

export function useDesks(api: ApiClient, eventId: number) {
  return useQuery({
    queryKey: trainingKeys.topic(eventId, 'desks'),
    queryFn: () => api.call('listDesks', { params: { id: String(eventId) } }),
  });
}

export function useAttendance(api: ApiClient, eventId: number) {
  return useQuery({
    queryKey: trainingKeys.topic(eventId, 'attendance'),
    queryFn: () => api.call('attendance', { params: { id: String(eventId) } }),
  });
}

export function useCompletion(api: ApiClient, eventId: number) {
  return useQuery({
    queryKey: trainingKeys.topic(eventId, 'completion'),
    queryFn: () => api.call('getCompletion', { params: { id: String(eventId) } }),
  });
}

/** Everyone expected at a session and how they stand; nothing is asked until a session is chosen. */
export function useCheckinRoster(api: ApiClient, eventId: number, sessionId: number | null) {
  return useQuery({
    queryKey: trainingKeys.roster(eventId, sessionId ?? 0),
    queryFn: () =>
      api.call('checkinRoster', { params: { id: String(eventId) }, query: { session: String(sessionId) } }),
    enabled: sessionId !== null,
  });
}

/** The open self check-in's current code; asked again as the code turns over while it is open. */
export function useCheckinDisplay(api: ApiClient, eventId: number, open: boolean) {
  return useQuery({
    queryKey: trainingKeys.topic(eventId, 'checkin-display'),
    queryFn: () => api.call('publicCheckinDisplay', { params: { id: String(eventId) } }),
    enabled: open,
    refetchInterval: (query) => (open ? Math.max(1, query.state.data?.refreshInSeconds ?? 5) * 1000 : false),
  });
}
