// `npm run docs:api`: the API reference (docs/api/openapi.json), made from the contract by the built host code.
import { spawnSync } from 'node:child_process';
import { ensureBuilt } from './build-if-stale.mjs';

ensureBuilt();
const entry = new URL('../out/main/openapi.js', import.meta.url).pathname;
const result = spawnSync(process.execPath, [entry, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
