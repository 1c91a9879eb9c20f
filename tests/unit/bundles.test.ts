import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staticImports } from '../support/imports';

describe('what each role downloads', () => {
  // Judges score on phones over venue Wi-Fi: the console's query library and panels stay in the console's chunk.
  for (const entry of [
    'renderer/App.tsx',
    'renderer/judge/JudgePage.tsx',
    'renderer/screen/ScreenPage.tsx',
    'renderer/join/JoinPage.tsx',
  ]) {
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
