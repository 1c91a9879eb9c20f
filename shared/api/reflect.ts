// What a trainee's phone reads when handing in a reflection (学习心得) from the assignment's QR code, in zod's small
// build (zod/mini) like shared/api/checkin.ts: the page must not download the full zod and the console's contract.
// The contract uses these very schemas (shared/api/reflections.ts re-exports them and adds the requests).
import { z } from 'zod/mini';
import { reflectionCodePattern } from '../domain/reflections';

/** The assignment's code in its link and on its poster. */
export const ReflectCode = z.string().check(z.regex(reflectionCodePattern));

/** The assignment as a phone sees it: no names, nothing anyone handed in. */
export const PublicReflectionAssignment = z.object({
  eventTitle: z.string(),
  title: z.string(),
  prompt: z.nullable(z.string()),
  dueAt: z.string(),
  /** False once the deadline has passed. */
  open: z.boolean(),
  titleLimit: z.number(),
  bodyLimit: z.number(),
});

/** What the phone is told after handing in: whose it is and how long, never the text itself. */
export const PublicReflectionReceipt = z.object({
  name: z.string(),
  title: z.string(),
  length: z.number(),
  /** True when it replaced the trainee's earlier one. */
  replaced: z.boolean(),
  updatedAt: z.string(),
});

/** The reflection routes as the phone page calls them: its client parses the answers, never the requests. */
export const reflectAnswers = {
  publicReflectionAssignment: {
    method: 'GET',
    path: '/api/public/reflections/:code',
    scopes: ['public'],
    response: PublicReflectionAssignment,
  },
  publicReflection: {
    method: 'POST',
    path: '/api/public/reflections/:code',
    scopes: ['public'],
    response: PublicReflectionReceipt,
  },
} as const;
