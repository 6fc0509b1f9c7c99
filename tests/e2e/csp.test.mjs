// Rare Earth Shock — the page and the embed under the strict Content-Security-Policy
// header (tools/server.mjs STRICT_CSP): no console errors, no CSP violations.
import { serve, waitReady, settle, drawnSince, framesOf, assert, noErrors } from './harness.mjs';
import { openWith } from './util.mjs';
import { STRICT_CSP } from '../../tools/server.mjs';

// Records the page's securitypolicyviolation events in window.__cspViolations (an init script).
export const RECORD_CSP = `
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || '(inline)') + ' at ' + e.sourceFile + ':' + e.lineNumber);
}, true);`;

export function cspTests({ engine }) {
  const tests = [];
  for (const file of ['index.html', 'embed.html']) {
    tests.push([`strict CSP header: ${file} loads with no violations or console errors; no requests after load, no storage`, async () => {
      const site = await serve({ strictCsp: true });
      const { page, context } = await openWith(engine, `${site.url}/${file}`, { goto: false, init: [RECORD_CSP] });
      try {
        const response = await fetch(`${site.url}/${file}`);
        assert(response.headers.get('content-security-policy') === STRICT_CSP, 'the strict CSP header is sent');
        await page.goto(`${site.url}/${file}`);
        await waitReady(page);
        await settle(page);
        const requestsAtReady = (await page.logs()).requests.length;
        await page.evaluate(() => window.rareshock.setInputs({ approval: 35 }));
        const f0 = await framesOf(page);
        await page.mouse.move(400, 400);
        await drawnSince(page, f0);
        await settle(page);
        const log = await page.logs();
        const later = log.requests.slice(requestsAtReady).filter((u) => !/favicon/.test(u));
        assert(later.length === 0, `no requests after load: ${later.join(' ')}`);
        const storage = await page.evaluate(() => ({ cookie: document.cookie, local: localStorage.length, session: sessionStorage.length }));
        assert(storage.cookie === '' && storage.local === 0 && storage.session === 0, `no cookies or storage: ${JSON.stringify(storage)}`);
        const violations = await page.evaluate(() => window.__cspViolations);
        const cspConsole = log.console.filter((m) => /Content Security Policy|Content-Security-Policy/i.test(m.text));
        assert(violations.length === 0, `no securitypolicyviolation events: ${violations.join(' | ')}`);
        assert(cspConsole.length === 0, `no CSP console messages: ${cspConsole.map((m) => m.text).join(' | ')}`);
        await noErrors(page);
        assert(log.failed.length === 0, `no failed requests: ${log.failed.join(' ')}`);
        const results = await page.evaluate(() => window.rareshock.getResults());
        assert(results.inputs.approval === 35 && results.summary.length > 20, 'the calculator works');
      } finally {
        await context.close();
        await site.close();
      }
    }]);
  }
  return tests;
}
