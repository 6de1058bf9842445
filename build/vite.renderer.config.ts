import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('../renderer/', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/renderer/', import.meta.url));
const deskWebUrl = process.env.DESK_WEB_URL?.replace(/\/$/, '');

/**
 * The dev server needs an inline React refresh preamble and a websocket for hot reload; the strict
 * CSP in index.html would block both. Only `vite serve` relaxes it; built files keep it as written.
 */
function relaxCspForDevServer(): Plugin {
  return {
    name: 'feedback-desk:relax-csp-for-dev',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:* http://127.0.0.1:*"),
  };
}

export default defineConfig({
  root,
  // Relative asset URLs: the same build loads from file:// in Electron and from the web host.
  base: './',
  plugins: [react(), relaxCspForDevServer()],
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome130',
    chunkSizeWarningLimit: 2000,
  },
  server: {
    host: '127.0.0.1',
    strictPort: false,
    // `DESK_WEB_URL=http://127.0.0.1:8312 vite --config build/vite.renderer.config.ts` develops the UI
    // against a running web host while keeping DeskApi calls same-origin.
    proxy: deskWebUrl
      ? {
          '/desk/': {
            target: deskWebUrl,
            changeOrigin: true,
            // The web host refuses cross-origin requests; to it, the dev server's are its own.
            configure: (proxy) => proxy.on('proxyReq', (req) => req.getHeader('origin') && req.setHeader('origin', deskWebUrl)),
          },
        }
      : undefined,
  },
});
