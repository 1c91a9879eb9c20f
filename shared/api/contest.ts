import { z } from 'zod';
import { judgeLinks } from '../domain/judgeLink';
import { performanceStatuses } from '../domain/performance';
import { rubricFields } from '../domain/rubricDiff';
import { aggregationMethods, criterionSteps, parseTieBreakRule, type TieBreakRule } from '../domain/scoring';
import { idParam, labelled, optionalText, text } from './fields';
import { Criterion, JudgeState, MyScore, ScoreAccepted } from './judge';
import { defaultScreen, ScreenState } from './screen';

export { Criterion, JudgeState, MyScore, ScoreAccepted };

// ── Rubric and rules ──────────────────────────────────────────────────────

const criterionKey = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,31}$/, { message: 'key' });

export const CriterionInput = z.strictObject({
  key: labelled(criterionKey, 'rubric.criterionKey'),
  name: text('rubric.criterionName', 50),
  max: labelled(z.number().positive().max(1000), 'rubric.criterionMax'),
  step: labelled(z.union(criterionSteps.map((s) => z.literal(s))), 'rubric.criterionStep'),
});

const tieBreakRule = z.string().transform((value, ctx): TieBreakRule => {
  const rule = parseTieBreakRule(value);
  if (!rule) {
    ctx.addIssue({ code: 'custom', message: 'tieBreak' });
    return z.NEVER;
  }
  return rule;
});

export const TimerRules = z.strictObject({
  /** Seconds from the start at which the timer turns amber, red; red is the time limit. */
  greenAt: z.number().int().min(0).max(7200).default(0),
  amberAt: z.number().int().min(0).max(7200),
  redAt: z.number().int().min(1).max(7200),
  /** Points deducted for each started minute over the limit; 0: overtime is only recorded. */
  overtimeDeductionPerMinute: z.number().min(0).max(100).default(0),
});
export type TimerRules = z.output<typeof TimerRules>;

export const JudgeGroupInput = z.strictObject({
  key: z.string().min(1).max(32),
  name: text('rubric.groupName', 30),
  weight: z.number().positive().max(100),
});

export const RubricInput = z.strictObject({
  criteria: labelled(z.array(CriterionInput).min(1).max(30), 'rubric.criteria'),
  aggregation: z.strictObject({
    method: labelled(z.enum(aggregationMethods), 'rubric.method'),
    dropHighest: labelled(z.number().int().min(0).max(5).default(0), 'rubric.dropHighest'),
    dropLowest: labelled(z.number().int().min(0).max(5).default(0), 'rubric.dropLowest'),
  }),
  decimals: labelled(z.number().int().min(0).max(4).default(2), 'rubric.decimals'),
  tieBreak: z.array(tieBreakRule).max(10).default([]),
  /** Optional weighted judge groups (专业评委 70 + 大众评委 30); judges name their group by key. */
  groups: z.array(JudgeGroupInput).max(5).default([]),
  timer: TimerRules.optional(),
});
export type RubricInput = z.input<typeof RubricInput>;

export const Rubric = z.object({
  criteria: z.array(Criterion),
  aggregation: z.object({
    method: z.enum(aggregationMethods),
    dropHighest: z.number().int(),
    dropLowest: z.number().int(),
  }),
  decimals: z.number().int(),
  tieBreak: z.array(z.string()),
  groups: z.array(z.object({ key: z.string(), name: z.string(), weight: z.number() })),
  timer: z
    .object({ greenAt: z.number(), amberAt: z.number(), redAt: z.number(), overtimeDeductionPerMinute: z.number() })
    .nullable(),
});
export type Rubric = z.infer<typeof Rubric>;

/** The rubric as the console reads it: whether the rules that change results may be edited now. */
export const RubricState = Rubric.extend({
  /** A speaker is locked or revealed and no 解除锁定 is pending: criteria, scoring and tie-breaks are read-only. */
  frozen: z.boolean(),
  /** 解除锁定 was given (with a reason): the next save may change the rules, then they freeze again. */
  unfrozen: z.boolean(),
});
export type RubricState = z.infer<typeof RubricState>;

export const UnfreezeInput = z.strictObject({ reason: text('rules.unfreezeReason', 300) });

/** One change of a rules edit as the audit log keeps it (see shared/domain/rubricDiff). */
export const RubricChange = z.object({
  field: z.enum(rubricFields),
  item: z.string().optional(),
  before: z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]),
  after: z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]),
});
export const RubricAudit = z.object({ changes: z.array(RubricChange) });

// ── Judges ────────────────────────────────────────────────────────────────

export const JudgeCreate = z.strictObject({
  name: text('judge.name', 50),
  organization: optionalText('judge.organization', 200),
  /** Key of a judge group of the rubric, when there are groups. */
  group: optionalText('judge.group', 32),
});

export const Judge = z.object({
  id: z.number().int(),
  eventId: z.number().int(),
  name: z.string(),
  organization: z.string().nullable(),
  group: z.string().nullable(),
  /** Null when the judge is shut out, or when this computer cannot open the sealed copy (see `link`). */
  token: z.string().nullable(),
  joinUrl: z.string().nullable(),
  /** Typed with the card's short address on the join page when the QR's address does not work. */
  joinCode: z.string().nullable(),
  link: z.enum(judgeLinks),
  /** Speakers this judge has a sheet for, and how many of them are revealed (the judge can no longer be deleted). */
  scoredSpeakers: z.number().int(),
  revealedSpeakers: z.number().int(),
  conflicts: z.array(z.number().int()),
});
export type Judge = z.infer<typeof Judge>;
/** A judge just given a link (added, or 重新生成链接): token, link and join code are always there. */
export const IssuedJudge = Judge.extend({
  token: z.string(),
  joinUrl: z.string(),
  joinCode: z.string(),
  link: z.literal('active'),
});
export type IssuedJudge = z.infer<typeof IssuedJudge>;

export const JudgeParams = z.strictObject({ id: idParam, jid: idParam });
export const ConflictsInput = z.strictObject({ participantIds: z.array(z.number().int().positive()).max(1000) });

// ── Order of appearance and the run of show ───────────────────────────────

export const DrawInput = z.strictObject({
  // A seed written as a number (20240703) is the same seed as the text "20240703".
  seed: z
    .union([z.string(), z.number().transform(String)])
    .pipe(z.string().trim().min(1).max(64))
    .optional(),
});
export const DrawResult = z.object({ order: z.array(z.number().int()), seed: z.string() });
export const OrderInput = z.strictObject({ order: z.array(z.number().int().positive()).max(1000) });
export const OrderResult = z.object({ order: z.array(z.number().int()) });

// The statuses are the domain's (shared/domain/performance.ts); re-exported for code that reads them with the contract.
export { performanceStatuses, type PerformanceStatus } from '../domain/performance';

export const PerformanceParams = z.strictObject({ id: idParam, pid: idParam });

/** One speaker's turn as the console sees it. */
export const Performance = z.object({
  participantId: z.number().int(),
  name: z.string(),
  organization: z.string().nullable(),
  title: z.string().nullable(),
  order: z.number().int(),
  status: z.enum(performanceStatuses),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** Speaking time in ms (so far while speaking). */
  elapsedMs: z.number().int().nullable(),
  overtimeSeconds: z.number().int(),
  /** Points deducted, as a string with 2 places ("0.50"). */
  deduction: z.string(),
  deductionReason: z.string().nullable(),
  submittedJudgeIds: z.array(z.number().int()),
  recusedJudgeIds: z.array(z.number().int()),
  /** The sheets in give a final score: a locked speaker without one cannot be revealed yet (补录 first). */
  hasFinal: z.boolean(),
});
export type Performance = z.infer<typeof Performance>;

/** Locking with judges' sheets missing needs `force`: those judges then cannot score this speaker any more. */
export const LockInput = z.strictObject({ force: labelled(z.boolean(), 'run.force').optional() });

export const DeductionInput = z.strictObject({
  points: labelled(z.number().min(0).max(100), 'run.deduction'),
  reason: optionalText('run.deductionReason', 200),
});

// ── Judging ───────────────────────────────────────────────────────────────

export const ScoreSubmission = z.strictObject({
  scores: z.record(z.string(), z.unknown()),
  submissionId: labelled(z.string().min(8).max(100), 'judge.submissionId'),
});
export const ScoreParams = z.strictObject({ pid: idParam });

export const CorrectionInput = z.strictObject({
  scores: z.record(z.string(), z.unknown()),
  reason: text('run.correctionReason', 300),
});
export const CorrectionParams = z.strictObject({ id: idParam, pid: idParam, jid: idParam });

/** One judge's sheet for a speaker, as the console sees it (for a chief judge's correction). */
export const JudgeSheet = z.object({
  judgeId: z.number().int(),
  judgeName: z.string(),
  /** Points per criterion. */
  scores: z.record(z.string(), z.number()),
  total: z.string(),
  savedAt: z.string(),
});
export type JudgeSheet = z.infer<typeof JudgeSheet>;

// ── Ranking and awards ────────────────────────────────────────────────────

const JudgeTotal = z.object({
  judgeId: z.number().int(),
  name: z.string(),
  total: z.string().nullable(),
  dropped: z.enum(['high', 'low']).nullable(),
  recused: z.boolean(),
});

export const RankingRow = z.object({
  rank: z.number().int().nullable(),
  participantId: z.number().int(),
  name: z.string(),
  organization: z.string().nullable(),
  title: z.string().nullable(),
  order: z.number().int(),
  status: z.enum(['final', 'unscored', 'missing-scores', 'too-few-scores']),
  final: z.string().optional(),
  deduction: z.string(),
  judgeTotals: z.array(JudgeTotal),
  tieBrokenBy: z.string().nullable(),
  award: z.string().optional(),
  tiedAward: z.boolean().optional(),
  revealed: z.boolean(),
});
export const Ranking = z.object({ decimals: z.number().int(), rows: z.array(RankingRow) });
export type Ranking = z.infer<typeof Ranking>;

export const PublicRankingRow = RankingRow.omit({
  judgeTotals: true,
  revealed: true,
  status: true,
  deduction: true,
}).extend({
  judgeTotals: z.array(
    z.object({
      /** 评委N: fixed for the contest (a recused judge leaves a gap); optional for answers of older hosts. */
      judgeNo: z.number().int().positive().optional(),
      total: z.string().nullable(),
      dropped: z.enum(['high', 'low']).nullable(),
    }),
  ),
});
export const PublicRanking = z.object({ decimals: z.number().int(), rows: z.array(PublicRankingRow) });
export type PublicRanking = z.infer<typeof PublicRanking>;

export const AwardsInput = z.strictObject({
  tiers: z
    .array(
      z.strictObject({
        name: text('award.name', 30),
        count: labelled(z.number().int().min(0).max(1000).nullable(), 'award.count'),
      }),
    )
    .max(10),
});
export const Awards = z.object({ tiers: z.array(z.object({ name: z.string(), count: z.number().int().nullable() })) });

// ── What the projector needs when it (re)connects ─────────────────────────

export const PublicShow = z.object({
  event: z.object({
    id: z.number().int(),
    title: z.string(),
    organizer: z.string().nullable(),
    venue: z.string().nullable(),
    startsOn: z.string(),
  }),
  current: Performance.pick({
    participantId: true,
    name: true,
    organization: true,
    title: true,
    order: true,
    status: true,
    startedAt: true,
    elapsedMs: true,
  })
    .extend({ running: z.boolean() })
    .nullable(),
  timer: Rubric.shape.timer,
  ranking: PublicRanking,
  speakers: z.number().int(),
  /** What the console asks the projector to show; an older host's answer without it means auto. */
  screen: ScreenState.default(defaultScreen),
});
export type PublicShow = z.infer<typeof PublicShow>;

// ── Audit ─────────────────────────────────────────────────────────────────

export const auditActions = [
  'score',
  'correct',
  'enter',
  'start',
  'finish',
  'lock',
  'reveal',
  'draw',
  'order',
  'deduction',
  'rubric',
  'unfreeze',
  'judge',
  'conflicts',
  'awards',
  'import',
  'attendance',
  'undo-checkin',
  'completion',
  // Editing what the organiser typed: a person's details, a person removed, the event's details.
  'participant',
  'remove-participant',
  'event',
  // A judge's link replaced (the old one stops at once) or shut off (停用).
  'reissue-link',
  'revoke-link',
  // Discussion groups: assigned, a trainee moved, a group renamed, its 组长/记录员 chosen, added or removed.
  'groups',
] as const;
export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.enum(auditActions),
  participantId: z.number().int().nullable(),
  judgeId: z.number().int().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

// ── Import ────────────────────────────────────────────────────────────────

export const participantFields = [
  'name',
  'gender',
  'organization',
  'title',
  'phone',
  'group',
  // Training rosters: 省份/地区, 民族, 备注.
  'region',
  'ethnicity',
  'note',
] as const;
export const ImportQuery = z.strictObject({
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
  /** JSON object: a header as written in the sheet → a participant field, for headers Podium does not know. */
  mapping: z.string().max(4000).optional(),
});
export const ImportResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  duplicates: z.array(z.object({ row: z.number().int(), name: z.string(), reason: z.string() })),
  errors: z.array(z.object({ row: z.number().int(), column: z.string().optional(), message: z.string() })),
  /** Rows imported with a bad optional cell left empty (a phone "abc", gender "未知"), by Excel row and column. */
  warnings: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
  /** What each column was read as (header → field), so the console can show and adjust it. */
  columns: z.array(z.object({ header: z.string(), field: z.enum(participantFields).nullable() })),
  preview: z.array(
    z.object({
      row: z.number().int(),
      name: z.string(),
      gender: z.string().nullable(),
      organization: z.string().nullable(),
      title: z.string().nullable(),
      phone: z.string().nullable(),
      group: z.string().nullable(),
      region: z.string().nullable().optional(),
      ethnicity: z.string().nullable().optional(),
      note: z.string().nullable().optional(),
    }),
  ),
});
export type ImportResult = z.infer<typeof ImportResult>;
