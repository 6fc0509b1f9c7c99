// Rare Earth Shock — the page helpers over the driver layer (engines.mjs), shared by the
// browser tests (tests/e2e) and the benches (bench/): the built site served by server.mjs on
// free loopback ports, pages opened in any engine, and waits on the calculator's state
// (never on time).
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from './server.mjs';
import { injectingHandler } from './engines.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SITE = path.join(ROOT, 'build/web/site');

// An http.Server for `handler` that also serves the driver layer's injected scripts.
export function testServer(handler) {
  return http.createServer(injectingHandler(handler));
}
export function listen(server, host) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve(server.address().port));
  });
}
export function siteServer(options = {}) {
  const inner = createServer(options.root || SITE, options);
  return testServer(inner.listeners('request')[0]);
}

// Starts a server for the site on a free port; returns {url, port, close}.
const openServers = new Set();
export async function serve(options = {}) {
  const host = options.host || '127.0.0.1';
  const server = siteServer(options);
  const port = await listen(server, host);
  openServers.add(server);
  return { url: `http://${host}:${port}`, port, close: () => { openServers.delete(server); return new Promise((r) => server.close(r)); } };
}

// Closes every server serve() started that is still open (a test that failed before its
// `finally`, or one run again after a driver failure, can leave one behind, and a server
// left listening keeps the test process from ending); returns how many there were.
export async function closeServers() {
  const left = [...openServers];
  openServers.clear();
  for (const server of left) {
    if (server.closeAllConnections) server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
  return left.length;
}

// A page in the engine, with its log (console, errors, warnings, requests, failed, foreign).
// `log` is live in Chromium and Firefox; call `await page.logs()` (or the helpers below)
// before reading it, which also refreshes it in WebKit.
export async function openWith(engine, url, options = {}) {
  const page = await engine.open(url, options);
  const log = await page.logs();
  return { page, log, context: { close: () => page.close() } };
}
export const openPage = openWith;

// Waits until the calculator (in a page or frame) has drawn and has its results.
export async function waitReady(page, timeout = 60000) {
  await page.waitFor(() => window.rareshock && typeof window.rareshock.stats === 'function' &&
    window.rareshock.stats().framesRendered > 0 && window.rareshock.getResults().regions.length > 0, null, timeout);
}

// Waits until the calculator has stopped drawing: framesRendered unchanged over `quiet`
// consecutive animation frames of its document (an engine that draws slowly waits longer).
export async function settle(page, quiet = 8, timeout = 60000) {
  const r = await page.evaluate(async ([quiet, timeout]) => {
    const frames = () => window.rareshock.stats().framesRendered;
    const raf = () => new Promise((res) => requestAnimationFrame(() => res()));
    const t0 = performance.now();
    let last = frames();
    for (let still = 0; still < quiet;) {
      if (performance.now() - t0 > timeout) return `still drawing after ${timeout} ms (${frames()} frames)`;
      await raf();
      const f = frames();
      if (f === last) still++; else { still = 0; last = f; }
    }
    return null;
  }, [quiet, timeout]);
  assert(r === null, `settle: ${r}`);
}

// Resolves after `n` animation frames of the document (an observation window measured in the
// engine's own frames, used to show that something does NOT happen).
export async function animationFrames(page, n) {
  await page.evaluate((n) => new Promise((resolve) => {
    let i = 0;
    const step = () => (++i >= n ? resolve() : requestAnimationFrame(step));
    requestAnimationFrame(step);
  }), n);
}

export async function framesOf(page) {
  return page.evaluate(() => (window.rareshock ? window.rareshock.stats().framesRendered : 0));
}

// Waits until the calculator has drawn at least one more frame than `after`.
export async function drawnSince(page, after, timeout = 30000) {
  await page.waitFor((after) => window.rareshock.stats().framesRendered > after, after, timeout);
}

// Polls a condition evaluated in Node (e.g. one that reads several frames) until it holds.
export async function until(cond, timeout = 30000, what = 'condition') {
  const t0 = Date.now();
  let last = null;
  for (;;) {
    try { if (await cond()) return; last = null; } catch (e) { last = e; }
    if (Date.now() - t0 > timeout) throw new Error(`timed out after ${timeout} ms waiting for ${what}${last ? ': ' + last.message : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// A click at the centre of an element (scrolled into view first), as a reader's click.
export async function clickOn(page, selector) {
  const c = await page.evaluate((sel) => {
    const el = document.querySelector(sel);
    el.scrollIntoView({ block: 'center' });
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, selector);
  await page.mouse.click(c.x, c.y);
}

export async function focusOn(page, selector) {
  await page.evaluate((sel) => document.querySelector(sel).focus(), selector);
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}
