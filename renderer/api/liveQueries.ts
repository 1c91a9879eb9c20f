import { skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { LiveMessage, type LiveMessageType, type ScoresProgressMessage } from '../../shared/api/live';
import { useLive, type LiveState } from './live';
import { keys, type EventTopic } from './queries';

export type ScoresProgress = z.infer<typeof ScoresProgressMessage>;

/** What each live message changes on the host; scores progress is carried in the message itself. */
export const liveTopics: Record<LiveMessageType, readonly EventTopic[]> = {
  // A lock freezes the rules (the rubric answer says so).
  performance: ['performances', 'ranking', 'audit', 'rubric'],
  'scores-progress': [],
  reveal: ['performances', 'ranking', 'audit', 'certificates'],
  ranking: ['performances', 'ranking', 'audit', 'certificates'],
  attendance: [],
  screen: ['screen'],
  evaluation: [],
};

/** The one live subscription of an open event: each message refreshes the queries it affects. */
export function useEventLive(eventId: number, token: string): LiveState {
  const client = useQueryClient();
  return useLive(LiveMessage, eventId, token, (message: LiveMessage) => {
    if (message.type === 'scores-progress') client.setQueryData(keys.topic(eventId, 'scores-progress'), message);
    for (const topic of liveTopics[message.type]) {
      void client.invalidateQueries({ queryKey: keys.topic(eventId, topic) });
    }
  });
}

/** The latest scores-progress message of the event (who has submitted for the speaker on stage), if any came. */
export function useScoresProgress(eventId: number): ScoresProgress | null {
  const { data } = useQuery<ScoresProgress>({ queryKey: keys.topic(eventId, 'scores-progress'), queryFn: skipToken });
  return data ?? null;
}
