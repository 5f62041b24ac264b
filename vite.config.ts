import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: { outDir: '../../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  // The API lives under /api, and so do the web app's own modules (src/web/api/*.ts): forward everything
  // under /api except those source files.
  // changeOrigin stays off: the API's same-origin check compares Origin with Host.
  server: {
    proxy: { '^/api/(?![^?]*\\.tsx?(\\?|$))': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});
