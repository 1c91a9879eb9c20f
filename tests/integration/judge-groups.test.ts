import { describe, expect } from 'vitest';
import { AuditEntry, Judge, JudgeSheet, Ranking } from '../../shared/api/contest';
import { ErrorBody } from '../../shared/api/errors';
import { contestWith } from '../support/contest';
import { withHost } from '../support/host';
import { totalRubric } from '../support/rubrics';

// 专业评委 70% + 大众评委 30%, with a judge moved into the right group after being added.

const rubric = totalRubric(
  { name: '综合' },
  {
    groups: [
      { key: 'expert', name: '专业评委', weight: 70 },
      { key: 'public', name: '大众评委', weight: 30 },
    ],
  },
);

describe('weighted judge groups', () => {
  withHost(
    'moves a judge to another group (audited), refuses an unknown group, and weights the groups',
    async ({ t }) => {
      const c = await contestWith(t, { event: { title: '分组评分' }, speakers: ['张经天'], rubric });
      const { eventId } = c;
      const speaker = c.speakers[0]!;
      const add = async (name: string, group: string) =>
        Judge.parse((await t.call('POST', `/api/events/${eventId}/judges`, { body: { name, group } })).body);
      const experts = [await add('王专家', 'expert'), await add('李专家', 'expert')];
      // Added to the wrong group by mistake, then moved.
      const audience = await add('赵大众', 'expert');
      const path = `/api/events/${eventId}/judges/${audience.id}`;

      const unknown = await t.call('PUT', path, { body: { name: '赵大众', group: 'vip' } });
      expect(unknown.status).toBe(400);
      expect(ErrorBody.parse(unknown.body).error.field).toBe('group');
      expect(
        (await t.call('PUT', path, { token: audience.token, body: { name: '赵大众', group: 'public' } })).status,
      ).toBe(403);
      const moved = Judge.parse((await t.call('PUT', path, { body: { name: '赵大众', group: 'public' } })).body);
      expect(moved).toMatchObject({ group: 'public', token: audience.token });
      const log = AuditEntry.array().parse((await t.call('GET', `/api/events/${eventId}/audit`)).body);
      expect(log.find((e) => e.action === 'judge' && e.judgeId === audience.id && e.before !== null)).toMatchObject({
        before: { group: 'expert' },
        after: { group: 'public' },
      });

      expect((await t.call('POST', `/api/events/${eventId}/performances/${speaker.id}/start`)).status).toBe(200);
      const scores: Array<[Judge, number]> = [
        [experts[0]!, 90],
        [experts[1]!, 85.5],
        [audience, 70.1],
      ];
      for (const [judge, total] of scores) {
        const r = await t.call('PUT', `/api/judge/scores/${speaker.id}`, {
          token: judge.token,
          body: { scores: { total }, submissionId: `groups-test-${judge.id}` },
        });
        expect(r.status).toBe(200);
      }
      const sheets = JudgeSheet.array().parse(
        (await t.call('GET', `/api/events/${eventId}/performances/${speaker.id}/scores`)).body,
      );
      expect(sheets.map((s) => s.total)).toEqual(['90.00', '85.50', '70.10']);

      // Experts' mean 87.75 × 0.7 = 61.425; public 70.1 × 0.3 = 21.03; 82.455 → 82.46 (half up).
      const row = Ranking.parse((await t.call('GET', `/api/events/${eventId}/ranking`)).body).rows[0];
      expect(row?.final).toBe('82.46');
    },
  );
});
