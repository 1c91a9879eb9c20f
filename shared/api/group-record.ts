// What a group's recorder's phone reads when sending the group's discussion record from the session's QR code, in
// zod's small build (zod/mini) like shared/api/checkin.ts: the page must not download the full zod and the contract.
// The contract uses these very schemas (shared/api/groups.ts re-exports them and adds the requests).
import { z } from 'zod/mini';
import { reflectionCodePattern } from '../domain/reflections';

/** The session's recorders' code in its link and on its QR (the same alphabet as a reflection's). */
export const GroupRecordCode = z.string().check(z.regex(reflectionCodePattern));

/** The discussion session as a phone sees it: no names, no groups, no records. */
export const PublicGroupRecordSession = z.object({
  eventTitle: z.string(),
  title: z.string(),
  startsAt: z.string(),
  topicLimit: z.number(),
  summaryLimit: z.number(),
});

/** What the phone is told after sending: whose group it was recorded for, never anyone else's. */
export const PublicGroupRecordReceipt = z.object({
  group: z.string(),
  name: z.string(),
  /** True when it replaced an earlier record of the group. */
  replaced: z.boolean(),
});

/** The record routes as the phone page calls them: its client parses the answers, never the requests. */
export const groupRecordAnswers = {
  publicGroupRecordSession: {
    method: 'GET',
    path: '/api/public/group-records/:code',
    scopes: ['public'],
    response: PublicGroupRecordSession,
  },
  publicGroupRecord: {
    method: 'POST',
    path: '/api/public/group-records/:code',
    scopes: ['public'],
    response: PublicGroupRecordReceipt,
  },
} as const;
