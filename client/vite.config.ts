import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite';

const server = 'http://localhost:3000';

export default defineConfig({
  plugins: [
    vue(),
    // Message files are compiled at build time, so the browser gets vue-i18n's runtime only:
    // smaller, and no code is made from strings (the CSP forbids eval).
    VueI18nPlugin({
      include: [fileURLToPath(new URL('./src/i18n/locales/**', import.meta.url))],
      runtimeOnly: true,
      compositionOnly: true,
      fullInstall: false,
      dropMessageCompiler: true,
      strictMessage: false,
      escapeHtml: false,
    }),
  ],
  resolve: {
    // The client compiles the protocol from source: one set of schemas, no build step in between.
    // Subpaths (e.g. @mingle/shared/realtime-constants) keep zod out of bundles that need no schema.
    alias: [
      { find: /^@mingle\/shared$/, replacement: fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)) },
      { find: /^@mingle\/shared\/(.*)$/, replacement: fileURLToPath(new URL('../shared/src/', import.meta.url)) + '$1.ts' },
    ],
  },
  server: {
    proxy: {
      '/api': { target: server, changeOrigin: false },
      '/socket.io': { target: server, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Production serves no source maps (the server also answers 404 for any *.map).
    sourcemap: false,
    // Read by scripts/bundle-size.mjs to tell what each page downloads.
    manifest: true,
  },
});
