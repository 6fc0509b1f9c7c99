// Rare Earth Shock — the static server for the built site, shared by the build
// (tools/site/fallback.mjs), scripts/serve.mjs, the browser tests and the benchmarks.
// Serves files with correct MIME types, never outside the root; strictCsp adds the
// strict Content-Security-Policy header. A file with a compressed copy beside it
// (FILE.br, FILE.gz: scripts/precompress.sh, run by the build) goes out as that copy,
// with Content-Encoding, when the request's Accept-Encoding allows it (brotli first)
// and the copy is not older than the file; such files carry Vary: Accept-Encoding.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
// The strict policy: the pages' own (the facts manifest's "csp.page", which rareshock_facts
// writes at build time), null before the web build has written it.
const FACTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../build/web/facts/rareshock-facts.json');
export const STRICT_CSP = (() => {
  try { return JSON.parse(fs.readFileSync(FACTS, 'utf8')).csp.page || null; } catch { return null; }
})();

export function createServer(rootDir, { strictCsp = false, extraRoutes = {} } = {}) {
  if (strictCsp && !STRICT_CSP) throw new Error(`no page policy in ${FACTS}: build the site first (cmake --build --preset web)`);
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

// Serves `rootDir` (createServer's options) on a free loopback port: { url, server, close }.
export async function serveSite(rootDir, options = {}) {
  const server = createServer(rootDir, options);
  await new Promise((resolve, reject) => { server.once('error', reject); server.listen(0, '127.0.0.1', resolve); });
  return { url: `http://127.0.0.1:${server.address().port}`, server, close: () => new Promise((r) => server.close(r)) };
}
