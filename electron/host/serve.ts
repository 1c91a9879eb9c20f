// Headless host: `npm run serve -- --data DIR [--port N] [--lan] [--demo]`.
import { homedir, networkInterfaces } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Locale } from '../../shared/domain/vocabulary';
import { translate } from '../../shared/i18n';
import { StartupError } from '../database';
import { lanAddresses } from '../lan/network';
import { redactingLogger, redactSecrets } from '../logger';
import { defaultDataDir, parseServeArgs } from './cli';
import { createHost } from './createHost';

const language = (process.env.LC_ALL ?? process.env.LANG ?? '').toLowerCase();
const locale: Locale = language.startsWith('en') ? 'en' : 'zh-CN';

// No log line carries a token; only the console address below, printed once for the organiser, does.
const log = redactingLogger({
  info: (message: string) => console.log(message),
  warn: (message: string) => console.warn(message),
  error: (message: string, error?: unknown) => console.error(message, error ?? ''),
});

async function main(): Promise<void> {
  const parsed = parseServeArgs(process.argv.slice(2), defaultDataDir(process.platform, process.env, homedir()));
  if (!parsed.ok) {
    console.error(parsed.message);
    process.exit(2);
  }
  const { dataDir, port, lan, demo } = parsed.args;
  const host = await createHost({
    dataDir,
    ...(port === undefined ? {} : { port }),
    lan,
    adminToken: process.env.PODIUM_ADMIN_TOKEN || undefined,
    rendererDir: fileURLToPath(new URL('../renderer/', import.meta.url)),
    log,
  });
  if (demo) {
    const titles = host.services.loadDemo();
    if (titles.length > 0) console.log(translate(locale, 'host.demoLoaded', { titles: titles.join('；') }));
  }
  console.log(`${translate(locale, 'host.started')} ${host.consoleUrl}`);
  if (lan) {
    const urls = lanAddresses(networkInterfaces()).map((a) => `http://${a}:${host.port}/`);
    if (urls.length > 0) console.log(`${translate(locale, 'host.lanAddresses')} ${urls.join('  ')}`);
  }
  const stop = () => {
    host.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof StartupError) {
    console.error(translate(locale, error.key, error.params));
  } else {
    console.error(error instanceof Error ? redactSecrets(error.stack ?? error.message) : error);
  }
  process.exit(1);
});
