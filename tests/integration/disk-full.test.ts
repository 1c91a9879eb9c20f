import { describe, expect } from 'vitest';
import { AuditEntry, JudgeSheet } from '../../shared/api/contest';
import { ErrorBody } from '../../shared/api/errors';
import { contestWith, nextSubmission, ok } from '../support/contest';
import { withHost, type TestHost } from '../support/host';
import { totalRubric } from '../support/rubrics';

// A full disk, for real: SQLite refuses to grow the database past `max_page_count` with SQLITE_FULL, exactly as when
// the disk has no room left. The judge gets a sentence that says so, not "internal", and nothing is half-written.

const audit = async (t: TestHost, eventId: number) =>
  AuditEntry.array().parse((await t.call('GET', `/api/events/${eventId}/audit`)).body);
const sheets = async (t: TestHost, eventId: number, pid: number) =>
  JudgeSheet.array().parse((await t.call('GET', `/api/events/${eventId}/performances/${pid}/scores`)).body);

describe('a full disk', () => {
  withHost('a score that finds the disk full gets 507 with a sentence, and nothing of it is saved', async ({ t }) => {
    const c = await contestWith(t, { speakers: ['张经天'], judges: ['王评委'], rubric: totalRubric() });
    const pid = c.speakers[0]!.id;
    await ok(t.call('POST', `/api/events/${c.eventId}/performances/${pid}/start`), 'start');
    const judge = c.judges[0]!;
    const put = (total: number, submissionId: string, lang?: string) =>
      t.call('PUT', `/api/judge/scores/${pid}`, {
        token: judge.token,
        body: { scores: { total }, submissionId },
        ...(lang ? { lang } : {}),
      });

    // The database may not grow any more: the judge revises the sheet until a write needs a page it cannot have.
    t.host.db.pragma(`max_page_count = ${Number(t.host.db.pragma('page_count', { simple: true }))}`);
    let accepted = 0;
    let refused: { status: number; body: unknown; submissionId: string; total: number } | null = null;
    for (let i = 0; i < 2000 && !refused; i++) {
      const submissionId = nextSubmission('disk-full');
      const total = 50 + (i % 50);
      const before = await audit(t, c.eventId);
      const r = await put(total, submissionId);
      if (r.status === 200) {
        accepted = total;
        continue;
      }
      refused = { ...r, submissionId, total };
      // Nothing of the refused write is in: no audit entry, the sheet is the last accepted one.
      expect(await audit(t, c.eventId)).toEqual(before);
    }
    if (!refused) throw new Error('the database never filled up');
    expect(refused.status).toBe(507);
    expect(ErrorBody.parse(refused.body).error).toEqual({
      code: 'disk_full',
      message: '磁盘已满，这次的修改没有保存。请在这台电脑上腾出磁盘空间（删除不需要的文件），然后再试一次。',
    });
    expect((await sheets(t, c.eventId, pid)).map((s) => s.scores.total)).toEqual([accepted]);
    const en = await put(refused.total, refused.submissionId, 'en');
    expect(ErrorBody.parse(en.body).error.message).toMatch(/^The disk is full, so this change was not saved\./);
    expect(t.host.db.pragma('integrity_check', { simple: true })).toBe('ok');

    // Space freed: the judge page's resend of the same submission goes through, once.
    t.host.db.pragma('max_page_count = 1073741823');
    expect((await put(refused.total, refused.submissionId)).status).toBe(200);
    expect((await put(refused.total, refused.submissionId)).status).toBe(200);
    expect((await sheets(t, c.eventId, pid)).map((s) => s.scores.total)).toEqual([refused.total]);
    const scoresAudited = (await audit(t, c.eventId)).filter((a) => a.action === 'score');
    expect(scoresAudited[0]?.after).toEqual({ total: refused.total * 100 });
  });

  withHost('an admin change that finds the disk full is refused the same way', async ({ t }) => {
    const c = await contestWith(t, { speakers: ['张经天'], rubric: totalRubric() });
    t.host.db.pragma(`max_page_count = ${Number(t.host.db.pragma('page_count', { simple: true }))}`);
    let status = 0;
    let body: unknown = null;
    for (let i = 0; i < 2000 && (status === 0 || status === 201); i++) {
      const r = await t.call('POST', `/api/events/${c.eventId}/participants`, {
        body: { name: `选手${i}`, organization: '辽二居民区'.repeat(20) },
      });
      ({ status, body } = r);
    }
    expect(status).toBe(507);
    expect(ErrorBody.parse(body).error.code).toBe('disk_full');
  });
});
