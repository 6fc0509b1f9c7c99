// Rare Earth Shock — the built site served to the driver layer (engines.mjs) and the
// calculator's state waited on (never time), as the browser tests and the benchmarks use
// them: the site by tools/server.mjs on free loopback ports, with the driver layer's
// injected scripts; pages opened in any engine; waits until it has drawn, or stopped drawing.
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
export async function serve(options = {}) {
  const host = options.host || '127.0.0.1';
  const server = siteServer(options);
  const port = await listen(server, host);
  return { url: `http://${host}:${port}`, port, close: () => new Promise((r) => server.close(r)) };
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
  if (r !== null) throw new Error(`settle: ${r}`);
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
