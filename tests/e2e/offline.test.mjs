// Rare Earth Shock — the single self-contained file: from file:// with no other
// request, inside <iframe sandbox="allow-scripts"> (an opaque origin), and its size.
import fs from 'node:fs';
import path from 'node:path';
import { SITE, waitReady, idle, assert } from './harness.mjs';
import { openWith, serveFixtures, waitFrameReady, framesOf, recordFrameErrors, frameRecord } from './util.mjs';

export const OFFLINE_BUDGET = 600 * 1000;  // bytes (600 kB, 1 kB = 1000 B as in scripts/size.sh)
const OFFLINE = path.join(SITE, 'rareshock-offline.html');

export function offlineTests({ browser }) {
  const tests = [];

  tests.push(['offline file: size within 600 kB', async () => {
    const size = fs.statSync(OFFLINE).size;
    console.log(`     rareshock-offline.html: ${size} bytes`);
    assert(size <= OFFLINE_BUDGET, `rareshock-offline.html is ${size} bytes (> ${OFFLINE_BUDGET})`);
  }]);

  tests.push(['offline file: works from file:// with no other request', async () => {
    const { page, context, log } = await openWith(browser, `file://${OFFLINE}`);
    try {
      await waitReady(page);
      await page.evaluate(() => window.rareshock.setInputs({ approval: 10 }));
      await idle(page, 800);
      const r = await page.evaluate(() => window.rareshock.getResults());
      assert(r.summary && r.summary.length > 20 && r.regions.length > 0, 'results present');
      assert(r.inputs.approval === 10, `setInputs works (${r.inputs.approval})`);
      const other = log.requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'));
      assert(other.length === 0, `only file: and data: requests: ${other.join(' ')}`);
      assert(log.errors.length === 0, `no console errors: ${log.errors.join(' | ')}`);
      assert(log.failed.length === 0, `no failed requests: ${log.failed.join(' ')}`);
    } finally {
      await context.close();
    }
  }]);

  tests.push(['offline file: renders inside <iframe sandbox="allow-scripts">', async () => {
    const fx = await serveFixtures();
    const { page, context, log } = await openWith(browser, `${fx.url}/offline-sandbox.html`);
    try {
      const frame = await (await page.$('#f')).contentFrame();
      await waitFrameReady(frame);
      await recordFrameErrors(frame);
      const origin = await frame.evaluate(() => window.origin);
      assert(origin === 'null', `the frame has an opaque origin (${origin})`);
      const a = await framesOf(frame);
      await frame.evaluate(() => window.rareshock.setInputs({ approval: 60 }));
      await frame.waitForFunction(() => window.rareshock.getResults().inputs.approval === 60, null, { timeout: 5000 });
      const b = await framesOf(frame);
      assert(a > 0 && b > a, `frames rendered in the sandbox (${a} → ${b})`);
      const rec = await frameRecord(frame);
      assert(rec.errors.length === 0, `no errors in the frame: ${rec.errors.join(' | ')}`);
      assert(log.errors.length === 0, `no console errors: ${log.errors.join(' | ')}`);
    } finally {
      await context.close();
      await fx.close();
    }
  }]);

  return tests;
}
