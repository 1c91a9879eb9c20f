// The installers' configuration and icons, tested here where Electron itself cannot be downloaded: the builder's own
// schema accepts the config, each platform gets the targets organisers need, the native module stays loadable, and
// the icon script writes every size each platform asks for.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, matchesGlob } from 'node:path';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import type { TargetConfiguration } from 'electron-builder';
import { describe, expect, test } from 'vitest';
import config from '../../electron-builder';
import pkg from '../../package.json';

const root = process.cwd();

function targetsOf(list: unknown): string[] {
  if (!Array.isArray(list)) throw new Error('targets are not a list');
  return list.map((t: string | TargetConfiguration) => (typeof t === 'string' ? t : t.target));
}

/** The file patterns for one platform: the shared ones, then the platform's own. */
function filesFor(platform: 'win' | 'mac' | 'linux'): string[] {
  const own = config[platform]?.files;
  return [...(config.files as string[]), ...(Array.isArray(own) ? (own as string[]) : [])];
}

/** Whether electron-builder's patterns (later `!` ones exclude) keep a path of the app. */
function kept(patterns: readonly string[], path: string): boolean {
  let keep = path.startsWith('node_modules/');
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) {
      if (matchesGlob(path, pattern.slice(1))) keep = false;
    } else if (matchesGlob(path, pattern)) keep = true;
  }
  return keep;
}

describe('electron-builder.ts', () => {
  test("is a configuration electron-builder's own schema accepts", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  test('names the app once: app id, product name and version from package.json', () => {
    expect(config.appId).toBe('org.podium.desktop');
    expect(config.productName).toBe(pkg.productName);
    expect(config).not.toHaveProperty('version');
    expect(config.extraMetadata).toBeUndefined();
    expect(pkg.main).toBe('out/main/index.js');
  });

  test('Windows: a per-user installer (no admin rights), in Chinese, a desktop shortcut; and a portable exe', () => {
    expect(targetsOf(config.win?.target)).toEqual(['nsis', 'portable']);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: false,
      installerLanguages: ['zh_CN'],
      createDesktopShortcut: 'always',
      shortcutName: 'Podium 赛会通',
    });
  });

  test('macOS gets a .dmg, Linux an AppImage and a .deb', () => {
    expect(targetsOf(config.mac?.target)).toEqual(['dmg']);
    expect(targetsOf(config.linux?.target)).toEqual(['AppImage', 'deb']);
  });

  test('.podium archives open with Podium', () => {
    const associations = [config.fileAssociations].flat();
    expect(associations.map((a) => a?.ext)).toEqual(['podium']);
  });

  test('packs the built bundles, not the sources or source maps', () => {
    const files = filesFor('linux');
    expect(kept(files, 'out/main/index.js')).toBe(true);
    expect(kept(files, 'out/renderer/index.html')).toBe(true);
    expect(kept(files, 'out/main/index.js.map')).toBe(false);
    expect(kept(files, 'electron/main/index.ts')).toBe(false);
    expect(kept(files, 'node_modules/better-sqlite3/src/better_sqlite3.cpp')).toBe(false);
  });

  test("keeps each platform's own better-sqlite3 binary, unpacked from the asar, and no rebuild", () => {
    const prebuilds = readdirSync(join(root, 'node_modules/better-sqlite3/prebuilds'));
    const own = { win: /^win32-/, mac: /^darwin-/, linux: /^linux(musl)?-/ } as const;
    for (const platform of ['win', 'mac', 'linux'] as const) {
      const files = filesFor(platform);
      const keptHere = prebuilds.filter((name) => kept(files, `node_modules/better-sqlite3/prebuilds/${name}`));
      expect(keptHere.length, platform).toBeGreaterThan(0);
      expect(
        keptHere.every((name) => own[platform].test(name)),
        `${platform}: ${keptHere.join(', ')}`,
      ).toBe(true);
    }
    const unpack = [config.asarUnpack].flat().filter((p) => typeof p === 'string');
    expect(unpack.some((p) => matchesGlob('node_modules/better-sqlite3/prebuilds/win32-x64.node', p))).toBe(true);
    expect(config.npmRebuild).toBe(false);
  });
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(data: Buffer): [number, number] {
  expect(data.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [data.readUInt32BE(16), data.readUInt32BE(20)];
}

describe('scripts/icons.mjs', () => {
  test('renders every size for Linux, an .ico for Windows and an .icns for macOS, where the config looks', () => {
    const out = mkdtempSync(join(tmpdir(), 'podium-icons-'));
    try {
      const run = spawnSync(process.execPath, ['scripts/icons.mjs', out], { cwd: root, encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
        expect(pngSize(readFileSync(join(out, 'png', `${size}x${size}.png`)))).toEqual([size, size]);
      }
      expect(pngSize(readFileSync(join(out, 'icon.png')))).toEqual([512, 512]);

      const ico = readFileSync(join(out, 'icon.ico'));
      expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
      const icoSizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
        const at = 6 + 16 * i;
        const image = ico.subarray(ico.readUInt32LE(at + 12), ico.readUInt32LE(at + 12) + ico.readUInt32LE(at + 8));
        const [w] = pngSize(image);
        expect(ico.readUInt8(at) || 256).toBe(w);
        return w;
      });
      expect(icoSizes).toEqual([16, 24, 32, 48, 64, 128, 256]);

      const icns = readFileSync(join(out, 'icon.icns'));
      expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
      expect(icns.readUInt32BE(4)).toBe(icns.length);
      const types: string[] = [];
      for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) {
        types.push(icns.subarray(at, at + 4).toString('latin1'));
        pngSize(icns.subarray(at + 8, at + icns.readUInt32BE(at + 4)));
      }
      expect(types).toEqual(expect.arrayContaining(['icp4', 'ic07', 'ic08', 'ic09', 'ic10']));

      // The config points at the files the script writes into resources/icons/.
      for (const icon of [config.win?.icon, config.mac?.icon, config.linux?.icon]) {
        expect(typeof icon === 'string' && icon.startsWith('resources/icons/'), String(icon)).toBe(true);
        expect(existsSync(join(out, String(icon).slice('resources/icons/'.length)))).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

/** scripts/dist.mjs's reading of electron-builder's output, run as the script runs (plain Node, an ES module). */
function explain(output: string): string {
  const code = "import('./scripts/dist.mjs').then((m) => console.log(String(m.explainDistFailure(process.argv[1]))))";
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', code, output], { cwd: root, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout.trim();
}

describe('scripts/dist.mjs', () => {
  test('says in one sentence that Electron could not be downloaded, instead of a stack trace', () => {
    // What electron-builder 26 printed on this machine (no route to github.com), paths made neutral.
    const offline = readFileSync(join(root, 'tests/unit/fixtures/electron-download-failure.txt'), 'utf8');
    const lines = explain(offline).split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('无法下载 Electron');
    expect(lines[0]).toContain('Electron could not be downloaded');
    expect(lines[0]).not.toContain('at ');
  });

  test('leaves any other failure to be shown as electron-builder printed it', () => {
    expect(explain("  ⨯ Cannot find module 'out/main/index.js'  failedTask=build")).toBe('null');
  });
});

describe('.github/workflows/release.yml', () => {
  test('builds on Windows, macOS and Linux runners, tests before it builds, and attaches the installers', () => {
    const workflow = readFileSync(join(root, '.github/workflows/release.yml'), 'utf8');
    for (const os of ['windows-latest', 'macos-latest', 'ubuntu-latest']) expect(workflow).toContain(`os: ${os}`);
    expect(workflow).toMatch(/tags: \['v\*'\]/);
    const tests = workflow.indexOf('npx vitest run tests/unit tests/integration');
    expect(tests).toBeGreaterThan(0);
    expect(workflow.indexOf('npm run dist')).toBeGreaterThan(tests);
    expect(workflow).toContain('softprops/action-gh-release');
  });
});
