import { describe, expect } from 'vitest';
import { AuditEntry, Ranking, RubricAudit, RubricState, type RubricInput } from '../../shared/api/contest';
import { ErrorBody } from '../../shared/api/errors';
import { contestWith, nextSubmission, ok, type ContestSetUp } from '../support/contest';
import { withHost, type TestHost } from '../support/host';
import { totalRubric } from '../support/rubrics';

// Three judges give 87.6, 87.7, 87.7: the mean 87.666… shows 87.67 with 2 decimals and 87.7 with 1 (the case).
const rubric = totalRubric({ step: 0.1 });
const sheets = [87.6, 87.7, 87.7];

const err = (body: unknown) => ErrorBody.parse(body).error;

async function contest(t: TestHost): Promise<ContestSetUp> {
  return contestWith(t, { speakers: ['张经天', '叶颖华'], judges: ['王评委', '李评委', '张评委'], rubric });
}

/** The speaker started, scored by every judge, and locked, as on the day. */
async function scoreAndLock(t: TestHost, c: ContestSetUp, index: number): Promise<void> {
  const pid = c.speakers[index]!.id;
  await ok(t.call('POST', `/api/events/${c.eventId}/performances/${pid}/start`), 'start');
  for (const [i, judge] of c.judges.entries()) {
    const body = { scores: { total: sheets[i] }, submissionId: nextSubmission('rules') };
    await ok(t.call('PUT', `/api/judge/scores/${pid}`, { token: judge.token, body }), 'score');
  }
  await ok(t.call('POST', `/api/events/${c.eventId}/performances/${pid}/lock`, { body: {} }), 'lock');
}

const put = (t: TestHost, c: ContestSetUp, body: RubricInput, lang?: string) =>
  t.call('PUT', `/api/events/${c.eventId}/rubric`, { body, lang });

async function finalOf(t: TestHost, c: ContestSetUp): Promise<string | undefined> {
  const ranking = Ranking.parse((await t.call('GET', `/api/events/${c.eventId}/ranking`)).body);
  return ranking.rows.find((r) => r.participantId === c.speakers[0]!.id)?.final;
}

async function auditOf(t: TestHost, c: ContestSetUp): Promise<AuditEntry[]> {
  return AuditEntry.array().parse((await t.call('GET', `/api/events/${c.eventId}/audit`)).body);
}

describe('rules frozen once a speaker is locked', () => {
  withHost('before any lock the rules change freely; after one, what changes results is refused', async ({ t }) => {
    const c = await contest(t);
    expect(RubricState.parse((await t.call('GET', `/api/events/${c.eventId}/rubric`)).body)).toMatchObject({
      frozen: false,
      unfrozen: false,
    });
    await scoreAndLock(t, c, 0);
    expect(await finalOf(t, c)).toBe('87.67');
    expect(RubricState.parse((await t.call('GET', `/api/events/${c.eventId}/rubric`)).body).frozen).toBe(true);

    const decimals = await put(t, c, { ...rubric, decimals: 1 });
    expect(decimals.status).toBe(409);
    expect(err(decimals.body).code).toBe('rules_frozen');
    expect(err(decimals.body).message).toContain('“保留小数”');
    expect(err(decimals.body).message).toContain('解除锁定');
    const english = await put(t, c, { ...rubric, decimals: 1 }, 'en');
    expect(err(english.body).message).toContain('"Decimals"');
    expect(err(english.body).message).toContain('press "Unlock"');

    for (const change of [
      totalRubric({ step: 0.1, max: 120 }),
      totalRubric({ step: 0.5 }),
      { ...rubric, aggregation: { method: 'median' as const, dropHighest: 0, dropLowest: 0 } },
      { ...rubric, tieBreak: ['raw-mean'] },
    ]) {
      const r = await put(t, c, change);
      expect(r.status, JSON.stringify(change)).toBe(409);
      expect(err(r.body).code).toBe('rules_frozen');
    }
    expect(await finalOf(t, c)).toBe('87.67');

    // A misspelt criterion name or the speech timer leave every result as it is: they may still change.
    const renamed = await put(t, c, {
      ...totalRubric({ step: 0.1, name: '综合得分' }),
      timer: { greenAt: 0, amberAt: 240, redAt: 300, overtimeDeductionPerMinute: 0 },
    });
    expect(renamed.status).toBe(200);
    expect(RubricState.parse(renamed.body)).toMatchObject({ frozen: true, criteria: [{ name: '综合得分' }] });
  });

  withHost('解除锁定 takes a reason, is audited, allows one edit, and the ranking follows it', async ({ t }) => {
    const c = await contest(t);
    const early = await t.call('POST', `/api/events/${c.eventId}/rubric/unfreeze`, { body: { reason: '试一下' } });
    expect(early.status).toBe(409);
    expect(err(early.body).message).toBe('还没有选手锁定评分，评分规则可以直接修改，不需要解除锁定。');
    await scoreAndLock(t, c, 0);

    const noReason = await t.call('POST', `/api/events/${c.eventId}/rubric/unfreeze`, { body: { reason: ' ' } });
    expect(noReason.status).toBe(400);
    expect(err(noReason.body).field).toBe('reason');
    expect(err(noReason.body).message).toContain('解除锁定的原因');

    const reason = '细则规定保留一位小数，经主评委同意更正';
    const unfreeze = await t.call('POST', `/api/events/${c.eventId}/rubric/unfreeze`, { body: { reason } });
    expect(unfreeze.status).toBe(200);
    expect(RubricState.parse(unfreeze.body)).toMatchObject({ frozen: false, unfrozen: true });
    const unfrozen = (await auditOf(t, c)).find((e) => e.action === 'unfreeze');
    expect(unfrozen).toMatchObject({ actor: 'admin', reason });

    const saved = await put(t, c, { ...rubric, decimals: 1 });
    expect(saved.status).toBe(200);
    expect(RubricState.parse(saved.body)).toMatchObject({ decimals: 1, frozen: true, unfrozen: false });
    expect(await finalOf(t, c)).toBe('87.7');

    // The audit log says what changed, not the whole rubric twice.
    const edit = (await auditOf(t, c)).find((e) => e.action === 'rubric' && e.at >= (unfrozen?.at ?? ''));
    expect(edit?.before).toBeNull();
    expect(RubricAudit.parse(edit?.after).changes).toEqual([{ field: 'decimals', before: 2, after: 1 }]);

    // One edit: the next one needs another 解除锁定.
    const again = await put(t, c, rubric);
    expect(err(again.body).code).toBe('rules_frozen');
    expect(await finalOf(t, c)).toBe('87.7');
  });

  withHost('a 解除锁定 lapses when another speaker is locked before the edit is saved', async ({ t }) => {
    const c = await contest(t);
    await scoreAndLock(t, c, 0);
    await ok(t.call('POST', `/api/events/${c.eventId}/rubric/unfreeze`, { body: { reason: '改小数位' } }), 'unfreeze');
    await scoreAndLock(t, c, 1);
    expect(RubricState.parse((await t.call('GET', `/api/events/${c.eventId}/rubric`)).body)).toMatchObject({
      frozen: true,
      unfrozen: false,
    });
    expect(err((await put(t, c, { ...rubric, decimals: 1 })).body).code).toBe('rules_frozen');
  });
});
