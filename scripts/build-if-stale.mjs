// Builds the three bundles when any source is newer than the last build, so
// `npm start` and `npm run serve` always run what is in the tree.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const sources = ['electron', 'shared', 'renderer', 'resources', 'package.json', 'electron.config.ts'];
const outputs = [
  'out/main/index.js',
  'out/main/serve.js',
  'out/main/openapi.js',
  'out/preload/index.cjs',
  'out/renderer/index.html',
];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

export function ensureBuilt({ force = false } = {}) {
  const built = Math.min(...outputs.map((o) => (existsSync(join(root, o)) ? statSync(join(root, o)).mtimeMs : 0)));
  const changed = Math.max(...sources.map((s) => newest(join(root, s))));
  if (!force && built > changed) return;
  console.log('正在构建 Podium… / Building Podium…');
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const result = spawnSync(npx, ['electron-vite', 'build', '--config', 'electron.config.ts'], {
    cwd: root,
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    process.stderr.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    console.error('构建失败 / The build failed.');
    process.exit(result.status ?? 1);
  }
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1])
  ensureBuilt({ force: process.argv.includes('--force') });
