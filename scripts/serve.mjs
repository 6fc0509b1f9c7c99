#!/usr/bin/env node
// Rare Earth Shock — a small static server for the built site (no other server needed).
//   node scripts/serve.mjs [--root build/web/site] [--port 8080] [--host 127.0.0.1] [--csp]
// Serves files with correct MIME types, never outside the root; --csp adds the
// strict Content-Security-Policy header. A file with a compressed copy beside it
// (FILE.br, FILE.gz: scripts/precompress.sh, run by the build) goes out as that copy,
// with Content-Encoding, when the request's Accept-Encoding allows it (brotli first)
// and the copy is not older than the file; such files carry Vary: Accept-Encoding.
// Stops cleanly on Ctrl-C / SIGTERM.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : def;
};
const root = path.resolve(opt('--root', 'build/web/site'));
const port = Number(opt('--port', process.env.PORT || 8080));
const host = opt('--host', '127.0.0.1');
const csp = args.includes('--csp');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.json': 'application/json', '.txt': 'text/plain; charset=utf-8', '.csv': 'text/csv', '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
};
// The compressed copies a file may have beside it, in the order they are preferred.
export const ENCODINGS = [['br', '.br'], ['gzip', '.gz']];

// Whether an Accept-Encoding header value allows `coding` ("br, gzip;q=0.8", "*", "gzip;q=0").
export function acceptsEncoding(header, coding) {
  let star = false;
  for (const part of String(header || '').toLowerCase().split(',')) {
    const [name, ...params] = part.split(';').map((x) => x.trim());
    const q = params.find((p) => p.startsWith('q='));
    const allowed = !q || Number(q.slice(2)) > 0;
    if (name === coding) return allowed;
    if (name === '*') star = allowed;
  }
  return star;
}

// The encoding to send `file` (stat `st`) in for `header`: [coding, path] of a fresh copy, or
// null; and whether the file has a fresh copy at all (the response then varies on the header).
function pickEncoding(file, st, header) {
  let chosen = null, varies = false;
  for (const [coding, ext] of ENCODINGS) {
    let copy;
    try { copy = fs.statSync(file + ext); } catch { continue; }
    if (!copy.isFile() || copy.mtimeMs < st.mtimeMs) continue;  // stale: the file changed since
    varies = true;
    if (!chosen && acceptsEncoding(header, coding)) chosen = [coding, file + ext];
  }
  return { chosen, varies };
}
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'";

export function createServer(rootDir, { strictCsp = false, extraRoutes = {} } = {}) {
  return http.createServer((req, res) => {
    let pathname;
    try { pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { res.writeHead(400).end('bad request'); return; }
    if (extraRoutes[pathname]) { extraRoutes[pathname](req, res); return; }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = path.join(rootDir, pathname);
    if (!file.startsWith(rootDir + path.sep) && file !== rootDir) { res.writeHead(403).end('forbidden'); return; }
    const notFound = () => res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) { notFound(); return; }
      const { chosen, varies } = pickEncoding(file, st, req.headers['accept-encoding']);
      fs.readFile(chosen ? chosen[1] : file, (err2, data) => {
        if (err2) { notFound(); return; }
        const headers = { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-cache',
                          'X-Content-Type-Options': 'nosniff', 'Content-Length': data.length };
        if (chosen) headers['Content-Encoding'] = chosen[0];
        if (varies) headers['Vary'] = 'Accept-Encoding';
        if (strictCsp) headers['Content-Security-Policy'] = STRICT_CSP;
        res.writeHead(200, headers).end(data);
      });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    console.error(`serve: ${root}/index.html not found: build the site first (cmake --build build/web)`);
    process.exit(1);
  }
  const server = createServer(root, { strictCsp: csp });
  server.on('error', (e) => { console.error(`serve: cannot listen on ${host}:${port}: ${e.message}`); process.exit(1); });
  server.listen(port, host, () => console.log(`Rare Earth Shock is running at http://${host}:${port}/  (Ctrl-C to stop)`));
  const stop = () => { server.close(() => process.exit(0)); setTimeout(() => process.exit(0), 500).unref(); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
