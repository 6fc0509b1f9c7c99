// Rare Earth Shock — the single self-contained file: from file:// with no other
// request, inside <iframe sandbox="allow-scripts"> (an opaque origin), and its size.
import fs from 'node:fs';
import path from 'node:path';
import { SITE, waitReady, assert, noErrors } from './harness.mjs';
import { openWith, serveFixtures, waitFrameReady, framesOf, recordFrameErrors, frameRecord } from './util.mjs';
import { RECORD_CSP } from './csp.test.mjs';

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

  // The file's own Content-Security-Policy <meta> (scripts/offline-csp.mjs): inline scripts and
  // styles by hash only, and nothing blocked under it: no violation, every style applied, the
  // calculator working. From file:// and in the sandboxed frame (which runs no other script).
  async function underItsPolicy(doc, approval) {
    const meta = await doc.evaluate(() => {
      const m = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
      return m ? { content: m.getAttribute('content'), inHead: m.parentNode === document.head } : null;
    });
    assert(meta && meta.inHead, 'the file has a Content-Security-Policy <meta> in its <head>');
    const policy = Object.fromEntries(meta.content.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    assert(policy['default-src'] && policy['default-src'].join(' ') === "'none'", `default-src 'none' (${meta.content})`);
    for (const d of ['script-src', 'style-src']) {
      const v = policy[d] || [];
      assert(v.length > 0 && !v.includes("'unsafe-inline'") && v.filter((x) => x !== "'wasm-unsafe-eval'").every((x) => /^'sha256-[A-Za-z0-9+/]+={0,2}'$/.test(x)),
             `${d}: hashes only, no 'unsafe-inline' (${v.join(' ')})`);
    }
    assert((policy['script-src'] || []).includes("'wasm-unsafe-eval'"), "script-src allows 'wasm-unsafe-eval'");
    await waitReady(doc);
    const before = await doc.evaluate(() => window.rareshock.getResults().summary);
    await doc.evaluate((a) => window.rareshock.setInputs({ approval: a }), approval);
    await doc.waitFor((a) => window.rareshock.getResults().inputs.approval === a, approval, 10000);
    const r = await doc.evaluate(() => window.rareshock.getResults());
    assert(r.summary !== before && r.regions.length > 0, `setInputs changes the results (${r.summary.slice(0, 60)})`);
    const state = await doc.evaluate(() => ({
      violations: window.__cspViolations || null,
      unapplied: [...document.querySelectorAll('style')].filter((s) => !s.sheet).length,
    }));
    assert(state.violations !== null, 'the violation recorder ran in the document');
    assert(state.violations.length === 0, `no securitypolicyviolation events: ${state.violations.join(' | ')}`);
    assert(state.unapplied === 0, `every inline <style> applied (${state.unapplied} blocked)`);
  }

  tests.push(['offline file: its own CSP <meta> allows exactly what it needs (file://)', async () => {
    const { page, context } = await openWith(engine, `file://${OFFLINE}`, { init: [RECORD_CSP] });
    try {
      await underItsPolicy(page, 10);
      const log = await noErrors(page);
      const cspConsole = log.console.filter((m) => /Content.Security.Policy/i.test(m.text));
      assert(cspConsole.length === 0, `no CSP console messages: ${cspConsole.map((m) => m.text).join(' | ')}`);
    } finally {
      await context.close();
    }
  }]);

  tests.push(['offline file: its own CSP <meta> allows exactly what it needs (sandboxed iframe)', async () => {
    const fx = await serveFixtures();
    const { page, context } = await openWith(engine, `${fx.url}/offline-sandbox.html`, { init: [RECORD_CSP] });
    try {
      const frame = page.frame('#f');
      await waitFrameReady(frame);
      await recordFrameErrors(frame);
      await underItsPolicy(frame, 60);
      const rec = await frameRecord(frame);
      assert(rec.errors.length === 0, `no errors in the frame: ${rec.errors.join(' | ')}`);
      const log = await noErrors(page);
      const cspConsole = log.console.filter((m) => /Content.Security.Policy/i.test(m.text));
      assert(cspConsole.length === 0, `no CSP console messages: ${cspConsole.map((m) => m.text).join(' | ')}`);
    } finally {
      await context.close();
      await fx.close();
    }
  }]);

  return tests;
}
