// The 分组 tab's data in the console's query cache; keys start with ['event', id] like the others.
import { useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../api/client';
import { trainingKeys } from './queries';

export const groupsKeys = {
  groups: (eventId: number) => ['event', eventId, 'groups'] as const,
  assignment: (eventId: number) => ['event', eventId, 'groups', 'assignment'] as const,
  records: (eventId: number, sessionId: number) => ['event', eventId, 'group-records', sessionId] as const,
  link: (eventId: number, sessionId: number) => ['event', eventId, 'group-records', sessionId, 'link'] as const,
};

/** What a change of membership moves: the groups, the roster's 分组, attendance per group. */
export function membershipKeys(eventId: number) {
  return [
    groupsKeys.groups(eventId),
    ['event', eventId, 'participants'],
    trainingKeys.topic(eventId, 'attendance'),
    trainingKeys.topic(eventId, 'roster'),
  ] as const;
}

export function useGroups(api: ApiClient, eventId: number) {
  return useQuery({
    queryKey: groupsKeys.groups(eventId),
    queryFn: () => api.call('listGroups', { params: { id: String(eventId) } }),
  });
}

export function useGroupAssignment(api: ApiClient, eventId: number) {
  return useQuery({
    queryKey: groupsKeys.assignment(eventId),
    queryFn: () => api.call('groupAssignment', { params: { id: String(eventId) } }),
  });
}

export function useGroupRecords(api: ApiClient, eventId: number, sessionId: number | null) {
  return useQuery({
    queryKey: groupsKeys.records(eventId, sessionId ?? 0),
    queryFn: () => api.call('listGroupRecords', { params: { id: String(eventId), sid: String(sessionId ?? 0) } }),
    enabled: sessionId !== null,
  });
}

export function useGroupRecordLink(api: ApiClient, eventId: number, sessionId: number | null) {
  return useQuery({
    queryKey: groupsKeys.link(eventId, sessionId ?? 0),
    queryFn: () => api.call('groupRecordLink', { params: { id: String(eventId), sid: String(sessionId ?? 0) } }),
    enabled: sessionId !== null,
  });
}
