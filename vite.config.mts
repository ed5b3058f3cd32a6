import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * `vite` dev only: the renderer reads its API token from <meta name="turnus-token">, which the
 * browser host puts into the index.html it serves. Under `vite` the page comes from Vite, so
 * when TURNUS_TOKEN is set (the same value the host was started with) we inject the tag here.
 * Never applied to `vite build`: a built renderer must not carry a token.
 */
function turnusDevToken(): Plugin {
  return {
    name: 'turnus-dev-token',
    apply: 'serve',
    transformIndexHtml() {
      const token = process.env.TURNUS_TOKEN;
      if (!token) return;
      return [{ tag: 'meta', attrs: { name: 'turnus-token', content: token }, injectTo: 'head-prepend' }];
    },
  };
}

// Renderer build. base './' so Electron's loadFile(file://…) resolves the assets.
// In `vite` dev, /rpc is proxied to a browser host started with PORT=4173 (or TURNUS_HOST_PORT)
// and TURNUS_TOKEN (see docs/development.md).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), turnusDevToken()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true },
  server: { proxy: { '/rpc': `http://127.0.0.1:${process.env.TURNUS_HOST_PORT || 4173}` } },
});
