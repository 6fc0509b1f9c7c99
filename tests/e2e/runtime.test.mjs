// Rare Earth Shock — the answer never waits for a frame. The model runs apart
// from the frames: with the canvas offscreen, the tab hidden or the WebGL
// context lost, setInputs still reaches getInputs (at once), getResults,
// onChange, the DOM twin and the aria-live summary; only drawing pauses.
//
// The pages are driven through page-level JavaScript (the public API, DOM
// events, the twin's real controls), so the tests port to other engines.
import { waitReady, assert } from './harness.mjs';
import { openWith, noErrors } from './util.mjs';

// In the page: a recorder of onChange calls (results and the provisional flag).
const recordChanges = () => {
  window.__changes = [];
  window.rareshock.onChange((r) => window.__changes.push({ approval: r.inputs.approval, provisional: r.provisional,
                                                           summary: r.summary }));
};

// Waits until every surface agrees on approval = v with the final (banded) results.
async function waitAllSurfaces(page, v, what) {
  await page.waitForFunction((v) => {
    const api = window.rareshock, r = api.getResults();
    const live = document.querySelector('.rs-live[aria-live="polite"]');
    const twin = document.getElementById('rs-twin-approval');
    const last = window.__changes[window.__changes.length - 1];
    return r.inputs.approval === v && r.provisional === false && live && live.textContent === r.summary &&
           twin && twin.value === String(v) && last && last.approval === v && last.provisional === false &&
           last.summary === r.summary;
  }, v, { timeout: 20000 }).catch((e) => {
    throw new Error(`${what}: the results, onChange, the twin and aria-live did not all reach approval ${v} (${e.message.split('\n')[0]})`);
  });
}

export function runtimeTests({ browser, site }) {
  const tests = [];

  tests.push(['runtime: setInputs then an immediate getInputs and getResults reflect the change', async () => {
    const { page, context, log } = await openWith(browser, `${site.url}/index.html`);
    try {
      await waitReady(page);
      const r = await page.evaluate(() => {
        const api = window.rareshock;
        const warnings = api.setInputs({ approval: 61, inventory: 70 });
        const inputs = api.getInputs();
        const results = api.getResults();
        return { warnings, inputs, results: { inputs: results.inputs, provisional: results.provisional, summary: results.summary } };
      });
      assert(r.warnings.length === 0, `no warnings: ${r.warnings}`);
      assert(r.inputs.approval === 61 && r.inputs.inventory === 70, `getInputs at once: ${JSON.stringify(r.inputs)}`);
      assert(r.results.inputs.approval === 61 && r.results.inputs.inventory === 70, 'getResults at once describes the new inputs');
      assert(r.results.provisional === true, 'the immediate results are the central estimate, flagged provisional');
      await page.waitForFunction(() => window.rareshock.getResults().provisional === false, null, { timeout: 20000 });
      const full = await page.evaluate(() => window.rareshock.getResults());
      assert(full.inputs.approval === 61, 'the banded results are for the same inputs');
      const spread = full.regions.some((g) => g.vehicles_lost.p10 !== g.vehicles_lost.p90);
      assert(spread, 'the banded results have a P10–P90 spread');
      noErrors(log);
    } finally {
      await context.close();
    }
  }]);

  tests.push(['runtime: hidden tab: setInputs reaches getResults, onChange, the twin and aria-live; no frames drawn; drawing resumes when visible', async () => {
    const { page, context, log } = await openWith(browser, `${site.url}/index.html`);
    try {
      await waitReady(page);
      await page.evaluate(recordChanges);
      await page.evaluate(() => {
        window.__setHidden = (hidden) => {
          Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
          Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
          document.dispatchEvent(new Event('visibilitychange'));
        };
        window.__setHidden(true);
        window.__framesHidden = window.rareshock.stats().framesRendered;
        window.rareshock.setInputs({ approval: 55 });
      });
      assert(await page.evaluate(() => window.rareshock.getInputs().approval) === 55, 'getInputs at once while hidden');
      await waitAllSurfaces(page, 55, 'hidden tab');
      const frames = await page.evaluate(() => window.rareshock.stats().framesRendered - window.__framesHidden);
      assert(frames === 0, `no frames drawn while hidden (${frames})`);
      await page.evaluate(() => window.__setHidden(false));
      await page.waitForFunction(() => window.rareshock.stats().framesRendered > window.__framesHidden, null, { timeout: 10000 });
      noErrors(log);
    } finally {
      await context.close();
    }
  }]);

  tests.push(['runtime: WebGL context lost: setInputs reaches getResults, onChange, the twin and aria-live; no frames until restored', async () => {
    const { page, context, log } = await openWith(browser, `${site.url}/index.html`);
    try {
      await waitReady(page);
      await page.evaluate(recordChanges);
      const ok = await page.evaluate(() => new Promise((resolve) => {
        const c = document.getElementById('rareshock-canvas');
        const gl = c.getContext('webgl2');
        window.__lose = gl && gl.getExtension('WEBGL_lose_context');
        if (!window.__lose) { resolve(false); return; }
        c.addEventListener('webglcontextlost', () => {
          window.__framesLost = window.rareshock.stats().framesRendered;
          window.rareshock.setInputs({ approval: 44 });
          resolve(true);
        }, { once: true });
        window.__lose.loseContext();
      }));
      assert(ok, 'WEBGL_lose_context available');
      await waitAllSurfaces(page, 44, 'context lost');
      const frames = await page.evaluate(() => window.rareshock.stats().framesRendered - window.__framesLost);
      assert(frames === 0, `no frames drawn while the context is lost (${frames})`);
      await page.evaluate(() => window.__lose.restoreContext());
      await page.waitForFunction(() => window.rareshock.stats().framesRendered > window.__framesLost, null, { timeout: 10000 });
      noErrors(log);
    } finally {
      await context.close();
    }
  }]);

  return tests;
}
