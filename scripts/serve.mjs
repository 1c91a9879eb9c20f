// `npm run serve -- --data DIR [--port N] [--lan] [--demo]`: the host without Electron.
import { spawn } from 'node:child_process';
import { ensureBuilt } from './build-if-stale.mjs';

ensureBuilt();
const entry = new URL('../out/main/serve.js', import.meta.url).pathname;
const child = spawn(process.execPath, [entry, ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
