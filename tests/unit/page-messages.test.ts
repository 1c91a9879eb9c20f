import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { core as enCore } from '../../shared/i18n/en';
import { core as zhCore, zhCN } from '../../shared/i18n/zh-CN';
import { root, staticImports } from '../support/imports';

// Each role's page loads the core strings and its own areas only (renderer/ui/messages.ts, renderer/App.tsx): every
// key its code can show must be among them, or the page would show the key instead of words.

const app = readFileSync(resolve(root, 'renderer/App.tsx'), 'utf8');
const allKeys = new Set(Object.keys(zhCN));

/** For each lazily loaded page in App.tsx: its module and the string areas loaded with it. */
function pagesOfApp(): Array<{ page: string; areas: string[] }> {
  const pages: Array<{ page: string; areas: string[] }> = [];
  for (const match of app.matchAll(/withStrings\(\s*import\('([^']+)'\)((?:\s*,\s*import\('[^']+'\))*)\s*,?\s*\)/g)) {
    const areas = [...(match[2] ?? '').matchAll(/import\('([^']+)'\)/g)].map((m) => m[1] ?? '');
    pages.push({ page: match[1] ?? '', areas });
  }
  return pages;
}

/** The keys a set of source files can show: quoted keys, and every key under a `prefix.${…}` template. */
function keysUsedIn(files: Iterable<string>): Set<string> {
  const used = new Set<string>();
  for (const file of files) {
    // The catalogues name every key; the contract's field names and file names are worded by the host.
    if (file.includes(join('shared', 'i18n')) || file.includes(join('shared', 'api'))) continue;
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/'([\w.-]+)'/g)) if (allKeys.has(match[1] ?? '')) used.add(match[1] ?? '');
    for (const match of text.matchAll(/`([\w.-]+\.)\$\{/g)) {
      for (const key of allKeys) if (key.startsWith(match[1] ?? '')) used.add(key);
    }
  }
  return used;
}

function keysOf(value: unknown): string[] {
  return typeof value === 'object' && value !== null ? Object.keys(value) : [];
}

async function loadedKeys(areas: readonly string[]): Promise<{ zh: Set<string>; en: Set<string> }> {
  const zh = new Set(Object.keys(zhCore));
  const en = new Set(Object.keys(enCore));
  for (const area of areas) {
    const strings: unknown = await import(resolve(root, 'renderer', `${area}.ts`));
    if (typeof strings !== 'object' || strings === null || !('zh' in strings) || !('en' in strings))
      throw new Error(`${area} has no zh and en strings`);
    for (const key of keysOf(strings.zh)) zh.add(key);
    for (const key of keysOf(strings.en)) en.add(key);
  }
  return { zh, en };
}

describe('the strings each page loads', () => {
  const pages = pagesOfApp();
  const shell = staticImports('renderer/main.tsx').files;

  it('App.tsx loads every role page with its strings', () => {
    expect(pages.map((p) => p.page)).toEqual(
      expect.arrayContaining(['./console/ConsoleApp', './judge/JudgePage', './screen/ScreenPage']),
    );
    expect(pages.find((p) => p.page === './judge/JudgePage')?.areas).toEqual(['../shared/i18n/parts/judge']);
  });

  for (const { page, areas } of pages) {
    it(`${page} has every key it can show`, async () => {
      const files = new Set([...shell, ...staticImports(join('renderer', `${page}.tsx`)).files]);
      const loaded = await loadedKeys(areas);
      const used = [...keysUsedIn(files)];
      expect(used.filter((key) => !loaded.zh.has(key))).toEqual([]);
      expect(used.filter((key) => !loaded.en.has(key))).toEqual([]);
    });
  }

  it('the check above sees real keys: the judge page shows its status words', () => {
    const used = keysUsedIn(staticImports('renderer/judge/JudgePage.tsx').files);
    expect(used).toContain('judgePage.status.locked');
    expect(used).toContain('judgePage.submit');
    expect(used).toContain('live.connected');
  });
});
