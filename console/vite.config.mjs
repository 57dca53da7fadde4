import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// The console (信用监管工作台): built into dist/console and served by the service at /console.
// No @vitejs/plugin-react: Vite 8's own transformer (Oxc) compiles TSX with the automatic JSX runtime;
// the plugin adds only Fast Refresh for a dev server, and its optional Babel peer conflicts with Jest's.
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/console/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/console', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 1500,
    sourcemap: false,
    rolldownOptions: {
      // antd marks its modules "use client" (for React Server Components); meaningless in a browser bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    // `npm run console:dev`: the API of a service started beside it (npm start).
    proxy: { '/api': 'http://localhost:3000', '/health': 'http://localhost:3000' },
  },
});
