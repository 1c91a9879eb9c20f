// Course evaluations in the console's query cache. Keys start with ['event', id, 'evaluations']: the training page's
// live subscription refreshes them all when an answer arrives (queries.ts, `evaluation` messages).
import { useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../api/client';

export const evaluationKeys = {
  all: (eventId: number) => ['event', eventId, 'evaluations'] as const,
  teachers: (eventId: number) => ['event', eventId, 'evaluations', 'teachers'] as const,
  form: (eventId: number, sessionId: number) => ['event', eventId, 'evaluations', 'form', sessionId] as const,
};

export function useEvaluations(api: ApiClient, eventId: number) {
  return useQuery({
    queryKey: evaluationKeys.all(eventId),
    queryFn: () => api.call('evaluations', { params: { id: String(eventId) } }),
  });
}

export function useTeacherEvaluations(api: ApiClient, eventId: number) {
  return useQuery({
    queryKey: evaluationKeys.teachers(eventId),
    queryFn: () => api.call('teacherEvaluations', { params: { id: String(eventId) } }),
  });
}

/** A session's form: open or not, its QR link and questions. */
export function useEvaluationForm(api: ApiClient, eventId: number, sessionId: number) {
  return useQuery({
    queryKey: evaluationKeys.form(eventId, sessionId),
    queryFn: () => api.call('getEvaluation', { params: { id: String(eventId), sid: String(sessionId) } }),
  });
}
