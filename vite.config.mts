import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Renderer build. base './' so Electron's loadFile(file://…) resolves the assets.
// In `vite` dev, /rpc is proxied to a browser host started with PORT=4173.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true },
  server: { proxy: { '/rpc': 'http://127.0.0.1:4173' } },
});
