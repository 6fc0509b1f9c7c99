// Rare Earth Shock — the static fallback (made by scripts/make-fallback.mjs in the
// web build): shown with its summary sentence without JavaScript, without
// WebAssembly and without WebGL2, never overlapping the page; no uncaught errors.
import fs from 'node:fs';
import path from 'node:path';
import { SITE, openWith, settle, artifact, assert, noErrors } from './harness.mjs';

export const fallbackNumbers = {};

async function fallbackState(page) {
  return page.evaluate(() => {
    // The picture shown: the <noscript> one without JavaScript, else #rs-fallback-img.
    const imgs = [...document.querySelectorAll('#rs-fallback img')];
    const img = imgs.find((i) => i.getClientRects().length > 0) || document.getElementById('rs-fallback-img');
    const cap = document.getElementById('rs-fallback-caption');
    const fig = document.getElementById('rs-fallback');
    const footer = document.querySelector('footer');
    const r = (el) => { if (!el) return null; const b = el.getBoundingClientRect(); return { top: b.top + scrollY, bottom: b.bottom + scrollY, width: b.width, height: b.height }; };
    return {
      htmlClass: document.documentElement.className, images: imgs.length, shownId: img && (img.id || img.className),
      src: img && img.getAttribute('src'), alt: img && img.alt, complete: img && img.complete, natural: img && img.naturalWidth,
      attrW: img && img.getAttribute('width'), attrH: img && img.getAttribute('height'),
      caption: cap && cap.textContent.trim(), img: r(img), cap: r(cap), fig: r(fig), footer: r(footer),
      figVisible: !!fig && getComputedStyle(fig).display !== 'none' && getComputedStyle(fig).visibility !== 'hidden',
      canvasDisplay: getComputedStyle(document.getElementById('rareshock-canvas')).display,
      docHeight: document.documentElement.scrollHeight,
    };
  });
}

// Waits until the fallback picture shown (if any) has loaded and the page has laid out.
async function pictureLoaded(page) {
  await page.waitFor(() => {
    if (document.readyState !== 'complete') return false;
    const imgs = [...document.querySelectorAll('#rs-fallback img')];
    const img = imgs.find((i) => i.getClientRects().length > 0) || document.getElementById('rs-fallback-img');
    return !img || !img.getAttribute('src') || (img.complete && img.naturalWidth > 0);
  }, null, 15000);
}

// Failed requests, less a fallback picture the browser gave up for the one shown: when the
// viewport settles after the first layout, a <source media> that matched at first (the
// phone picture) stops matching and its request is aborted (net::ERR_ABORTED in Chromium,
// NS_BINDING_ABORTED in Firefox). That is the picture element doing its job. Nor the page's
// scripts, which its <head> preloads: with JavaScript off the browser refuses them (Chromium
// reports them blocked, "csp"). A failure of the picture shown, or of anything else, still counts.
function realFailures(log, shownSrc) {
  return log.failed.filter((f) => {
    if (/\/[a-z]+\.js(?:\?\S*)? \(csp\)$/.test(f)) return false;
    const m = /\/(fallback[a-z.-]*\.(?:jpg|png))(?:\?\S*)? \((?:net::ERR_ABORTED|NS_BINDING_ABORTED)\)$/.exec(f);
    return !(m && m[1] !== shownSrc);
  });
}

function checkShown(s, label) {
  assert(s.figVisible, `${label}: the fallback figure is visible`);
  assert(s.src && /^fallback\.(png|jpg)$/.test(s.src), `${label}: img src is the generated picture (${s.src})`);
  assert(fs.existsSync(path.join(SITE, s.src)), `${label}: ${s.src} exists in the site`);
  assert(s.complete && s.natural > 0, `${label}: the picture loaded (naturalWidth ${s.natural})`);
  assert(s.img && s.img.width > 200 && s.img.height > 100, `${label}: the picture has a size on screen (${JSON.stringify(s.img)})`);
  assert(s.alt && s.alt.length > 20, `${label}: alt text is the summary sentence ("${s.alt}")`);
  assert(s.alt === s.caption, `${label}: alt text equals the caption ("${s.alt}" vs "${s.caption}")`);
  assert(String(s.natural) === s.attrW, `${label}: width attribute is the picture's real width (${s.attrW} vs ${s.natural})`);
  if (s.footer) assert(s.cap.bottom <= s.footer.top + 1, `${label}: the caption does not overlap the footer (caption bottom ${s.cap.bottom}, footer top ${s.footer.top})`);
}

export function fallbackTests({ engine, site }) {
  const tests = [];

  for (const file of ['index.html', 'embed.html']) {
    tests.push([`fallback: without JavaScript ${file} shows the picture with the summary as alt text and caption`, async () => {
      const { page, context } = await openWith(engine, `${site.url}/${file}`, { js: false });
      try {
        await pictureLoaded(page);
        const s = await fallbackState(page);
        fallbackNumbers[file] = { src: s.src, alt: s.alt, size: `${s.attrW}×${s.attrH}` };
        fs.writeFileSync(artifact(`${engine.name}-fallback-nojs-${file.replace('.html', '')}.png`), await page.screenshot({ fullPage: true }));
        checkShown(s, file);
        const log = await page.logs();
        const failed = realFailures(log, s.src);
        assert(failed.length === 0, `no failed requests: ${failed.join(' ')}`);
      } finally {
        await context.close();
      }
    }]);
  }

  tests.push(['fallback: without WebAssembly the page shows the picture (rs-failed), no uncaught errors', async () => {
    const { page, context } = await openWith(engine, `${site.url}/index.html`, { init: ['delete window.WebAssembly;'] });
    try {
      await page.waitFor(() => document.documentElement.classList.contains('rs-failed'), null, 15000);
      await pictureLoaded(page);
      const s = await fallbackState(page);
      fs.writeFileSync(artifact(`${engine.name}-fallback-nowasm.png`), await page.screenshot({ fullPage: true }));
      checkShown(s, 'no WebAssembly');
      assert(s.canvasDisplay === 'none', 'the empty canvas is hidden');
      const log = await noErrors(page);
      assert(log.pageErrors.length === 0, `no uncaught errors: ${log.pageErrors.join(' | ')}`);
    } finally {
      await context.close();
    }
  }]);

  tests.push(['fallback: without WebGL2 the page shows the picture (rs-failed), no uncaught errors', async () => {
    const noWebGL2 = `(() => { const orig = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) { return type === 'webgl2' ? null : orig.call(this, type, ...rest); }; })();`;
    const { page, context } = await openWith(engine, `${site.url}/embed.html`, { init: [noWebGL2] });
    try {
      await page.waitFor(() => document.documentElement.classList.contains('rs-failed'), null, 15000);
      await pictureLoaded(page);
      const s = await fallbackState(page);
      checkShown(s, 'no WebGL2');
      const log = await noErrors(page);
      assert(log.pageErrors.length === 0, `no uncaught errors: ${log.pageErrors.join(' | ')}`);
    } finally {
      await context.close();
    }
  }]);

  // WebGL switched off in the browser (as some privacy modes do): WebKit then has no
  // WebGLRenderingContext at all, which used to throw inside main() and hang the page blank.
  for (const file of ['index.html', 'embed.html']) {
    tests.push([`fallback: with WebGL switched off in the browser, ${file} shows the picture and the summary`, async () => {
      const { page, context } = await openWith(engine, `${site.url}/${file}`, { webgl: false });
      try {
        const webgl = await page.evaluate(() => typeof WebGL2RenderingContext);
        await page.waitFor(() => document.documentElement.classList.contains('rs-failed'), null, 30000)
          .catch(() => { throw new Error(`no fallback within 30 s (typeof WebGL2RenderingContext: ${webgl})`); });
        await pictureLoaded(page);
        const s = await fallbackState(page);
        fs.writeFileSync(artifact(`${engine.name}-fallback-nowebgl-${file.replace('.html', '')}.png`), await page.screenshot({ fullPage: true }));
        checkShown(s, `WebGL off (${file})`);
        assert(s.canvasDisplay === 'none', 'the empty canvas is hidden');
        const log = await page.logs();
        assert(log.pageErrors.length === 0, `no uncaught errors: ${log.pageErrors.join(' | ')}`);
      } finally {
        await context.close();
      }
    }]);
  }

  tests.push(['fallback: an exception thrown while the app starts ends in the picture, not a blank widget', async () => {
    const boom = `HTMLCanvasElement.prototype.getContext = function () { throw new Error('injected start-up failure'); };`;
    const { page, context } = await openWith(engine, `${site.url}/index.html`, { init: [boom] });
    try {
      await page.waitFor(() => document.documentElement.classList.contains('rs-failed'), null, 30000)
        .catch(() => { throw new Error('no fallback within 30 s after an exception in start-up'); });
      await pictureLoaded(page);
      checkShown(await fallbackState(page), 'exception in start-up');
      const log = await page.logs();
      assert(log.warnings.some((w) => /injected start-up failure/.test(w)), `the reason is on the console: ${log.warnings.join(' | ')}`);
    } finally {
      await context.close();
    }
  }]);

  tests.push(['fallback: a normal load of the embed does not download the fallback picture', async () => {
    const { page, context } = await openWith(engine, `${site.url}/embed.html`);
    try {
      await page.waitFor(() => window.rareshock && window.rareshock.stats().framesRendered > 0, null, 30000);
      await settle(page);
      const log = await page.logs();
      const fetched = log.requests.filter((u) => /\/fallback\.(png|jpg)/.test(u));
      fallbackNumbers.downloadedOnNormalLoad = fetched.length > 0;
      assert(fetched.length === 0, `the fallback picture was downloaded although the app works: ${fetched.join(' ')}`);
    } finally {
      await context.close();
    }
  }]);

  return tests;
}
