import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const server = 'http://127.0.0.1:3000';

export default defineConfig(() => ({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/apps/admin',
  plugins: [react()],
  server: {
    port: 4200,
    host: '127.0.0.1',
    proxy: { '/trpc': server, '/files': server, '/health': server, '/auth': server },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    reportCompressedSize: false,
  },
}));
