// Rare Earth Shock — the single self-contained file: from file:// with no other
// request, inside <iframe sandbox="allow-scripts"> (an opaque origin), and its size.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SITE, ROOT, waitReady, assert, noErrors } from './harness.mjs';
import { openWith, serveFixtures, waitFrameReady, framesOf, recordFrameErrors, frameRecord } from './util.mjs';
import { RECORD_CSP } from './csp.test.mjs';

export const OFFLINE_BUDGET = 600 * 1000;  // bytes (600 kB, 1 kB = 1000 B as in scripts/size.sh)
const OFFLINE = path.join(SITE, 'rareshock-offline.html');

// Where the calculator's page is published, as the web build was configured (RS_PUBLIC_URL,
// defined once in CMakeLists.txt).
function publicUrl() {
  const cache = fs.readFileSync(path.join(SITE, '..', 'CMakeCache.txt'), 'utf8');
  const m = /^RS_PUBLIC_URL:STRING=(.*)$/m.exec(cache);
  assert(m, 'build/web/CMakeCache.txt defines RS_PUBLIC_URL');
  return m[1];
}
const STRINGS_EN = JSON.parse(fs.readFileSync(path.join(ROOT, 'assets/strings/en.json'), 'utf8'));

// Copy link through the twin's button, with a clipboard that takes every write (the
// driver cannot read the clipboard in every engine): what was copied, and the status.
const FAKE_CLIPBOARD = `window.__copied = [];
Object.defineProperty(navigator, 'clipboard', { configurable: true, value: {
  writeText: function (text) { window.__copied.push(text); return Promise.resolve(); } } });`;
async function copyLink(page) {
  await page.evaluate(() => document.querySelector('.rs-twin button[data-action="share"]').click());
  await page.waitFor(() => window.__copied.length > 0 && (document.querySelector('.rs-twin-status') || {}).textContent, null, 10000);
  return page.evaluate(() => ({ copied: window.__copied.slice(), status: document.querySelector('.rs-twin-status').textContent }));
}

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

  // Copy link in the offline file: the published page with the scenario, never a file: path
  // (which can hold the reader's name).
  tests.push(['offline file: share link and Copy link lead to the public page, never to file:', async () => {
    const base = publicUrl();
    assert(/^https?:\/\//.test(base), `the build knows a public page (RS_PUBLIC_URL=${base})`);
    const { page, context } = await openWith(engine, `file://${OFFLINE}`, { init: [FAKE_CLIPBOARD] });
    try {
      await waitReady(page);
      await page.evaluate(() => window.rareshock.setInputs({ approval: 10, inventory: 45 }));
      await page.waitFor(() => window.rareshock.getResults().inputs.approval === 10, null, 10000);
      const url = await page.evaluate(() => window.rareshock.shareUrl());
      assert(url.startsWith(base + '?'), `shareUrl() starts with the public page ${base} (${url})`);
      assert(/[?&]approval=10(&|$)/.test(url) && /[?&]inventory=45(&|$)/.test(url), `it carries the scenario (${url})`);
      assert(!url.includes('file:'), `no file: in it (${url})`);
      const { copied, status } = await copyLink(page);
      assert(copied.length === 1 && copied[0] === url, `Copy link copied the share link (${copied.join(' ')})`);
      assert(status === STRINGS_EN['ui.status.copied'], `the status says it reproduces the result ("${status}")`);
      await noErrors(page);
    } finally {
      await context.close();
    }
  }]);

  tests.push(['offline file: with no public page known, Copy link copies a local link, says so, and holds no path', async () => {
    // The same file as a build without RS_PUBLIC_URL makes it, in a folder named after a reader.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rs-offline-'));
    const folder = path.join(dir, 'Users', 'alice.example');
    fs.mkdirSync(folder, { recursive: true });
    const html = fs.readFileSync(OFFLINE, 'utf8');
    const local = html.replace(/(<meta name="rareshock-public-url" content=")[^"]*(")/, '$1$2');  // the build's RS_PUBLIC_URL, emptied
    const file = path.join(folder, 'rareshock-offline.html');
    fs.writeFileSync(file, local);
    const { page, context } = await openWith(engine, `file://${file}`, { init: [FAKE_CLIPBOARD] });
    try {
      await waitReady(page);
      await page.evaluate(() => window.rareshock.setInputs({ approval: 10 }));
      await page.waitFor(() => window.rareshock.getResults().inputs.approval === 10, null, 10000);
      const url = await page.evaluate(() => window.rareshock.shareUrl());
      assert(!url.includes('file:') && !url.includes('alice') && !url.includes(dir), `no file: path in the link (${url})`);
      assert(url.startsWith('rareshock-offline.html?') && /[?&]approval=10(&|$)/.test(url), `the file's name and the scenario (${url})`);
      const { copied, status } = await copyLink(page);
      assert(copied.length === 1 && copied[0] === url, `Copy link copied that link (${copied.join(' ')})`);
      assert(status === STRINGS_EN['ui.status.copied_local'], `the status says the link is local ("${status}")`);
      await noErrors(page);
    } finally {
      await context.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }]);

  return tests;
}
