// Rare Earth Shock — the single self-contained file: from file:// with no other
// request, inside <iframe sandbox="allow-scripts"> (an opaque origin), and its size.
import fs from 'node:fs';
import path from 'node:path';
import { SITE, waitReady, assert, noErrors } from './harness.mjs';
import { openWith, serveFixtures, waitFrameReady, framesOf, recordFrameErrors, frameRecord } from './util.mjs';

export const OFFLINE_BUDGET = 600 * 1000;  // bytes (600 kB, 1 kB = 1000 B as in scripts/size.sh)
const OFFLINE = path.join(SITE, 'rareshock-offline.html');

export function offlineTests({ engine }) {
  const tests = [];

  tests.push(['offline file: size within 600 kB', async () => {
    const size = fs.statSync(OFFLINE).size;
    console.log(`     rareshock-offline.html: ${size} bytes`);
    assert(size <= OFFLINE_BUDGET, `rareshock-offline.html is ${size} bytes (> ${OFFLINE_BUDGET})`);
  }, { needs: ['noBrowser'] }]);

  tests.push(['offline file: works from file:// with no other request', async () => {
    const { page, context } = await openWith(engine, `file://${OFFLINE}`);
    try {
      await waitReady(page);
      await page.evaluate(() => window.rareshock.setInputs({ approval: 10 }));
      await page.waitFor(() => window.rareshock.getResults().inputs.approval === 10, null, 10000).catch(() => {});
      const r = await page.evaluate(() => window.rareshock.getResults());
      assert(r.summary && r.summary.length > 20 && r.regions.length > 0, 'results present');
      assert(r.inputs.approval === 10, `setInputs works (${r.inputs.approval})`);
      const log = await noErrors(page);
      const other = log.requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'));
      assert(other.length === 0, `only file: and data: requests: ${other.join(' ')}`);
      assert(log.failed.length === 0, `no failed requests: ${log.failed.join(' ')}`);
    } finally {
      await context.close();
    }
  }]);

  tests.push(['offline file: renders inside <iframe sandbox="allow-scripts">', async () => {
    const fx = await serveFixtures();
    const { page, context } = await openWith(engine, `${fx.url}/offline-sandbox.html`);
    try {
      const frame = page.frame('#f');
      await waitFrameReady(frame);
      await recordFrameErrors(frame);
      const origin = await frame.evaluate(() => window.origin);
      assert(origin === 'null', `the frame has an opaque origin (${origin})`);
      const a = await framesOf(frame);
      await frame.evaluate(() => window.rareshock.setInputs({ approval: 60 }));
      await frame.waitFor(() => window.rareshock.getResults().inputs.approval === 60, null, 10000);
      await frame.waitFor((a) => window.rareshock.stats().framesRendered > a, a, 15000).catch(() => {});
      const b = await framesOf(frame);
      assert(a > 0 && b > a, `frames rendered in the sandbox (${a} → ${b})`);
      const rec = await frameRecord(frame);
      assert(rec.errors.length === 0, `no errors in the frame: ${rec.errors.join(' | ')}`);
      await noErrors(page);
    } finally {
      await context.close();
      await fx.close();
    }
  }]);

  return tests;
}
