#!/usr/bin/env node
// Rare Earth Shock — browser tests. `node tests/e2e/run.mjs [filter]`
import { launch, serve, openPage, waitReady, idle, artifact, assert, runTests } from './harness.mjs';
import { pageTests } from './page.test.mjs';

const filter = process.argv[2];
const browser = await launch();
const site = await serve();
const ctx = { browser, site };
let ok = false;
try {
  ok = await runTests(pageTests(ctx), filter);
} finally {
  await site.close();
  await browser.close();
}
process.exit(ok ? 0 : 1);
