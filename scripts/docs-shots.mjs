// `npm run docs:shots`: the user guide's screenshots (docs/images/), taken by the e2e spec from the running product.
import { spawnSync } from 'node:child_process';
import { ensureBuilt } from './build-if-stale.mjs';

ensureBuilt();
const images = new URL('../docs/images', import.meta.url).pathname;
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const result = spawnSync(npx, ['playwright', 'test', 'tests/e2e/docs-shots.spec.ts'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, PODIUM_DOCS_SHOTS: images },
});
process.exit(result.status ?? 1);
