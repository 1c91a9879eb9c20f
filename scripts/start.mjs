// `npm start [-- --demo]`: the desktop app; where the Electron binary cannot be had,
// one line says so and the same host runs in browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ensureBuilt } from './build-if-stale.mjs';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

function electronBinary() {
  const dir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(dir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : undefined;
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH)
    return join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative ?? 'electron');
  const full = relative && join(dir, 'dist', relative);
  return full && existsSync(full) ? full : undefined;
}

function fetchElectronOnce() {
  // Electron fetches its binary on first run; here it may be unreachable, so try once and quietly.
  const installer = join(dirname(require.resolve('electron/package.json')), 'install.js');
  spawnSync(process.execPath, [installer], { stdio: 'ignore', timeout: 120_000 });
}

function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

ensureBuilt();
let binary = electronBinary();
if (!binary) {
  fetchElectronOnce();
  binary = electronBinary();
}
if (binary && (process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY)) {
  run(binary, ['.', ...args]);
} else {
  console.log(
    '未找到可用的 Electron 程序（本机无法下载或没有图形界面），改为浏览器模式运行 / Electron is unavailable here: running in browser mode.',
  );
  run(process.execPath, [new URL('../out/main/serve.js', import.meta.url).pathname, ...args]);
}
