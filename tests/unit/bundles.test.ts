import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');

/** Every module a page pulls in, following relative imports as the bundler would (dynamic imports split off). */
function staticImports(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [resolve(root, entry)];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/^\s*(?:import|export)\s[^'";]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'/gm)) {
      const spec = match[1] ?? match[2] ?? '';
      if (!spec.startsWith('.')) {
        packages.add(spec);
        continue;
      }
      const base = join(dirname(file), spec);
      const found = ['', '.ts', '.tsx', '/index.ts']
        .map((ext) => base + ext)
        .find((p) => /\.tsx?$/.test(p) && existsSync(p));
      if (found) pending.push(found);
    }
  }
  return { files, packages };
}

describe('what each role downloads', () => {
  // Judges score on phones over venue Wi-Fi: the console's query library and panels stay in the console's chunk.
  for (const entry of ['renderer/App.tsx', 'renderer/judge/JudgePage.tsx', 'renderer/screen/ScreenPage.tsx']) {
    it(`${entry} does not pull in the console's data layer`, () => {
      const { files, packages } = staticImports(entry);
      expect([...packages].filter((name) => name.startsWith('@tanstack/'))).toEqual([]);
      expect([...files].filter((file) => file.includes(`${join('renderer', 'console')}`))).toEqual([]);
    });
  }

  it('the console does use it, so the check above looks at real imports', () => {
    const { packages } = staticImports('renderer/console/ConsoleApp.tsx');
    expect(packages).toContain('@tanstack/react-query');
  });
});
