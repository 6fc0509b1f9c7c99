// Rare Earth Shock — what the browser tests import: the page helpers (tools/pages.mjs: the
// site served on free loopback ports, pages opened through the driver layer, waits on state,
// never on time), failure artifacts and the console check, and register(), which hands a
// file's tests to Node's test runner (node:test) with the exceptions (exceptions.mjs) as skips.
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT, assert } from '../../tools/pages.mjs';
import { driverFailure } from '../../tools/engines.mjs';
import { exceptionFor } from './exceptions.mjs';
export * from '../../tools/pages.mjs';

export const ARTIFACTS = path.join(ROOT, 'build/e2e-artifacts');
// A test that runs longer fails (and the stage goes on): four times the slowest measured.
export const TEST_TIMEOUT_MS = 20 * 60 * 1000;

export function artifact(name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

export async function noErrors(page, what = '') {
  const log = await page.logs();
  assert(log.errors.length === 0, `no console errors${what}: ${[...new Set(log.errors)].slice(0, 5).join(' | ')}`);
  return log;
}

// Runs a test's function; when the driver itself fell over (its connection dropped or a
// command never answered), which says nothing about the page, runs it once more, in a new
// session, and prints the hiccup. A test that fails again, or fails on a check, fails.
export async function onceMoreOnDriverFailure(name, engine, fn) {
  try {
    await fn();
  } catch (e) {
    if (!driverFailure(e)) throw e;
    console.log(`     ${name}: the ${engine} driver failed (${e.message}); running the test once more`);
    await fn();
  }
}

// Registers a file's tests, [name, fn, {needs}], in order, as node:test tests: a test that
// needs what `engine` cannot express (exceptions.mjs) is skipped with the reason.
export function register(tests, engine) {
  for (const [name, fn, opts = {}] of tests) {
    const reason = exceptionFor(engine, opts.needs);
    test(name, { skip: reason ? `skipped in ${engine}: ${reason}` : false, timeout: TEST_TIMEOUT_MS },
      () => onceMoreOnDriverFailure(name, engine, fn));
  }
}
