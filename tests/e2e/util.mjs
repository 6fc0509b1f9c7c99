// Rare Earth Shock — helpers shared by the embed, CSP, offline, soak, input and
// fallback tests: fixture and dual-stack servers, in-frame error capture.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, SITE, siteServer, testServer, listen, waitReady } from './harness.mjs';
export { openWith, framesOf } from './harness.mjs';
export { imageStats } from '../../tools/png.mjs';

export const FIXTURES = path.join(ROOT, 'tests/e2e/fixtures');

// The site on every loopback address ('::' is dual stack), reached as
// http://localhost:PORT: another host string than 127.0.0.1, so another origin
// and another site than the fixture pages (a real cross-site embed).
export async function serveSiteDual(options = {}) {
  const server = siteServer(options);
  const port = await listen(server, '::');
  return { url: `http://localhost:${port}`, port, close: () => new Promise((r) => server.close(r)) };
}

// The fixture pages on http://127.0.0.1:PORT. Files come from tests/e2e/fixtures
// (in .html and .js files "%NAME%" is replaced by vars[NAME]); anything else from
// the built site (so a fixture can frame rareshock-offline.html by a relative URL).
export async function serveFixtures(vars = {}) {
  const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css',
                  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg' };
  const server = testServer((req, res) => {
    let pathname;
    try { pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { res.writeHead(400).end(); return; }
    if (pathname.endsWith('/')) pathname += 'index.html';
    for (const dir of [FIXTURES, SITE]) {
      const file = path.join(dir, pathname);
      if (!file.startsWith(dir + path.sep)) continue;
      if (!fs.existsSync(file) || !fs.statSync(file).isFile()) continue;
      let data = fs.readFileSync(file);
      const ext = path.extname(file);
      if (dir === FIXTURES && (ext === '.html' || ext === '.js')) {
        data = data.toString('utf8').replace(/%([A-Z_]+)%/g, (m, k) => (k in vars ? vars[k] : m));
      }
      res.writeHead(200, { 'Content-Type': TYPES[ext] || 'application/octet-stream', 'Cache-Control': 'no-cache' }).end(data);
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
  });
  const port = await listen(server, '127.0.0.1');
  return { url: `http://127.0.0.1:${port}`, port, close: () => new Promise((r) => server.close(r)) };
}

// Installs, inside a frame, a recorder of uncaught errors, rejections and
// console.error / console.warn calls (works for cross-origin frames too).
export async function recordFrameErrors(frame) {
  await frame.evaluate(() => {
    if (window.__rsRec) return;
    const rec = window.__rsRec = { errors: [], warnings: [] };
    window.addEventListener('error', (e) => rec.errors.push('error: ' + (e.message || e.type)));
    window.addEventListener('unhandledrejection', (e) => rec.errors.push('rejection: ' + String(e.reason)));
    const origError = console.error.bind(console), origWarn = console.warn.bind(console);
    console.error = (...a) => { rec.errors.push(a.map(String).join(' ')); origError(...a); };
    console.warn = (...a) => { rec.warnings.push(a.map(String).join(' ')); origWarn(...a); };
  });
}
export async function frameRecord(frame) {
  return frame.evaluate(() => window.__rsRec || { errors: [], warnings: [] });
}

// Waits until the calculator in a frame (or page) is ready and has its results.
export const waitFrameReady = waitReady;
