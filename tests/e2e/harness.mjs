// Rare Earth Shock — browser test harness: Debian's Chromium driven by playwright-core,
// the built site served by scripts/serve.mjs on free loopback ports.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from '../../scripts/serve.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SITE = path.join(ROOT, 'build/web/site');
export const ARTIFACTS = path.join(ROOT, 'build/e2e-artifacts');

export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-features=Translate,MediaRouter,OptimizationHints', '--hide-scrollbars', '--mute-audio',
];

export async function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
}

// Starts a server for the site on a free port; returns {url, close}.
export async function serve(options = {}) {
  const server = createServer(options.root || SITE, options);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, options.host || '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return { url: `http://${options.host || '127.0.0.1'}:${port}`, port, close: () => new Promise((r) => server.close(r)) };
}

// A page that records console errors, failed requests and requests to other hosts.
export async function openPage(browser, url, { width = 1280, height = 900, dpr = 1, dark = false, touch = false, allowHosts = [] } = {}) {
  const context = await browser.newContext({
    viewport: { width, height }, deviceScaleFactor: dpr, colorScheme: dark ? 'dark' : 'light', hasTouch: touch, isMobile: false,
  });
  const page = await context.newPage();
  const log = { errors: [], warnings: [], foreign: [], failed: [] };
  const origin = new URL(url).host;
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(m.text());
    if (m.type() === 'warning') log.warnings.push(m.text());
  });
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('request', (r) => {
    const u = new URL(r.url());
    if ((u.protocol === 'http:' || u.protocol === 'https:') && u.host !== origin && !allowHosts.includes(u.host)) log.foreign.push(r.url());
  });
  page.on('requestfailed', (r) => log.failed.push(r.url()));
  await page.goto(url);
  return { page, context, log };
}

export async function waitReady(page, timeout = 30000) {
  await page.waitForFunction(() => window.rareshock && typeof window.rareshock.stats === 'function' && window.rareshock.stats().framesRendered > 0, null, { timeout });
  // Let the bands land and the layout settle.
  await page.waitForFunction(() => window.rareshock.getResults().regions.length > 0, null, { timeout });
}

export async function idle(page, ms = 600) {
  await page.waitForTimeout(ms);
}

export function artifact(name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

// Runs named tests in order; prints one line each and the closing count.
export async function runTests(tests, filter) {
  let passed = 0, failed = 0;
  for (const [name, fn] of tests) {
    if (filter && !name.includes(filter)) continue;
    const t0 = Date.now();
    try {
      await fn();
      passed++;
      console.log(`ok   ${name} (${Date.now() - t0} ms)`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${name}: ${e && e.stack ? e.stack.split('\n').slice(0, 3).join(' | ') : e}`);
    }
  }
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  return failed === 0;
}
