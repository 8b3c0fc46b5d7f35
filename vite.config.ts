/**
 * Builds the renderer (Svelte 5) into dist/renderer: relative paths so the same files load from
 * app:// in Electron and from the loopback server in a browser, no inline script (the CSP forbids
 * it), and the Korean font bundled (nothing is fetched at run time).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('./src-renderer'),
  base: './',
  plugins: [svelte({ configFile: here('./svelte.config.js') })],
  resolve: {
    alias: { '@core': here('./src-main/core'), '@contract': here('./src-main/contract') },
  },
  build: {
    outDir: here('./dist/renderer'),
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    target: 'chrome120',
    reportCompressedSize: false,
  },
  server: { host: '127.0.0.1' },
});
