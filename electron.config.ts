import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

// Three bundles: main (the Electron shell plus the headless host entry `serve`),
// preload (CommonJS: sandboxed preloads cannot be ES modules), renderer (React).
// The pages also run in phones' browsers (WeChat's built-in one among them), not only in Electron's Chromium:
// electron-vite merges its own Chromium target into build.target, so the wider one is set after it.
const browserTarget: Plugin = {
  name: 'podium:browser-target',
  enforce: 'post',
  config(config) {
    config.build = { ...config.build, target: ['chrome90', 'safari14'], cssTarget: ['chrome90', 'safari14'] };
  },
};

// Judges' phones load the pages over venue Wi-Fi. Each text file gets a .br and a .gz beside it, made once here at the
// highest settings (brotli 11 is too slow to run per request), and the LAN server sends the one the browser accepts
// (electron/lan/server.ts, @fastify/static preCompressed). Chrome asks for brotli only over HTTPS and on localhost,
// so a phone at http://192.168.… gets the gzip one.
const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);
const precompress: Plugin = {
  name: 'podium:precompress',
  apply: 'build',
  async writeBundle(options, bundle) {
    const dir = options.dir;
    if (!dir) return;
    const writes = Object.values(bundle)
      .filter((file) => /\.(js|css|html|svg|json)$/.test(file.fileName))
      .map(async (file) => {
        const data = Buffer.from(file.type === 'chunk' ? file.code : file.source);
        const path = join(dir, file.fileName);
        const [br, gz] = await Promise.all([
          brotli(data, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
          }),
          gzipped(data, { level: 9 }),
        ]);
        await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gz)]);
      });
    await Promise.all(writes);
  },
};

// A judge's phone loads only the strings of the judge page: in the renderer, shared/i18n (every catalogue, for the
// host) is swapped for renderer/ui/messages.ts, to which each role's chunk adds its own area (renderer/App.tsx).
const sharedStrings = resolve('shared/i18n/index.ts');
const pageStrings = resolve('renderer/ui/messages.ts');
const stringsPerPage: Plugin = {
  name: 'podium:strings-per-page',
  enforce: 'pre',
  async resolveId(source, importer, options) {
    if (!importer || !/i18n(\/index)?$/.test(source)) return null;
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    return resolved?.id === sharedStrings ? pageStrings : null;
  },
};

export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          serve: resolve('electron/host/serve.ts'),
          openapi: resolve('electron/host/openapi-cli.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rolldownOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [stringsPerPage, react(), browserTarget, precompress],
    build: {
      // Judges' phones load this over venue Wi-Fi; trainees check in from WeChat's built-in browser.
      minify: true,
      rolldownOptions: {
        input: { index: resolve('renderer/index.html') },
        // Reading a property runs no code of ours: an unused catalogue built by spreading the areas' strings
        // (shared/i18n/zh-CN.ts) is dropped, so a page gets the core strings without every area's.
        treeshake: { propertyReadSideEffects: false },
        output: {
          // The small pieces every phone page uses go in one file: on venue Wi-Fi a request costs more than its bytes.
          codeSplitting: {
            groups: [
              {
                name: 'pieces',
                includeDependenciesRecursively: false,
                test: /(renderer[\\/]ui[\\/](Button|LoadError|useLoad|LiveStatus)|renderer[\\/]api[\\/](live|connection))\.tsx?$/,
              },
            ],
          },
        },
      },
    },
  },
});
