import { contract } from '../../shared/api/contract';
import type { Network } from '../../shared/api/host';
import { openApiDocument, type OpenApiDocument } from '../../shared/api/openapi';
import { todayIso } from '../../shared/domain/dates';
import { translate } from '../../shared/i18n';
import type { Services } from '../services';
import type { Actor } from '../services/training';
import { AppError } from '../errors';
import type { Handlers, RequestContext } from './server';

/** What the routes need of the host itself (not of the event data). */
export interface HostControls {
  version: string;
  /** The data folder, shown in 设置/关于. */
  dataDir: string;
  network(): Network;
  /** Switches the LAN; the server is rebound after the answer is sent. */
  setLan(lan: boolean): Promise<void>;
  networkIf(lan: boolean): Network;
}

/** Judge routes are only reachable with a judge token (the route's scopes say so). */
function judgeIdOf(ctx: RequestContext): number {
  if (ctx.principal.scope !== 'judge') throw new AppError('forbidden', 'error.forbidden');
  return ctx.principal.judgeId;
}

/** A desk token works for its own class only; the admin's for every event. */
function deskMayUse(ctx: RequestContext, eventId: number): void {
  if (ctx.principal.scope === 'desk' && ctx.principal.eventId !== eventId)
    throw new AppError('forbidden', 'error.forbidden');
}

/** Who made a check-in: the console or a desk (kept in the attendance record and the audit log). */
function actorOf(ctx: RequestContext, eventId: number): Actor {
  deskMayUse(ctx, eventId);
  return ctx.principal.scope === 'desk'
    ? { actor: `desk:${ctx.principal.deskId}`, deskId: ctx.principal.deskId }
    : { actor: 'admin', deskId: null };
}

/** API v1, route by route: each one a call into a service. */
export function createHandlers(services: Services, host: HostControls): Handlers {
  // Made on the first request: the contract does not change while the host runs.
  let document: OpenApiDocument | undefined;
  return {
    health: () => ({ ok: true, version: host.version }),
    openApi: () => (document ??= openApiDocument(contract, host.version)),
    hostAbout: (_args, ctx) => {
      const backups = services.backup.list();
      return {
        version: host.version,
        dataDir: host.dataDir,
        backupFolder: services.backup.folder(ctx.locale).folder,
        lastBackupAt: backups[0]?.at ?? null,
      };
    },
    loadDemo: () => ({ added: services.loadDemo() }),

    listEvents: () => services.events.list(),
    createEvent: ({ body }) => services.events.create(body),
    getEvent: ({ params }) => services.events.get(params.id),
    deleteEvent: ({ params }) => services.events.remove(params.id),
    eventRemoval: ({ params }) => services.events.removal(params.id),
    publicEvent: ({ params }) => services.events.get(params.id),

    listParticipants: ({ params, query }) => services.participants.list(params.id, query.sort),
    createParticipant: ({ params, body }) => services.participants.create(params.id, body),
    updateParticipant: ({ params, body }) => services.participants.update(params.id, params.pid, body),
    deleteParticipant: ({ params }) => {
      services.participants.remove(params.id, params.pid);
      return { ok: true };
    },
    participantRemoval: ({ params }, ctx) => services.participants.removal(params.id, params.pid, ctx.locale),
    importParticipants: ({ params, query, body }, ctx) =>
      services.registration.importUpload(params.id, body, {
        dryRun: query.dryRun,
        mapping: query.mapping,
        locale: ctx.locale,
      }),

    getRubric: ({ params }) => services.contest.rubric(params.id),
    putRubric: ({ params, body }) => services.contest.putRubric(params.id, body),
    unfreezeRubric: ({ params, body }) => services.contest.unfreezeRubric(params.id, body.reason),
    listJudges: ({ params }) => services.contest.judges(params.id),
    createJudge: ({ params, body }) => services.contest.createJudge(params.id, body),
    updateJudge: ({ params, body }) => services.contest.updateJudge(params.id, params.jid, body),
    deleteJudge: ({ params, query }) => {
      services.contest.deleteJudge(params.id, params.jid, query.force);
      return { ok: true };
    },
    setConflicts: ({ params, body }) => services.contest.setConflicts(params.id, params.jid, body.participantIds),
    reissueJudgeToken: ({ params }) => services.contest.reissueJudgeLink(params.id, params.jid),
    revokeJudgeToken: ({ params }) => services.contest.revokeJudgeLink(params.id, params.jid),
    draw: ({ params, body }) => services.contest.draw(params.id, body.seed),
    setOrder: ({ params, body }) => services.contest.setOrder(params.id, body.order),
    listPerformances: ({ params }) => services.contest.performances(params.id),
    start: ({ params }) => services.contest.start(params.id, params.pid),
    finish: ({ params }) => services.contest.finish(params.id, params.pid),
    lock: ({ params, body }) => services.contest.lock(params.id, params.pid, body),
    reveal: ({ params }) => services.contest.reveal(params.id, params.pid),
    setDeduction: ({ params, body }) => services.contest.setDeduction(params.id, params.pid, body.points, body.reason),
    correctScore: ({ params, body }) =>
      services.contest.correctScore(params.id, params.pid, params.jid, body.scores, body.reason),
    judgeSheets: ({ params }) => services.contest.judgeSheets(params.id, params.pid),
    audit: ({ params }) => services.contest.auditLog(params.id),
    judgeState: (_args, ctx) => services.contest.judgeState(judgeIdOf(ctx)),
    submitScore: ({ params, body }, ctx) =>
      services.contest.submitScore(judgeIdOf(ctx), params.pid, body.scores, body.submissionId),
    ranking: ({ params }) => services.contest.ranking(params.id),
    publicRanking: ({ params }) => services.contest.publicRanking(params.id),
    publicShow: ({ params }) => services.contest.show(params.id),
    getScreen: ({ params }) => services.contest.screen(params.id),
    setScreen: ({ params, body }) => services.contest.setScreen(params.id, body),
    getAwards: ({ params }) => services.contest.awards(params.id),
    setAwards: ({ params, body }) => services.contest.setAwards(params.id, body.tiers),
    resultsXlsx: ({ params }, ctx) => services.results.workbook(params.id, ctx.locale),
    resultsPdf: ({ params }, ctx) => services.results.resultsTable(params.id, ctx.locale),
    judgeSheetsPdf: ({ params, query }, ctx) => services.results.judgeSheets(params.id, query, ctx.locale),

    certificatesPdf: ({ params, query }, ctx) =>
      services.certificates.pdf(params.id, query.kind, query.participantId, ctx.locale, query.only),
    certificateRecipients: ({ params }, ctx) => services.certificates.recipients(params.id, params.kind, ctx.locale),
    getCertificateTemplate: ({ params }) => services.certificates.template(params.id, params.kind),
    putCertificateTemplate: ({ params, body }) => services.certificates.putTemplate(params.id, params.kind, body),
    previewCertificate: ({ params, body }) => services.certificates.preview(params.id, params.kind, body.template),
    getCertificateImage: ({ params }) => services.certificates.image(params.id, params.kind, params.role),
    putCertificateImage: ({ params, body }) =>
      services.certificates.setImage(params.id, params.kind, params.role, body),
    deleteCertificateImage: ({ params }) => services.certificates.removeImage(params.id, params.kind, params.role),
    getCertificateOffset: ({ params }) => services.certificates.offset(params.id),
    putCertificateOffset: ({ params, body }) => services.certificates.setOffset(params.id, body),
    certificateCalibration: ({ params, query }, ctx) =>
      services.certificates.calibration(params.id, query.kind, ctx.locale),
    certificateRegister: ({ params }, ctx) => services.certificates.registerXlsx(params.id, ctx.locale),

    updateEvent: ({ params, body }) => services.events.update(params.id, body),
    listVenues: ({ params }) => services.training.venues(params.id),
    createVenue: ({ params, body }) => services.training.createVenue(params.id, body),
    updateVenue: ({ params, body }) => services.training.updateVenue(params.id, params.vid, body),
    deleteVenue: ({ params }) => services.training.removeVenue(params.id, params.vid),
    listSessions: ({ params }, ctx) => {
      deskMayUse(ctx, params.id);
      return services.training.sessions(params.id);
    },
    createSession: ({ params, body }) => services.training.createSession(params.id, body),
    updateSession: ({ params, body }) => services.training.updateSession(params.id, params.sid, body),
    deleteSession: ({ params }) => services.training.removeSession(params.id, params.sid),
    listDesks: ({ params }) => services.training.desks(params.id),
    createDesk: ({ params, body }) => services.training.createDesk(params.id, body.name),
    deleteDesk: ({ params }) => services.training.revokeDesk(params.id, params.did),
    checkin: ({ params, body }, ctx) => services.training.checkin(params.id, params.sid, body, actorOf(ctx, params.id)),
    undoCheckin: ({ params }, ctx) =>
      services.training.undoCheckin(params.id, params.sid, params.pid, actorOf(ctx, params.id)),
    checkinRoster: ({ params, query }, ctx) => {
      deskMayUse(ctx, params.id);
      return services.training.roster(params.id, query.session);
    },
    setAttendance: ({ params, body }) => services.training.setAttendance(params.id, params.sid, params.pid, body),
    selfCheckin: ({ params, body }) => services.training.setSelfCheckin(params.id, params.sid, body),
    publicCheckinSession: ({ params }) => services.training.publicSession(params.code),
    publicCheckin: ({ params, body }, ctx) => services.training.publicCheckin(params.code, body, ctx.clientAddress),
    publicCheckinDisplay: ({ params }) => services.training.publicDisplay(params.id),
    attendance: ({ params }) => services.training.attendance(params.id),
    attendanceXlsx: ({ params }, ctx) => services.trainingDocuments.attendanceXlsx(params.id, ctx.locale),
    schedulePdf: ({ params }, ctx) => services.trainingDocuments.schedulePdf(params.id, ctx.locale),
    scheduleXlsx: ({ params }, ctx) => services.trainingDocuments.scheduleXlsx(params.id, ctx.locale),
    signinSheetPdf: ({ params, query }, ctx) =>
      services.trainingDocuments.signinSheetPdf(params.id, query.session, ctx.locale),
    getCompletion: ({ params }) => services.training.completion(params.id),
    putCompletion: ({ params, body }) => services.training.putCompletion(params.id, body),
    getEvaluation: ({ params }) => services.evaluations.evaluationState(params.id, params.sid),
    setEvaluation: ({ params, body }) => services.evaluations.setEvaluation(params.id, params.sid, body),
    publicEvaluationForm: ({ params }, ctx) =>
      services.evaluations.publicEvaluationForm(params.code, ctx.clientAddress),
    publicEvaluationAnswer: ({ params, body }, ctx) =>
      services.evaluations.publicEvaluationAnswer(params.code, body, ctx.clientAddress),
    publicEvaluationDisplay: ({ params }) => services.evaluations.publicEvaluationDisplay(params.id),
    evaluations: ({ params }) => services.evaluations.evaluations(params.id),
    teacherEvaluations: ({ params }) => services.evaluations.teacherEvaluations(params.id),
    evaluationsXlsx: ({ params }, ctx) => services.evaluations.evaluationsXlsx(params.id, ctx.locale),
    studyCounts: ({ params }) => services.studyCounts.studyCounts(params.id),
    studyCountsXlsx: ({ params }, ctx) => services.studyCounts.studyCountsXlsx(params.id, ctx.locale),
    classReportPdf: ({ params }, ctx) => services.classReport.classReportPdf(params.id, ctx.locale),
    classReportXlsx: ({ params }, ctx) => services.classReport.classReportXlsx(params.id, ctx.locale),
    listReflectionAssignments: ({ params }) => services.reflections.assignments(params.id),
    createReflectionAssignment: ({ params, body }) => services.reflections.createAssignment(params.id, body),
    updateReflectionAssignment: ({ params, body }) =>
      services.reflections.updateAssignment(params.id, params.aid, body),
    deleteReflectionAssignment: ({ params }) => services.reflections.removeAssignment(params.id, params.aid),
    listReflections: ({ params, query }) => services.reflections.reflections(params.id, query),
    enterReflection: ({ params, body }, ctx) => {
      const entered = services.reflections.enterReflection(params.id, body);
      if (!entered.created) ctx.answerStatus(200);
      return entered.reflection;
    },
    markReflection: ({ params, body }) => services.reflections.markReflection(params.id, params.rid, body.excellent),
    reflectionsPdf: ({ params, query }, ctx) =>
      services.reflections.booklet(params.id, query.assignment, query.excellent, ctx.locale),
    reflectionsXlsx: ({ params, query }, ctx) => services.reflections.workbook(params.id, query.assignment, ctx.locale),
    publicReflectionAssignment: ({ params }) => services.reflections.publicAssignment(params.code),
    publicReflection: ({ params, body }, ctx) => {
      const handedIn = services.reflections.publicReflection(params.code, body, ctx.clientAddress);
      if (!handedIn.created) ctx.answerStatus(200);
      return handedIn.receipt;
    },
    assignGroups: ({ params, body }, ctx) => services.groups.assignGroups(params.id, body, ctx.locale),
    listGroups: ({ params }) => services.groups.listGroups(params.id),
    groupAssignment: ({ params }) => services.groups.groupAssignment(params.id),
    createGroup: ({ params, body }, ctx) => services.groups.createGroup(params.id, body.name, ctx.locale),
    updateGroup: ({ params, body }) => services.groups.updateGroup(params.id, params.gid, body),
    deleteGroup: ({ params }) => services.groups.removeGroup(params.id, params.gid),
    moveGroupMember: ({ params, body }) => services.groups.moveGroupMember(params.id, params.pid, body.groupId),
    listGroupRecords: ({ params }) => services.groups.listGroupRecords(params.id, params.sid),
    putGroupRecord: ({ params, body }) => services.groups.putGroupRecord(params.id, params.sid, params.gid, body),
    deleteGroupRecord: ({ params }) => services.groups.deleteGroupRecord(params.id, params.sid, params.gid),
    groupRecordLink: ({ params }) => services.groups.groupRecordLink(params.id, params.sid),
    setGroupRecordLink: ({ params, body }) => services.groups.setGroupRecordLink(params.id, params.sid, body.open),
    publicGroupRecordSession: ({ params }) => services.groups.publicGroupRecordSession(params.code),
    publicGroupRecord: ({ params, body }, ctx) =>
      services.groups.publicGroupRecord(params.code, body, ctx.clientAddress),
    groupsPdf: ({ params }, ctx) => services.groupsDocuments.groupsPdf(params.id, ctx.locale),
    tableCardsPdf: ({ params, query }, ctx) =>
      services.groupsDocuments.tableCardsPdf(params.id, query.kind ?? 'group', ctx.locale),

    getVenueAddress: () => services.join.venue(),
    setVenueAddress: ({ body }) => services.join.setVenueAddress(body.address),
    publicJoin: ({ body }, ctx) => services.join.publicJoin(body.code, ctx.clientAddress),
    getNetwork: () => host.network(),
    setNetwork: ({ body }, ctx) => {
      ctx.afterResponse(() => host.setLan(body.lan));
      return host.networkIf(body.lan);
    },
    exportArchive: ({ params }, ctx) => services.archive.exportArchive(params.id, ctx.locale),
    importArchive: ({ body }, ctx) => {
      const imported = services.archive.importArchive(body);
      if (!imported.created) ctx.answerStatus(200);
      return { eventId: imported.eventId };
    },
    exportVenueBundle: ({ params, query }, ctx) =>
      services.venueBundles.exportBundle(params.id, query.venue, ctx.locale),
    importVenueBundle: ({ params, body }, ctx) => {
      const merged = services.venueBundles.importBundle(params.id, body);
      if (merged.already) ctx.answerStatus(200);
      return merged;
    },
    getLocalVenue: ({ params }) => services.venueBundles.localVenue(params.id),
    setLocalVenue: ({ params, body }) => services.venueBundles.setLocalVenue(params.id, body.venueId),
    subVenues: ({ params }) => services.venueBundles.overview(params.id),
    listBackups: () => services.backup.list(),
    takeBackup: () => services.backup.take(),
    restoreBackup: ({ params }) => services.backup.restore(params.name),
    getBackupFolder: (_args, ctx) => services.backup.folder(ctx.locale),
    setBackupFolder: ({ body }, ctx) => services.backup.setFolder(body.folder, ctx.locale),
    backup: (_args, ctx) => ({
      data: services.backup.snapshot(),
      fileName: translate(ctx.locale, 'console.backupFileName', { date: todayIso() }),
      contentType: 'application/vnd.sqlite3',
    }),
  };
}
