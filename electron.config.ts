import { resolve } from 'node:path';
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

export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          serve: resolve('electron/host/serve.ts'),
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
    plugins: [react(), browserTarget],
    build: {
      // Judges' phones load this over venue Wi-Fi; trainees check in from WeChat's built-in browser.
      minify: true,
      rolldownOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
