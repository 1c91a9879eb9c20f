export interface ServeArgs {
  dataDir: string;
  /** Absent: the host's usual port. */
  port?: number;
  lan: boolean;
  demo: boolean;
}

export type ParsedServeArgs = { ok: true; args: ServeArgs } | { ok: false; message: string };

export const serveUsage = 'npm run serve -- --data DIR [--port N] [--lan] [--demo]';

/** Reads `--data DIR [--port N] [--lan] [--demo]`; the default data folder comes from the caller. */
export function parseServeArgs(argv: readonly string[], defaultDataDir: string): ParsedServeArgs {
  const args: ServeArgs = { dataDir: defaultDataDir, lan: false, demo: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] =
      arg?.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--data': {
        const dir = value();
        if (!dir) return { ok: false, message: `--data needs a folder. Usage: ${serveUsage}` };
        args.dataDir = dir;
        break;
      }
      case '--port': {
        const text = value();
        const port = Number(text);
        if (!text || !Number.isInteger(port) || port < 0 || port > 65535) {
          return { ok: false, message: `--port needs a number from 0 to 65535. Usage: ${serveUsage}` };
        }
        args.port = port;
        break;
      }
      case '--lan':
        args.lan = true;
        break;
      case '--demo':
        args.demo = true;
        break;
      default:
        return { ok: false, message: `Unknown option ${arg}. Usage: ${serveUsage}` };
    }
  }
  return { ok: true, args };
}

/** Where Electron keeps app.getPath('userData') for "Podium", so browser mode shares the desktop app's data. */
export function defaultDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  if (platform === 'win32') return `${env.APPDATA ?? `${home}\\AppData\\Roaming`}\\Podium`;
  if (platform === 'darwin') return `${home}/Library/Application Support/Podium`;
  return `${env.XDG_CONFIG_HOME ?? `${home}/.config`}/Podium`;
}
