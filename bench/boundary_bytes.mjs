#!/usr/bin/env node
// Rare Earth Shock — what crosses the C++/JavaScript boundary, per input change
// and per frame of a drag, in headless Chromium.
//   node bench/boundary_bytes.mjs [SITE_DIR]    (default: build/web/site)
// Prints, per setInputs change (central estimate and bands) and per drag frame:
// the bytes of text decoded from the WebAssembly heap (TextDecoder, which all of
// Emscripten's string reads use), the characters given to JSON.parse, and the
// app's own count (stats().boundaryBytes: strings and numbers both ways) where
// the build has it. Nothing here registers onChange (that asks for the results).
import { serve, openPage, waitReady, settle } from '../tools/pages.mjs';
import { startEngine } from '../tools/engines.mjs';

const root = process.argv[2];
const browser = await startEngine('chromium');
const site = await serve(root ? { root } : {});
const hook = () => {
  window.__b = { decoded: 0, strings: 0, parsed: 0, parses: 0 };
  const decode = TextDecoder.prototype.decode;
  TextDecoder.prototype.decode = function (a, o) {
    if (a) { window.__b.decoded += a.byteLength; window.__b.strings++; }
    return decode.call(this, a, o);
  };
  const parse = JSON.parse;
  JSON.parse = function (s, r) { window.__b.parsed += String(s).length; window.__b.parses++; return parse.call(this, s, r); };
};
// Counters since the last call (the app's boundaryBytes too, when it has one).
const take = (page) => page.evaluate(() => {
  const b = window.__b, own = window.rareshock.stats().boundaryBytes;
  const out = { ...b, own: own === undefined ? null : own - (window.__own || 0) };
  window.__own = own || 0;
  b.decoded = b.strings = b.parsed = b.parses = 0;
  return out;
});
const fmt = (x, n) => `decoded ${(x.decoded / n).toFixed(0)} B in ${(x.strings / n).toFixed(1)} strings, ` +
  `JSON.parse ${(x.parsed / n).toFixed(0)} chars in ${(x.parses / n).toFixed(1)} calls` +
  (x.own === null ? '' : `, boundaryBytes ${(x.own / n).toFixed(0)} B`);
try {
  for (const [label, width, dpr] of [['desktop 1280 px', 1280, 1], ['phone 390 px DPR 3', 390, 3]]) {
    const { page, context } = await openPage(browser, `${site.url}/index.html`, { width, height: 900, dpr, init: [`(${hook})();`] });
    await waitReady(page);
    await settle(page);
    // Changes through the API; each waits until the page has the banded results
    // (the twin's table caption says so), read from the DOM, not through the boundary.
    const settledOn = (v) => page.waitFor((v) => {
      const t = document.querySelector('.rs-table caption');
      const twin = document.getElementById('rs-twin-approval');
      return twin && twin.value === String(v) && t && !/central estimate/.test(t.textContent);
    }, v, 20000);
    await take(page);
    const changes = 10;
    for (let i = 0; i < changes; i++) {
      const v = 30 + 3 * i;
      await page.evaluate((v) => { window.rareshock.setInputs({ approval: v }); }, v);
      await settledOn(v).catch(() => settle(page));  // older builds: no caption change
    }
    const perChange = await take(page);
    // A mouse drag over the approval slider, one movement per two frames.
    const box = await page.evaluate(() => window.rareshock.debugItem('approval'));
    const y = box.y1 - 16, x0 = box.x0 + 60, x1 = box.x1 - 60;
    await page.mouse.move(x0 + (x1 - x0) * 0.1, y);
    await page.mouse.down();
    await settle(page);
    const f0 = await page.evaluate(() => window.rareshock.stats().framesRendered);
    await take(page);
    const steps = 40;
    for (let i = 0; i <= steps; i++) {
      await page.mouse.move(x0 + (x1 - x0) * (0.1 + 0.8 * i / steps), y);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    }
    const drag = await take(page);
    const f1 = await page.evaluate(() => window.rareshock.stats().framesRendered);
    await page.mouse.up();
    const frames = Math.max(1, f1 - f0);
    console.log(`${label}: per setInputs change: ${fmt(perChange, changes)}`);
    console.log(`${label}: per drag frame (${frames} frames, ${steps + 1} moves): ${fmt(drag, frames)}; per move: ${fmt(drag, steps + 1)}`);
    await context.close();
  }
} finally {
  await site.close();
  await browser.close();
}
