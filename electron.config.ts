import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// Three bundles: main (the Electron shell plus the headless host entry `serve`),
// preload (CommonJS: sandboxed preloads cannot be ES modules), renderer (React).
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
    plugins: [react()],
    build: {
      // Judges' phones load this over venue Wi-Fi.
      minify: true,
      rolldownOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
