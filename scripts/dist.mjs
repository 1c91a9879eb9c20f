// `npm run dist [-- electron-builder options]`: the installers for this platform (dist/);
// `npm run dist -- --dir` for an unpacked app. Renders the icons, builds the three bundles, then runs
// electron-builder with electron-builder.ts.
// electron-builder downloads Electron itself; where that is impossible, this says so in one sentence.
import { spawn } from 'node:child_process';
import { ensureBuilt } from './build-if-stale.mjs';
import { renderIcons } from './icons.mjs';

/** What electron-builder prints when it cannot fetch Electron (offline, a proxy, a blocked host). */
const downloadFailure =
  /(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo|socket hang up|unable to get local issuer|status code 40[34]).*|cannot (download|get) electron|electron-v[\d.]+-[\w-]+\.zip/i;

export function explainDistFailure(output) {
  if (!downloadFailure.test(output)) return null;
  return (
    '无法下载 Electron，安装包没有生成：这台机器连不上 Electron 的下载地址（请在能联网的机器上运行，或设置 ELECTRON_MIRROR）。' +
    ' / Electron could not be downloaded, so no installer was made: run this where its download site is reachable' +
    ' (or set ELECTRON_MIRROR).'
  );
}

async function main() {
  renderIcons();
  ensureBuilt({ force: true });
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const args = ['electron-builder', '--config', 'electron-builder.ts', '--publish', 'never', ...process.argv.slice(2)];
  const child = spawn(npx, args, { shell: process.platform === 'win32', env: process.env });
  let output = '';
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk) => {
      output += chunk;
      // The builder's progress lines are worth seeing; its stack traces are not (they are kept for the summary).
      for (const line of String(chunk).split('\n')) if (/^\s+•/.test(line)) console.log(line);
    });
  }
  const code = await new Promise((done) => child.on('close', done));
  if (code === 0) {
    console.log('安装包已生成，在 dist/ 文件夹 / Installers written to dist/');
    return;
  }
  const explained = explainDistFailure(output);
  if (explained) console.error(explained);
  else process.stderr.write(output);
  process.exit(typeof code === 'number' && code !== 0 ? code : 1);
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) await main();
