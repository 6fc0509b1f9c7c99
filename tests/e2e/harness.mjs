// Rare Earth Shock — browser test harness: the site's server, pages and waits on state
// come from tools/drive.mjs (shared with the benchmarks); here the test-only helpers and
// the runner with its exception list (exceptions.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exceptionFor } from './exceptions.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export { SITE, serve, openWith, openPage, waitReady, settle, clickOn, testServer, listen, siteServer } from '../../tools/drive.mjs';
export const ARTIFACTS = path.join(ROOT, 'build/e2e-artifacts');

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

export async function focusOn(page, selector) {
  await page.evaluate((sel) => document.querySelector(sel).focus(), selector);
}

export function artifact(name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

export async function noErrors(page, what = '') {
  const log = await page.logs();
  assert(log.errors.length === 0, `no console errors${what}: ${[...new Set(log.errors)].slice(0, 5).join(' | ')}`);
  return log;
}

// Runs the tests in order in `engine`: [name, fn, {needs}]; prints one line each, the
// exceptions as "skipped in <engine>: <reason>", and the closing count.
// A failure of the connection to the browser's driver (WebKitWebDriver's HTTP: refused,
// reset, or no answer within its time limit), not of anything the test checked.
export function driverFailure(e) {
  return !!e && (e.driverFailure === true || (e.name === 'TypeError' && e.message === 'fetch failed'));
}

export async function runTests(tests, engine, filter) {
  let passed = 0, failed = 0, skipped = 0;
  for (const [name, fn, opts = {}] of tests) {
    if (filter && !name.includes(filter)) continue;
    const reason = exceptionFor(engine, opts.needs);
    if (reason) {
      skipped++;
      console.log(`skip ${name}: skipped in ${engine}: ${reason}`);
      continue;
    }
    const t0 = Date.now();
    try {
      try {
        await fn();
      } catch (e) {
        // The driver itself fell over (its connection dropped or a command never answered):
        // that says nothing about the page, so the test runs once more, in a new session, and
        // the hiccup is printed. A test that fails again, or fails on an assertion, fails.
        if (!driverFailure(e)) throw e;
        console.log(`     ${name}: the ${engine} driver failed (${e.message}); running the test once more`);
        await fn();
      }
      passed++;
      console.log(`ok   ${name} (${Date.now() - t0} ms)`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${name} (${Date.now() - t0} ms): ${e && e.stack ? e.stack.split('\n').slice(0, 3).join(' | ') : e}`);
    }
  }
  console.log(`e2e-${engine}: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  return failed === 0;
}
