import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const root = resolve(__dirname, '../..');

/** Every module a page pulls in, following relative imports as the bundler would (dynamic imports split off). */
export function staticImports(entry: string): { files: Set<string>; packages: Set<string> } {
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
