import { z } from 'zod';
import {
  AuditEntry,
  Awards,
  AwardsInput,
  ConflictsInput,
  CorrectionInput,
  CorrectionParams,
  DeductionInput,
  DrawInput,
  DrawResult,
  ImportQuery,
  ImportResult,
  IssuedJudge,
  Judge,
  JudgeCreate,
  JudgeParams,
  JudgeSheet,
  LockInput,
  OrderInput,
  OrderResult,
  Performance,
  PerformanceParams,
  PublicRanking,
  PublicShow,
  Ranking,
  RubricInput,
  RubricState,
  ScoreAccepted,
  UnfreezeInput,
} from './contest';
import {
  Event,
  EventCreate,
  EventParams,
  Participant,
  ParticipantCreate,
  ParticipantListQuery,
  ParticipantParams,
  PublicEvent,
  RawUpload,
} from './events';
import { JudgeSheetsQuery } from './documents';
import {
  CalibrationQuery,
  CertificateImageParams,
  CertificateKindParams,
  CertificatePreview,
  CertificateRecipients,
  CertificatesQuery,
  CertificateTemplate,
  CertificateTemplateState,
  ImageUpload,
  PreviewInput,
  PrinterOffset,
} from './certificates';
import { Health, Network, NetworkUpdate } from './host';
import type { RouteDef } from './contract-types';
import { trainingRoutes } from './training-routes';
import { evaluationRoutes } from './evaluation-routes';
import { groupsRoutes } from './groups-routes';
import { reflectionsRoutes } from './reflections-routes';
import { editingRoutes } from './editing';
import { screenRoutes } from './screen-routes';
import { judgeAccessRoutes } from './judge-access-routes';
import { backupRoutes } from './backup-routes';
import { archiveRoutes } from './archive-routes';
import { venueBundleRoutes } from './venue-bundle';
import { tokenRoutes } from './token-routes';
import { judgeRoutes } from './judge-routes';
import { openApiRoutes } from './openapi-routes';
import { hostInfoRoutes } from './host-info-routes';
import { classReportRoutes } from './class-report-routes';

export { routePath, type Method, type RouteDef } from './contract-types';

/** API v1: every route, its schemas and who may call it. The server and the client are both typed from this. */
export const contract = {
  health: { method: 'GET', path: '/api/health', scopes: ['public'], response: Health },

  listEvents: { method: 'GET', path: '/api/events', scopes: ['admin'], response: z.array(Event) },
  createEvent: {
    method: 'POST',
    path: '/api/events',
    scopes: ['admin'],
    body: EventCreate,
    response: Event,
    status: 201,
  },
  getEvent: { method: 'GET', path: '/api/events/:id', scopes: ['admin'], params: EventParams, response: Event },
  publicEvent: {
    method: 'GET',
    path: '/api/public/events/:id',
    scopes: ['public'],
    params: EventParams,
    response: PublicEvent,
  },

  listParticipants: {
    method: 'GET',
    path: '/api/events/:id/participants',
    scopes: ['admin'],
    params: EventParams,
    query: ParticipantListQuery,
    response: z.array(Participant),
  },
  createParticipant: {
    method: 'POST',
    path: '/api/events/:id/participants',
    scopes: ['admin'],
    params: EventParams,
    body: ParticipantCreate,
    response: Participant,
    status: 201,
  },

  updateParticipant: {
    method: 'PUT',
    path: '/api/events/:id/participants/:pid',
    scopes: ['admin'],
    params: ParticipantParams,
    body: ParticipantCreate,
    response: Participant,
  },
  deleteParticipant: {
    method: 'DELETE',
    path: '/api/events/:id/participants/:pid',
    scopes: ['admin'],
    params: ParticipantParams,
    response: z.object({ ok: z.literal(true) }),
  },
  importParticipants: {
    method: 'POST',
    path: '/api/events/:id/participants/import',
    scopes: ['admin'],
    params: EventParams,
    query: ImportQuery,
    body: RawUpload,
    response: ImportResult,
  },

  getRubric: {
    method: 'GET',
    path: '/api/events/:id/rubric',
    scopes: ['admin'],
    params: EventParams,
    response: RubricState.nullable(),
  },
  putRubric: {
    method: 'PUT',
    path: '/api/events/:id/rubric',
    scopes: ['admin'],
    params: EventParams,
    body: RubricInput,
    response: RubricState,
  },
  unfreezeRubric: {
    method: 'POST',
    path: '/api/events/:id/rubric/unfreeze',
    scopes: ['admin'],
    params: EventParams,
    body: UnfreezeInput,
    response: RubricState,
  },

  listJudges: {
    method: 'GET',
    path: '/api/events/:id/judges',
    scopes: ['admin'],
    params: EventParams,
    response: z.array(Judge),
  },
  createJudge: {
    method: 'POST',
    path: '/api/events/:id/judges',
    scopes: ['admin'],
    params: EventParams,
    body: JudgeCreate,
    response: IssuedJudge,
    status: 201,
  },
  updateJudge: {
    method: 'PUT',
    path: '/api/events/:id/judges/:jid',
    scopes: ['admin'],
    params: JudgeParams,
    body: JudgeCreate,
    response: Judge,
  },
  setConflicts: {
    method: 'PUT',
    path: '/api/events/:id/judges/:jid/conflicts',
    scopes: ['admin'],
    params: JudgeParams,
    body: ConflictsInput,
    response: Judge,
  },

  draw: {
    method: 'POST',
    path: '/api/events/:id/draw',
    scopes: ['admin'],
    params: EventParams,
    body: DrawInput,
    response: DrawResult,
  },
  setOrder: {
    method: 'PUT',
    path: '/api/events/:id/order',
    scopes: ['admin'],
    params: EventParams,
    body: OrderInput,
    response: OrderResult,
  },

  listPerformances: {
    method: 'GET',
    path: '/api/events/:id/performances',
    scopes: ['admin'],
    params: EventParams,
    response: z.array(Performance),
  },
  start: {
    method: 'POST',
    path: '/api/events/:id/performances/:pid/start',
    scopes: ['admin'],
    params: PerformanceParams,
    response: Performance,
  },
  finish: {
    method: 'POST',
    path: '/api/events/:id/performances/:pid/finish',
    scopes: ['admin'],
    params: PerformanceParams,
    response: Performance,
  },
  lock: {
    method: 'POST',
    path: '/api/events/:id/performances/:pid/lock',
    scopes: ['admin'],
    params: PerformanceParams,
    body: LockInput,
    response: Performance,
  },
  reveal: {
    method: 'POST',
    path: '/api/events/:id/performances/:pid/reveal',
    scopes: ['admin'],
    params: PerformanceParams,
    response: Performance,
  },
  setDeduction: {
    method: 'PUT',
    path: '/api/events/:id/performances/:pid/deduction',
    scopes: ['admin'],
    params: PerformanceParams,
    body: DeductionInput,
    response: Performance,
  },
  correctScore: {
    method: 'PUT',
    path: '/api/events/:id/performances/:pid/scores/:jid',
    scopes: ['admin'],
    params: CorrectionParams,
    body: CorrectionInput,
    response: ScoreAccepted,
  },
  judgeSheets: {
    method: 'GET',
    path: '/api/events/:id/performances/:pid/scores',
    scopes: ['admin'],
    params: PerformanceParams,
    response: z.array(JudgeSheet),
  },
  audit: {
    method: 'GET',
    path: '/api/events/:id/audit',
    scopes: ['admin'],
    params: EventParams,
    response: z.array(AuditEntry),
  },

  ...judgeRoutes,

  ranking: {
    method: 'GET',
    path: '/api/events/:id/ranking',
    scopes: ['admin'],
    params: EventParams,
    response: Ranking,
  },
  publicRanking: {
    method: 'GET',
    path: '/api/public/events/:id/ranking',
    scopes: ['public'],
    params: EventParams,
    response: PublicRanking,
  },
  publicShow: {
    method: 'GET',
    path: '/api/public/events/:id/show',
    scopes: ['public'],
    params: EventParams,
    response: PublicShow,
  },
  getAwards: {
    method: 'GET',
    path: '/api/events/:id/awards',
    scopes: ['admin'],
    params: EventParams,
    response: Awards,
  },
  setAwards: {
    method: 'POST',
    path: '/api/events/:id/awards',
    scopes: ['admin'],
    params: EventParams,
    body: AwardsInput,
    response: Awards,
  },

  resultsXlsx: {
    method: 'GET',
    path: '/api/events/:id/results.xlsx',
    scopes: ['admin'],
    params: EventParams,
    response: 'binary',
  },
  resultsPdf: {
    method: 'GET',
    path: '/api/events/:id/results.pdf',
    scopes: ['admin'],
    params: EventParams,
    response: 'binary',
  },
  judgeSheetsPdf: {
    method: 'GET',
    path: '/api/events/:id/sheets/judges.pdf',
    scopes: ['admin'],
    params: EventParams,
    query: JudgeSheetsQuery,
    response: 'binary',
  },

  certificatesPdf: {
    method: 'GET',
    path: '/api/events/:id/certificates.pdf',
    scopes: ['admin'],
    params: EventParams,
    query: CertificatesQuery,
    response: 'binary',
  },
  certificateRecipients: {
    method: 'GET',
    path: '/api/events/:id/certificates/:kind/recipients',
    scopes: ['admin'],
    params: CertificateKindParams,
    response: CertificateRecipients,
  },
  getCertificateTemplate: {
    method: 'GET',
    path: '/api/events/:id/certificates/:kind/template',
    scopes: ['admin'],
    params: CertificateKindParams,
    response: CertificateTemplateState,
  },
  putCertificateTemplate: {
    method: 'PUT',
    path: '/api/events/:id/certificates/:kind/template',
    scopes: ['admin'],
    params: CertificateKindParams,
    body: CertificateTemplate,
    response: CertificateTemplateState,
  },
  previewCertificate: {
    method: 'POST',
    path: '/api/events/:id/certificates/:kind/preview',
    scopes: ['admin'],
    params: CertificateKindParams,
    body: PreviewInput,
    response: CertificatePreview,
  },
  getCertificateImage: {
    method: 'GET',
    path: '/api/events/:id/certificates/:kind/images/:role',
    scopes: ['admin'],
    params: CertificateImageParams,
    response: 'binary',
  },
  putCertificateImage: {
    method: 'PUT',
    path: '/api/events/:id/certificates/:kind/images/:role',
    scopes: ['admin'],
    params: CertificateImageParams,
    body: ImageUpload,
    response: CertificateTemplateState,
  },
  deleteCertificateImage: {
    method: 'DELETE',
    path: '/api/events/:id/certificates/:kind/images/:role',
    scopes: ['admin'],
    params: CertificateImageParams,
    response: CertificateTemplateState,
  },
  getCertificateOffset: {
    method: 'GET',
    path: '/api/events/:id/certificates/offset',
    scopes: ['admin'],
    params: EventParams,
    response: PrinterOffset,
  },
  putCertificateOffset: {
    method: 'PUT',
    path: '/api/events/:id/certificates/offset',
    scopes: ['admin'],
    params: EventParams,
    body: PrinterOffset,
    response: PrinterOffset,
  },
  certificateCalibration: {
    method: 'GET',
    path: '/api/events/:id/certificates/calibration.pdf',
    scopes: ['admin'],
    params: EventParams,
    query: CalibrationQuery,
    response: 'binary',
  },
  certificateRegister: {
    method: 'GET',
    path: '/api/events/:id/certificates/register.xlsx',
    scopes: ['admin'],
    params: EventParams,
    response: 'binary',
  },

  getNetwork: { method: 'GET', path: '/api/host/network', scopes: ['admin'], response: Network },
  setNetwork: { method: 'PUT', path: '/api/host/network', scopes: ['admin'], body: NetworkUpdate, response: Network },
  backup: { method: 'GET', path: '/api/host/backup', scopes: ['admin'], response: 'binary' },

  ...trainingRoutes,
  ...openApiRoutes,
  ...hostInfoRoutes,
  ...evaluationRoutes,
  ...groupsRoutes,
  ...editingRoutes,
  ...screenRoutes,
  ...judgeAccessRoutes,
  ...backupRoutes,
  ...archiveRoutes,
  ...venueBundleRoutes,
  ...tokenRoutes,
  ...classReportRoutes,
  ...reflectionsRoutes,
} as const satisfies Record<string, RouteDef>;

export type Contract = typeof contract;
export type RouteName = keyof Contract;

type Field<R, K extends string> = R extends { [P in K]: infer S } ? (S extends z.ZodType ? S : never) : never;

/** What a caller sends for a route (schema inputs). */
export type RouteInput<N extends RouteName> = {
  [K in 'params' | 'query' | 'body' as Field<Contract[N], K> extends never ? never : K]: z.input<Field<Contract[N], K>>;
};
/** What the server hands its handler (schema outputs, already parsed). */
export type RouteArgs<N extends RouteName> = {
  [K in 'params' | 'query' | 'body' as Field<Contract[N], K> extends never ? never : K]: z.output<
    Field<Contract[N], K>
  >;
};
export type RouteOutput<N extends RouteName> = Contract[N]['response'] extends z.core.$ZodType
  ? z.output<Contract[N]['response']>
  : Uint8Array;

/** A file a route answers with: the bytes, the name the user sees (Chinese is fine), its media type. */
export interface FileAnswer {
  data: Uint8Array;
  fileName: string;
  contentType: string;
}
/** What a handler returns: the JSON answer, or a file for `'binary'` routes. */
export type HandlerOutput<N extends RouteName> = Contract[N]['response'] extends z.core.$ZodType
  ? z.output<Contract[N]['response']>
  : FileAnswer;

export function isRouteName(value: string): value is RouteName {
  // Not Object.hasOwn: it runs as the page loads, and WeChat on iOS 14 (Safari 14) has no Object.hasOwn.
  return Object.prototype.hasOwnProperty.call(contract, value);
}

export const routeNames: RouteName[] = Object.keys(contract).filter(isRouteName);
