// Rare Earth Shock — helpers shared by the embed, CSP, offline, soak, input and
// fallback tests: fixture and dual-stack servers, pages with init scripts and
// full logging, in-frame error capture, and pixel statistics of screenshots.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { createServer } from '../../scripts/serve.mjs';
import { ROOT, SITE, assert } from './harness.mjs';

export const FIXTURES = path.join(ROOT, 'tests/e2e/fixtures');

function listen(server, host) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve(server.address().port));
  });
}

// The site on every loopback address ('::' is dual stack), reached as
// http://localhost:PORT: another host string than 127.0.0.1, so another origin
// and another site than the fixture pages (a real cross-site embed).
export async function serveSiteDual(options = {}) {
  const server = createServer(options.root || SITE, options);
  const port = await listen(server, '::');
  return { url: `http://localhost:${port}`, port, close: () => new Promise((r) => server.close(r)) };
}

// The fixture pages on http://127.0.0.1:PORT. Files come from tests/e2e/fixtures
// (in .html and .js files "%NAME%" is replaced by vars[NAME]); anything else from
// the built site (so a fixture can frame rareshock-offline.html by a relative URL).
export async function serveFixtures(vars = {}) {
  const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css',
                  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg' };
  const server = http.createServer((req, res) => {
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

// Like harness.openPage, with init scripts, context options, and a log that
// also keeps every console message with the URL of the frame that printed it.
export async function openWith(browser, url, {
  width = 1280, height = 900, dpr = 1, dark = false, touch = false, mobile = false, js = true, init = [], goto = true,
} = {}) {
  const context = await browser.newContext({
    viewport: { width, height }, deviceScaleFactor: dpr, colorScheme: dark ? 'dark' : 'light',
    hasTouch: touch, isMobile: mobile, javaScriptEnabled: js,
  });
  const page = await context.newPage();
  for (const s of init) await page.addInitScript(s);
  const log = { errors: [], warnings: [], console: [], pageErrors: [], requests: [], failed: [] };
  page.on('console', (m) => {
    const entry = { type: m.type(), text: m.text(), url: (m.location() && m.location().url) || '' };
    log.console.push(entry);
    if (m.type() === 'error') log.errors.push(m.text());
    if (m.type() === 'warning') log.warnings.push(m.text());
  });
  page.on('pageerror', (e) => { log.pageErrors.push(String(e)); log.errors.push(String(e)); });
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('requestfailed', (r) => log.failed.push(`${r.url()} (${r.failure() && r.failure().errorText})`));
  if (goto) await page.goto(url);
  return { page, context, log };
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

// Waits until the calculator in a frame (or page) is ready and has its bands.
export async function waitFrameReady(frame, timeout = 30000) {
  await frame.waitForFunction(() => window.rareshock && window.rareshock.stats().framesRendered > 0 &&
    window.rareshock.getResults().regions.length > 0, null, { timeout });
}

export async function framesOf(frame) {
  return frame.evaluate(() => (window.rareshock ? window.rareshock.stats().framesRendered : 0));
}

export async function nextFrames(page, n = 2) {
  await page.evaluate((n) => new Promise((resolve) => {
    let i = 0;
    const step = () => (++i >= n ? resolve() : requestAnimationFrame(step));
    requestAnimationFrame(step);
  }), n);
}

// Pixel statistics of PNG screenshots, computed by the browser itself (no image
// library needed): distinct colours, and the share of pixels that differ from another image.
export async function imageStats(browser, png, otherPng = null) {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    return await page.evaluate(async ([a, b]) => {
      const load = async (b64) => {
        const img = new Image();
        img.src = 'data:image/png;base64,' + b64;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.naturalWidth; c.height = img.naturalHeight;
        const ctx = c.getContext('2d');
        ctx.drawImage(img, 0, 0);
        return ctx.getImageData(0, 0, c.width, c.height);
      };
      const A = await load(a);
      const colours = new Set();
      for (let i = 0; i < A.data.length; i += 4 * 7) colours.add((A.data[i] << 16) | (A.data[i + 1] << 8) | A.data[i + 2]);
      const out = { width: A.width, height: A.height, colours: colours.size, diff: null };
      if (b) {
        const B = await load(b);
        if (B.width !== A.width || B.height !== A.height) out.diff = 1;
        else {
          let d = 0;
          for (let i = 0; i < A.data.length; i += 4) {
            if (Math.abs(A.data[i] - B.data[i]) + Math.abs(A.data[i + 1] - B.data[i + 1]) + Math.abs(A.data[i + 2] - B.data[i + 2]) > 24) d++;
          }
          out.diff = d / (A.width * A.height);
        }
      }
      return out;
    }, [png.toString('base64'), otherPng ? otherPng.toString('base64') : null]);
  } finally {
    await context.close();
  }
}

export function noErrors(log, what = '') {
  assert(log.errors.length === 0, `no console errors${what}: ${log.errors.join(' | ')}`);
}
