// Rare Earth Shock — producer options (issue 11): accent=, bg=transparent and
// headline=off, on the example page (examples/producer-options.html, the
// loader's data-* attributes) and as URL parameters of embed.html, with bad
// values warned about and ignored.
import fs from 'node:fs';
import { assert, artifact, animationFrames } from './harness.mjs';
import { decodePng } from '../../tools/png.mjs';
import { serveSiteDual, openWith, recordFrameErrors, frameRecord, waitFrameReady } from './util.mjs';
import { readyInView as loaderReadyInView } from './loader.test.mjs';

// The colour of one page pixel (CSS px, in the viewport), from a screenshot of the viewport,
// once the page has drawn what it last did (a scroll; WebKit's shot is of the last painted frame).
async function pixelAt(page, x, y) {
  await animationFrames(page, 2);
  const img = decodePng(await page.screenshot());
  const k = await page.evaluate(() => window.devicePixelRatio);
  const px = Math.round(x * k), py = Math.round(y * k);
  assert(px >= 0 && py >= 0 && px < img.width && py < img.height, `pixel (${x}, ${y}) is in the ${img.width}×${img.height} screenshot`);
  const i = (py * img.width + px) * 4;
  return [img.data[i], img.data[i + 1], img.data[i + 2]];
}
const hexRgb = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
const near = (a, b, tol = 6) => a.every((v, i) => Math.abs(v - b[i]) <= tol);

// An embed, once scrolled into view and ready (embeds above it may still grow), with an error recorder.
async function readyInView(page, selector) {
  const frame = await loaderReadyInView(page, selector);
  await recordFrameErrors(frame);
  return frame;
}
// An item's box in page (viewport) coordinates: the iframe's offset plus the item's box in it.
async function itemInPage(page, selector, frame, name) {
  const box = await frame.evaluate((n) => window.rareshock.debugItem(n), name);
  if (!box) return null;
  const off = await page.evaluate((s) => { const r = document.querySelector(`${s} iframe`).getBoundingClientRect(); return { x: r.left, y: r.top }; }, selector);
  return { x0: box.x0 + off.x, y0: box.y0 + off.y, x1: box.x1 + off.x, y1: box.y1 + off.y };
}

export function producerTests({ engine }) {
  let site = null;
  const setup = async () => { if (!site) site = await serveSiteDual(); };
  const tests = [
    ['producer options: the example page shows accent, transparent background and headline=off', async () => {
      await setup();
      const { page, context, log } = await openWith(engine, `${site.url}/examples/producer-options.html`, { width: 760, height: 1000 });
      try {
        // accent: the page's colours and the canvas's slider knob take it (light theme: 9.5:1 on white).
        const fa = await readyInView(page, '#ex-accent');
        const css = await fa.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--rs-accent').trim());
        assert(css === '#8a1538', `the page's --rs-accent is the producer's (${css})`);
        const knob = await itemInPage(page, '#ex-accent', fa, 'knob:approval');
        assert(knob, 'the approval knob is on screen');
        await page.evaluate((y) => window.scrollBy(0, y - 300), knob.y0);
        const k = await itemInPage(page, '#ex-accent', fa, 'knob:approval');
        // The track's filled part, just left of the knob's touch target (the knob itself is a ring).
        const knobPx = await pixelAt(page, k.x0 - 3, (k.y0 + k.y1) / 2);
        assert(near(knobPx, hexRgb('#8a1538'), 10), `the slider's filled track is drawn in the accent: ${knobPx}`);
        // The page fixes the light theme, where the accent has 9.5:1: nothing to warn about.
        await page.logs();
        assert(!log.warnings.some((w) => /accent:/.test(w)), `no accent warning on a light page: ${log.warnings.join(' | ')}`);

        // bg=transparent: the host's tint shows through the canvas's margins.
        const ft = await readyInView(page, '#ex-transparent');
        const head = await itemInPage(page, '#ex-transparent', ft, 'headline');
        const tint = hexRgb('#f3ede2');
        const px = await pixelAt(page, head.x1 + 4 > 740 ? head.x0 - 6 : head.x1 + 4, head.y0 - 6);
        assert(near(px, tint, 3), `the host's background shows through the embed: ${px} (expected ${tint})`);
        const bodyBg = await ft.evaluate(() => getComputedStyle(document.body).backgroundColor);
        assert(bodyBg === 'rgba(0, 0, 0, 0)', `the embed's body is transparent (${bodyBg})`);

        // headline=off: no headline sentence on the canvas; the live summary still says it.
        const fh = await readyInView(page, '#ex-headline');
        assert((await fh.evaluate(() => window.rareshock.debugItem('headline'))) === null, 'no headline drawn');
        // (The summary is written a moment after each result, once they stop changing.)
        await fh.waitFor(() => ((document.querySelector('[aria-live]') || {}).textContent || '') !== '', null, 10000).catch(() => {});
        const live = await fh.evaluate(() => (document.querySelector('[aria-live]') || {}).textContent || '');
        assert(/vehicles/.test(live), `the aria-live summary still carries the sentence: ${live.slice(0, 80)}`);
        const caption = await fh.evaluate(() => { const r = document.getElementById('rs-fallback-caption').getBoundingClientRect(); return r.width * r.height; });
        assert(caption <= 1, 'the placeholder caption is for screen readers only');
        fs.writeFileSync(artifact(`${engine.name}-producer-options-760.png`), await page.screenshot({ fullPage: true }));
        await page.logs();
        assert(log.errors.length === 0, `no console errors: ${log.errors.join(' | ')}`);
        for (const f of [fa, ft, fh]) {
          const rec = await frameRecord(f);
          assert(rec.errors.length === 0, `no errors in an embed: ${rec.errors.join(' | ')}`);
        }
      } finally {
        await context.close();
      }
    }],
    ['producer options: bad values, and an accent too dark for the dark theme, are ignored with a warning; the calculator keeps its defaults', async () => {
      await setup();
      const { page, context, log } = await openWith(engine,
        `${site.url}/embed.html?accent=red&bg=none&headline=maybe&approval=40`, { width: 760, height: 900 });
      try {
        await waitFrameReady(page);
        await page.logs();
        const warned = log.warnings.join(' | ');
        for (const what of ["accent: 'red' is not a colour", "bg: 'none' is not a background", "headline: 'maybe' is not on or off"])
          assert(warned.includes(what), `warned: ${what} (${warned})`);
        assert((await page.evaluate(() => window.rareshock.getInputs().approval)) === 40, 'the inputs still apply');
        assert((await page.evaluate(() => window.rareshock.debugItem('headline'))) !== null, 'the headline stays');
        const css = await page.evaluate(() => document.documentElement.style.getPropertyValue('--rs-accent'));
        assert(css === '', `no accent set on the page (${css})`);
        assert(log.errors.length === 0, `no console errors: ${log.errors.join(' | ')}`);
      } finally {
        await context.close();
      }
      // A dark red with the theme left to the reader's system (dark here): said, and the dark theme keeps its accent.
      // (One page at a time: MiniBrowser takes the dark scheme only at launch, so this is another browser session.)
      const auto = await openWith(engine, `${site.url}/embed.html?accent=8a1538`, { width: 760, height: 900, dark: true });
      try {
        await waitFrameReady(auto.page);
        await auto.page.logs();
        assert(auto.log.warnings.some((w) => /accent: #8a1538 has .* dark background/.test(w)),
          `a warning says the accent cannot serve the dark theme: ${auto.log.warnings.join(' | ')}`);
        const darkAccent = await auto.page.evaluate(() => document.documentElement.style.getPropertyValue('--rs-accent'));
        assert(darkAccent === '', `the dark page keeps its own accent (${darkAccent})`);
      } finally {
        await auto.context.close();
      }
    }],
  ];
  tests.close = async () => { if (site) await site.close(); };
  return tests;
}
