import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: { outDir: '../../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  // The API lives under /api, and so do the web app's own modules (src/web/api/*.ts): forward everything
  // under /api except those source files.
  server: { proxy: { '^/api/(?![^?]*\\.tsx?(\\?|$))': 'http://localhost:3000' } },
});
