import * as XLSX from 'xlsx';
import { describe, expect, test } from 'vitest';
import { openDatabase, repositories, type Repositories } from '../../electron/database';
import { registrationService } from '../../electron/services/registration';
import { ImportResult } from '../../shared/api/contest';
import { ErrorBody } from '../../shared/api/errors';
import { Event, Participant } from '../../shared/api/events';
import { tempDir, withHost } from '../support/host';

type Cell = string | number | null | XLSX.CellObject;

/** Real .xlsx bytes, as Excel would save them. */
function xlsx(rows: Cell[][], merges: string[] = []): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet(rows);
  ws['!merges'] = merges.map((range) => XLSX.utils.decode_range(range));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '报名表');
  const out: unknown = XLSX.write(wb, { type: 'array', bookType: 'xlsx' });
  if (!(out instanceof ArrayBuffer)) throw new Error('SheetJS did not write an ArrayBuffer');
  return new Uint8Array(out);
}

/**
 * 8 speakers of the Jiangpu Road contest as a street office would send them, with a duplicate, a row without a name
 * and a ninth person with a bad gender and a bad phone.
 */
const roster = (): Uint8Array =>
  xlsx(
    [
      ['江浦路街道居民区青年干部演讲比赛报名表'], // 1
      ['序号', '姓名', '性别', '居民区', '演讲题目', '手机'], // 2
      [
        1,
        '张 经天',
        '男',
        '陈三居民区',
        '学习《习近平关于基层治理论述摘编》心得感悟',
        { t: 'n', v: 13800138000, z: '0.00E+00' },
      ], // 3
      [2, '叶颖华', '女', '辽二居民区', '学好“枫桥经验”，做好社区工作', '１３９００１３９０００'], // 4
      [3, '刘逸禕', '女', '辽四居民区', '让爱无碍，共建温暖家园', 13700137000], // 5
      [], // 6
      [4, '高苑欣', '女', '大花园居民区', '新进社区的90后居委干部', '136-0013-6000'], // 7
      [5, '李贞', '女', '恒阳居民区', '构建富有活力和效率的新型基层社会治理体系', 13500135000], // 8
      [6, '刘菁', '女', '张家浜居民区', '“136”打通服务居民“最后一公里”', 13400134000], // 9
      [7, '李怡', '女', '又一村居民区', '最安心的港湾', 13300133000], // 10
      [8, '李文渊', '男', '海上源居委会（筹）', '人人参与建设美丽新家园', null], // 11
      [9, '张经天', '男', '陈三居民区', '', 13800138000], // 12: the same person again
      [10, '', '男', '辽四居民区', '', 13200132000], // 13: no name
      [11, '王伟', '未知', '辽四居民区', '', '1320013200x'], // 14: bad gender and bad phone, both left empty
    ],
    ['A1:F1'],
  );

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A fresh host with an empty contest, as `event`: uploading a workbook to it and listing who is registered. */
const withEvent = withHost.extend('event', async ({ t }) => {
  const created = await t.call('POST', '/api/events', {
    body: { title: '江浦路街道居民区青年干部演讲比赛', kind: 'contest', startsOn: '2024-07-03' },
  });
  const eventId = Event.parse(created.body).id;
  return {
    upload: (bytes: Uint8Array, query = '', lang?: string) =>
      t.call('POST', `/api/events/${eventId}/participants/import${query}`, {
        rawBody: bytes,
        contentType: xlsxType,
        lang,
      }),
    participants: async () =>
      Participant.array().parse((await t.call('GET', `/api/events/${eventId}/participants`)).body),
  };
});

describe('import over HTTP', () => {
  withEvent('previews with dryRun=true and writes nothing', async ({ event: { upload, participants } }) => {
    const r = await upload(roster(), '?dryRun=true');
    expect(r.status).toBe(200);
    const result = ImportResult.parse(r.body);
    expect(result).toMatchObject({ created: 9, updated: 0, skipped: 2 });
    expect(result.preview.map((p) => p.row)).toEqual([3, 4, 5, 7, 8, 9, 10, 11, 14]);
    // The preview warns of the same empty fields the import will leave.
    expect(result.warnings.map((w) => [w.row, w.column])).toEqual([
      [14, '性别'],
      [14, '手机'],
    ]);
    expect(result.columns.find((c) => c.header === '序号')).toEqual({ header: '序号', field: null });
    expect(await participants()).toEqual([]);
  });

  withEvent(
    'imports the valid rows, reports duplicates and bad rows by Excel row number, and a second import creates nothing',
    async ({ event: { upload, participants } }) => {
      const r = await upload(roster());
      expect(r.status).toBe(200);
      const result = ImportResult.parse(r.body);
      expect(result.created).toBe(9);
      expect(result.duplicates).toEqual([{ row: 12, name: '张经天', reason: '与第 3 行（张经天）电话相同，已跳过' }]);
      // Only a row without a name is refused.
      expect(result.errors).toEqual([{ row: 13, column: '姓名', message: '姓名为空' }]);
      expect(result.warnings).toEqual([
        { row: 14, column: '性别', message: '性别只能填 男 或 女（现在是“未知”）；该项已留空' },
        { row: 14, column: '手机', message: '电话号码格式不对：“1320013200x”；该项已留空' },
      ]);
      expect(result.skipped).toBe(2);

      const list = await participants();
      expect(list).toHaveLength(9);
      expect(list.find((p) => p.name === '王伟')).toMatchObject({
        organization: '辽四居民区',
        gender: null,
        phone: null,
      });
      expect(list[0]).toMatchObject({
        name: '张经天',
        phone: '13800138000',
        gender: 'male',
        organization: '陈三居民区',
      });
      expect(list.map((p) => p.phone)).toEqual([
        '13800138000',
        '13900139000',
        '13700137000',
        '13600136000',
        '13500135000',
        '13400134000',
        '13300133000',
        null,
        null,
      ]);

      const again = ImportResult.parse((await upload(roster())).body);
      expect(again).toMatchObject({ created: 0, updated: 0, warnings: [] });
      expect(again.duplicates.map((d) => d.row)).toEqual([3, 4, 5, 7, 8, 9, 10, 11, 12, 14]);
      expect(again.duplicates[7]).toEqual({
        row: 11,
        name: '李文渊',
        reason: '李文渊 已报名（姓名、单位相同），已跳过',
      });
      expect(await participants()).toHaveLength(9);
    },
  );

  withEvent(
    'keeps a person with a phone “abc” and gender “未知”, those fields empty, and fills them in when sent again',
    async ({ event: { upload, participants } }) => {
      const sheet = (phone: string, gender: string) =>
        xlsx([
          ['居民区青年干部演讲比赛报名表'],
          ['姓名', '性别', '居民区', '手机'],
          ['刘菁', gender, '张家浜居民区', phone], // 3
          ['', '女', '又一村居民区', '13300133000'], // 4: no name
        ]);
      const result = ImportResult.parse((await upload(sheet('abc', '未知'))).body);
      expect(result).toMatchObject({ created: 1, skipped: 1 });
      expect(result.warnings).toEqual([
        { row: 3, column: '性别', message: '性别只能填 男 或 女（现在是“未知”）；该项已留空' },
        { row: 3, column: '手机', message: '电话号码格式不对：“abc”；该项已留空' },
      ]);
      expect(result.errors).toEqual([{ row: 4, column: '姓名', message: '姓名为空' }]);
      expect(await participants()).toMatchObject([
        { name: '刘菁', organization: '张家浜居民区', gender: null, phone: null },
      ]);

      // The organiser corrects the two cells in Excel and imports again: the same person, completed.
      const again = ImportResult.parse((await upload(sheet('13400134000', '女'))).body);
      expect(again).toMatchObject({ created: 0, updated: 1, warnings: [] });
      expect(await participants()).toMatchObject([{ name: '刘菁', gender: 'female', phone: '13400134000' }]);
    },
  );

  withEvent('answers row errors in English with Accept-Language: en', async ({ event: { upload } }) => {
    const result = ImportResult.parse((await upload(roster(), '?dryRun=true', 'en')).body);
    expect(result.errors[0]).toEqual({ row: 13, column: '姓名', message: 'The name is empty' });
    expect(result.warnings[1]).toEqual({
      row: 14,
      column: '手机',
      message: 'This is not a phone number: “1320013200x”; this field is left empty',
    });
  });

  withEvent('uses the mapping sent by the console for unknown headers', async ({ event: { upload, participants } }) => {
    const bytes = xlsx([
      ['参赛人', '支部', '联系方式'],
      ['李怡', '又一村居民区', 13300133000],
    ]);
    const mapping = encodeURIComponent(JSON.stringify({ 参赛人: 'name', 支部: 'organization' }));
    const result = ImportResult.parse((await upload(bytes, `?mapping=${mapping}`)).body);
    expect(result.created).toBe(1);
    expect((await participants())[0]).toMatchObject({
      name: '李怡',
      organization: '又一村居民区',
      phone: '13300133000',
    });
  });

  withEvent.for([
    ['random bytes', Uint8Array.from({ length: 4096 }, (_, i) => (i * 31 + 7) % 256)],
    ['a text file', new TextEncoder().encode('姓名,手机\n李怡,13300133000\n')],
    ['a broken xlsx', roster().slice(0, 1000)],
  ] as const)(
    'answers 400 with a sentence for %s and imports nothing',
    async ([, bytes], { event: { upload, participants } }) => {
      const r = await upload(bytes);
      expect(r.status).toBe(400);
      const { error } = ErrorBody.parse(r.body);
      expect(error.code).toBe('bad_request');
      expect(error.message).toBe('无法读取这个文件：请上传 Excel 工作簿（.xlsx 或 .xls）。');
      expect(await participants()).toEqual([]);
    },
  );

  withEvent('answers 400 naming the mapping field for a bad mapping', async ({ event: { upload, participants } }) => {
    const r = await upload(roster(), `?mapping=${encodeURIComponent('{"姓名":"nickname"}')}`);
    expect(r.status).toBe(400);
    expect(ErrorBody.parse(r.body).error).toMatchObject({ field: 'mapping' });
    expect(await participants()).toEqual([]);
  });

  withHost('answers 404 for an unknown event', async ({ t }) => {
    const r = await t.call('POST', '/api/events/999999/participants/import', {
      rawBody: roster(),
      contentType: xlsxType,
    });
    expect(r.status).toBe(404);
  });
});

/** A real SQLite file in a temp folder, as `repos`, closed and removed when the test ends. */
const withDatabase = test.extend('repos', ({ onTestFinished }) => {
  const dir = tempDir();
  const db = openDatabase(dir.path);
  onTestFinished(() => {
    db.close();
    dir.remove();
  });
  return repositories(db);
});

describe('registration service on a real SQLite file', () => {
  const service = (repos: Repositories) => registrationService(repos, () => new Date('2024-07-01T09:00:00Z'));

  withDatabase('fills the empty fields of someone already registered and counts them as updated', ({ repos }) => {
    const event = repos.events.create(
      { title: '观山湖区社区工作者培训班', kind: 'training', startsOn: '2024-09-02' },
      '2024-08-01T00:00:00Z',
    );
    repos.participants.create(event.id, { name: '张经天', organization: '陈三居民区' }, '2024-08-01T00:00:00Z');
    repos.participants.create(
      event.id,
      { name: '叶颖华', phone: '13900139000', title: '学好“枫桥经验”' },
      '2024-08-01T00:00:00Z',
    );

    const bytes = xlsx([
      ['姓名', '单位', '职务', '电话', '分组'],
      ['张经天', '陈三居民区', '居委会主任', '13800138000', '第一组'], // matches by name + organisation: fills 4 fields
      ['叶颖华', '辽二居民区', '社工', '13900139000', null], // matches by phone: fills organisation only
      ['刘菁', '张家浜居民区', null, null, '第二组'], // new
    ]);
    const options = { dryRun: false, locale: 'zh-CN' } as const;
    const result = service(repos).importParticipants(event.id, bytes, options);
    expect(result).toMatchObject({ created: 1, updated: 2, skipped: 0, duplicates: [], errors: [] });

    const list = repos.participants.listByEvent(event.id);
    expect(list.map((p) => [p.name, p.organization, p.title, p.phone, p.group])).toEqual([
      ['张经天', '陈三居民区', '居委会主任', '13800138000', '第一组'],
      ['叶颖华', '辽二居民区', '学好“枫桥经验”', '13900139000', null], // a title it had is never overwritten
      ['刘菁', '张家浜居民区', null, null, '第二组'],
    ]);

    // The import is in the event's audit log, counted.
    expect(
      repos.contest
        .auditLog(event.id)
        .filter((e) => e.action === 'import')
        .map((e) => e.afterJson),
    ).toEqual([JSON.stringify({ created: 1, updated: 2, duplicates: 0, errors: 0 })]);
    // The same file again: everyone is known and complete now.
    expect(service(repos).importParticipants(event.id, bytes, options)).toMatchObject({
      created: 0,
      updated: 0,
      skipped: 3,
    });
    expect(repos.participants.listByEvent(event.id)).toHaveLength(3);
  });

  withDatabase('knows a phone however it was typed: +86, spaces and dashes, or typed by hand before', ({ repos }) => {
    const event = repos.events.create(
      { title: '演讲比赛', kind: 'contest', startsOn: '2024-07-03' },
      '2024-07-01T00:00:00Z',
    );
    // Typed by hand in an older version, with spaces.
    repos.participants.create(event.id, { name: '叶颖华', phone: '139 0013 9000' }, '2024-07-01T00:00:00Z');
    const bytes = xlsx([
      ['姓名', '电话'],
      ['张经天', '+86 138-0013-8000'],
      ['张经天', '13800138000'],
      ['叶颖华', '0086 13900139000'],
    ]);
    const result = service(repos).importParticipants(event.id, bytes, { dryRun: false, locale: 'zh-CN' });
    expect(result).toMatchObject({ created: 1, errors: [] });
    expect(result.duplicates.map((d) => d.row)).toEqual([3, 4]);
    expect(repos.participants.listByEvent(event.id).map((p) => [p.name, p.phone])).toEqual([
      ['叶颖华', '139 0013 9000'],
      ['张经天', '13800138000'],
    ]);
  });

  withDatabase('writes nothing on a dry run and refuses an unknown event', ({ repos }) => {
    const event = repos.events.create(
      { title: '演讲比赛', kind: 'contest', startsOn: '2024-07-03' },
      '2024-07-01T00:00:00Z',
    );
    const result = service(repos).importParticipants(event.id, roster(), { dryRun: true, locale: 'zh-CN' });
    expect(result.created).toBe(9);
    expect(repos.participants.listByEvent(event.id)).toEqual([]);
    expect(() => service(repos).importParticipants(event.id + 1, roster(), { dryRun: false, locale: 'zh-CN' })).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
  });
});
