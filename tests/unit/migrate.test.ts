import { describe, expect, it } from 'vitest';
import { bundledMigrations, checksum, planMigrations, type Migration } from '../../electron/database/migrate';

const m = (name: string, sql = `-- ${name}`): Migration => ({ name, sql, checksum: checksum(sql) });
const files = [m('0001_a'), m('0002_b'), m('0003_c')];
const applied = (...ms: Migration[]) => ms.map(({ name, checksum }) => ({ name, checksum }));

describe('planMigrations', () => {
  it.each([
    ['an empty database gets every file', applied(), { ok: true, pending: files }],
    ['an older database gets the rest', applied(files[0]!), { ok: true, pending: files.slice(1) }],
    ['an up-to-date database gets nothing', applied(...files), { ok: true, pending: [] }],
    ['a newer database is refused', applied(...files, m('0004_d')), { ok: false, reason: 'newer', names: ['0004_d'] }],
    [
      'an edited migration is refused',
      applied(m('0001_a', 'changed')),
      { ok: false, reason: 'changed', names: ['0001_a'] },
    ],
    [
      'a gap in the applied list is refused',
      applied(files[0]!, files[2]!),
      { ok: false, reason: 'changed', names: ['0003_c'] },
    ],
  ])('%s', (_, list, expected) => {
    expect(planMigrations(list, files)).toEqual(expected);
  });

  it('treats CRLF and LF copies of a file as the same migration', () => {
    expect(checksum('a;\r\nb;')).toBe(checksum('a;\nb;'));
  });

  it('ships numbered migration files in order', () => {
    const names = bundledMigrations().map((x) => x.name);
    expect(names.length).toBeGreaterThan(0);
    expect(names).toEqual([...names].sort());
    names.forEach((name, i) => expect(name.startsWith(String(i + 1).padStart(4, '0'))).toBe(true));
  });

  it('rejects a migration file that is not named NNNN_name.sql', () => {
    expect(() => bundledMigrations({ './migrations/init.sql': 'x' })).toThrow(/NNNN_name/);
  });
});
