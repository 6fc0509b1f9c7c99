// Rare Earth Shock — the answer never waits for a frame. The model runs apart
// from the frames: with the canvas offscreen, the tab hidden or the WebGL
// context lost, setInputs still reaches getInputs (at once), getResults,
// onChange, the DOM twin and the aria-live summary; only drawing pauses.
//
// The pages are driven through page-level JavaScript (the public API, DOM
// events, the twin's real controls), so the tests port to other engines.
import fs from 'node:fs';
import path from 'node:path';
import { openWith, SITE, serve, waitReady, assert, noErrors, focusOn, settle } from './harness.mjs';

// index.html inside an article: paragraphs above and below the widget, as a
// news page has them.
function articlePage(req, res) {
  let html = fs.readFileSync(path.join(SITE, 'index.html'), 'utf8');
  const para = '<p class="rs-dek">In April 2025 China began requiring export licences for rare earths and the magnets ' +
               'made from them; car makers in Europe, Japan and the United States said within weeks that lines would stop.</p>\n';
  assert(html.includes('<div class="rs-widget"'), 'index.html structure as expected');
  const last = '<p class="rs-dek">The figures come from industry statements and the press (<a id="before-widget" href="#sources">sources</a>).</p>\n';
  html = html.replace('<div class="rs-widget"', para.repeat(8) + last + '<div class="rs-widget"')
             .replace('<footer', para.repeat(30) + '<footer');
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' }).end(html);
}

// In the page: a recorder of onChange calls (results and the provisional flag).
const recordChanges = () => {
  window.__changes = [];
  window.rareshock.onChange((r) => window.__changes.push({ approval: r.inputs.approval, provisional: r.provisional,
                                                           summary: r.summary }));
};

// Waits until every surface agrees on approval = v with the final (banded) results.
async function waitAllSurfaces(page, v, what) {
  await page.waitFor((v) => {
    const api = window.rareshock, r = api.getResults();
    const live = document.querySelector('.rs-live[aria-live="polite"]');
    const twin = document.getElementById('rs-twin-approval');
    const last = window.__changes[window.__changes.length - 1];
    return r.inputs.approval === v && r.provisional === false && live && live.textContent === r.summary &&
           twin && twin.value === String(v) && last && last.approval === v && last.provisional === false &&
           last.summary === r.summary;
  }, v, 20000).catch((e) => {
    throw new Error(`${what}: the results, onChange, the twin and aria-live did not all reach approval ${v} (${e.message.split('\n')[0]})`);
  });
}

export function runtimeTests({ engine, site }) {
  let articleSite = null;
  const tests = [];

  tests.push(['runtime: setInputs then an immediate getInputs and getResults reflect the change', async () => {
    const { page, context, log } = await openWith(engine, `${site.url}/index.html`);
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
      await page.waitFor(() => window.rareshock.getResults().provisional === false, null, 20000);
      const full = await page.evaluate(() => window.rareshock.getResults());
      assert(full.inputs.approval === 61, 'the banded results are for the same inputs');
      const spread = full.regions.some((g) => g.vehicles_lost.p10 !== g.vehicles_lost.p90);
      assert(spread, 'the banded results have a P10–P90 spread');
      // getInputs() (numbers from the model) and getResults().inputs (JSON text) agree to the last bit.
      const same = await page.evaluate(() => {
        window.rareshock.setInputs({ approval: 100 / 3, inventory: 0.1, lag: 62.0000005, transit: 35.4999995 });
        return { a: JSON.stringify(window.rareshock.getInputs()), b: JSON.stringify(window.rareshock.getResults().inputs) };
      });
      assert(same.a === same.b, `getInputs() equals getResults().inputs: ${same.a} vs ${same.b}`);
      await noErrors(page);
    } finally {
      await context.close();
    }
  }]);

  // Frames carry the Monte Carlo's slices; one with nothing new to show draws nothing
  // (web_platform.cpp render_frame): a change draws its settle frames (3) and the frame
  // with the ranges (a height that changes with them, one or two more), not a frame per slice.
  tests.push(['runtime: the Monte Carlo\'s slices draw nothing new: a change draws a few frames, not one per slice', async () => {
    const { page, context } = await openWith(engine, `${site.url}/index.html`, { width: 1280, height: 900 });
    try {
      await waitReady(page);
      await settle(page);
      const r = await page.evaluate(async () => {
        const api = window.rareshock, before = api.stats();
        api.setInputs({ draws: 5000, horizon: 730, approval: 40 });   // the longest Monte Carlo the inputs allow
        await new Promise((done) => { const tick = () => (api.stats().modelBusy ? requestAnimationFrame(tick) : done()); requestAnimationFrame(tick); });
        const after = api.stats();
        return { drawn: after.framesRendered - before.framesRendered, run: after.framesRun - before.framesRun, modelMs: after.lastModelMs };
      });
      console.log(`     Monte Carlo of 5,000 draws over 730 days: ${r.modelMs.toFixed(0)} ms of model in ${r.run} frames, ${r.drawn} of them drawn`);
      assert(r.drawn >= 1 && r.drawn <= 6, `a change draws its settle frames and its ranges, not every slice: ${JSON.stringify(r)}`);
      assert(r.run >= r.drawn, `every drawn frame is a frame run: ${JSON.stringify(r)}`);
      // 8 ms of model a frame (frame_model_budget_ms): a Monte Carlo of 80 ms or more takes ten frames or more.
      if (r.modelMs >= 80) assert(r.run > r.drawn, `frames that only carried the model drew nothing: ${JSON.stringify(r)}`);
      const full = await page.evaluate(() => window.rareshock.getResults());
      assert(full.provisional === false && full.inputs.draws === 5000, `the ranges of the new inputs: ${JSON.stringify(full.inputs)}`);
      await noErrors(page);
    } finally {
      await context.close();
    }
  }]);

  tests.push(['runtime: hidden tab: setInputs reaches getResults, onChange, the twin and aria-live; no frames drawn; drawing resumes when visible', async () => {
    const { page, context, log } = await openWith(engine, `${site.url}/index.html`);
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
      await page.waitFor(() => window.rareshock.stats().framesRendered > window.__framesHidden, null, 10000);
      await noErrors(page);
    } finally {
      await context.close();
    }
  }]);

  tests.push(['runtime: WebGL context lost: setInputs reaches getResults, onChange, the twin and aria-live; no frames until restored', async () => {
    const { page, context, log } = await openWith(engine, `${site.url}/index.html`);
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
      await page.waitFor(() => window.rareshock.stats().framesRendered > window.__framesLost, null, 10000);
      await noErrors(page);
    } finally {
      await context.close();
    }
  }]);

  // The boundary is small: a change crosses as a few dozen numbers and the summary,
  // not the results JSON; getResults() brings the JSON across once per generation.
  tests.push(['runtime: a change crosses the C++/JS boundary in under 2 KB; the results JSON only when asked, once per generation', async () => {
    const { page, context, log } = await openWith(engine, `${site.url}/index.html`);
    try {
      await waitReady(page);
      const settled = (g) => page.waitFor((g) => {
        const s = window.rareshock.stats();
        return s.generation > g && !s.modelBusy;
      }, g, 20000);
      // The start-up's own publications (the central estimate, then the ranges) first:
      // one still under way would be counted with the first change.
      await page.waitFor(() => !window.rareshock.stats().modelBusy && window.rareshock.stats().generation >= 2, null, 20000);
      const r = [];
      for (const v of [31, 47, 62, 12, 90]) {
        const before = await page.evaluate((v) => {
          const s = window.rareshock.stats();
          window.rareshock.setInputs({ approval: v });
          return s;
        }, v);
        await settled(before.generation);
        const after = await page.evaluate(() => window.rareshock.stats());
        r.push({ bytes: after.boundaryBytes - before.boundaryBytes, generations: after.generation - before.generation });
      }
      console.log(`     per change: ${r.map((x) => `${x.bytes} B in ${x.generations} publications`).join(', ')}`);
      for (const x of r) assert(x.bytes < 2048, `a change (central estimate + bands) crossed ${x.bytes} bytes, not under 2 KB`);
      const json = await page.evaluate(() => {
        const b0 = window.rareshock.stats().boundaryBytes;
        const text = JSON.stringify(window.rareshock.getResults());
        const b1 = window.rareshock.stats().boundaryBytes;
        window.rareshock.getResults();
        window.rareshock.getInputs();
        const b2 = window.rareshock.stats().boundaryBytes;
        return { first: b1 - b0, again: b2 - b1, size: text.length };
      });
      console.log(`     getResults(): ${json.first} B the first time (JSON of ${json.size} chars), ${json.again} B again (with getInputs)`);
      assert(json.first > 5000, `the first getResults() brings the JSON across (${json.first} B)`);
      assert(json.again < 512, `the same generation again is cached; getInputs is numbers (${json.again} B)`);
      await noErrors(page);
    } finally {
      await context.close();
    }
  }]);

  // A keyboard or screen-reader user works the twin; the twin, once focused,
  // pushes the canvas below the fold, so no frame is drawn. The answer comes all the same.
  // how: 'top' brings the focused twin to the top of the viewport (a screen reader's
  // virtual cursor); 'tab' tabs in from the link just above the widget, with the
  // widget's top at the bottom of the viewport (a keyboard reader of the article).
  const twinOffscreen = (label, url, view, how) => [`runtime: ${label}: the twin updates the aria-live summary with the canvas offscreen`, async () => {
    articleSite = articleSite || await serve({ extraRoutes: { '/article.html': articlePage } });
    const { page, context, log } = await openWith(engine, `${articleSite.url}${url}`, view);
    try {
      await waitReady(page);
      await page.evaluate(recordChanges);
      const before = await page.evaluate(() => ({ approval: window.rareshock.getInputs().approval,
                                                  live: document.querySelector('.rs-live').textContent }));
      if (how === 'tab') {
        await page.evaluate(() => {
          const a = document.getElementById('before-widget');
          a.scrollIntoView({ block: 'end' });
          a.focus({ preventScroll: true });
        });
        await page.keyboard.press('Tab');
        assert(await page.evaluate(() => document.activeElement.id) === 'rs-twin-approval', 'Tab from the article lands on the twin');
      } else {
        // The twin's start (its hint, then the approval row) at the top, as a virtual cursor
        // entering the section leaves it; the focused input stays in view below it.
        await focusOn(page, '#rs-twin-approval');
        await page.evaluate(() => document.getElementById('rs-twin-approval').closest('section.rs-twin').scrollIntoView({ block: 'start' }));
      }
      const where = await page.evaluate(() => {
        const c = document.getElementById('rareshock-canvas').getBoundingClientRect();
        const input = document.getElementById('rs-twin-approval').getBoundingClientRect();
        return { canvasTop: Math.round(c.top), viewport: window.innerHeight, inputTop: Math.round(input.top), inputBottom: Math.round(input.bottom) };
      });
      assert(where.inputTop >= 0 && where.inputBottom <= where.viewport, `the focused input is in view (${where.inputTop}–${where.inputBottom} of ${where.viewport})`);
      assert(where.canvasTop > where.viewport + 200,
             `the focused twin pushes the canvas below the fold (canvas top ${where.canvasTop}, viewport ${where.viewport})`);
      // Offscreen (IntersectionObserver, 200 px margin): frames stop.
      await settle(page);
      const frames0 = await page.evaluate(() => window.rareshock.stats().framesRendered);
      for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
      const target = before.approval + 5;
      assert(await page.evaluate(() => window.rareshock.getInputs().approval) === target, `ArrowRight ×5 on the twin sets ${target}`);
      await waitAllSurfaces(page, target, label);
      const after = await page.evaluate(() => ({ frames: window.rareshock.stats().framesRendered,
                                                 live: document.querySelector('.rs-live').textContent,
                                                 focus: document.activeElement && document.activeElement.id }));
      assert(after.live !== before.live && after.live.length > 20, `aria-live speaks the new summary: "${after.live}"`);
      assert(after.frames === frames0, `no frames drawn while the canvas is offscreen (${frames0} → ${after.frames})`);
      assert(after.focus === 'rs-twin-approval', 'focus stays on the twin');
      console.log(`     ${label}: canvas top ${where.canvasTop} px (viewport ${where.viewport}); live: "${after.live.slice(0, 70)}…"`);
      await noErrors(page);
    } finally {
      await context.close();
    }
  }];
  tests.push(twinOffscreen('phone 390 px DPR 3', '/index.html', { width: 390, height: 844, dpr: 3, touch: true, mobile: true }, 'top'));
  tests.push(twinOffscreen('desktop article page', '/article.html', { width: 1280, height: 800 }, 'tab'));

  tests.close = async () => { if (articleSite) await articleSite.close(); };
  return tests;
}
