// Rare Earth Shock — the static fallback (made by scripts/make-fallback.mjs in the
// web build): shown with its summary sentence without JavaScript, without
// WebAssembly and without WebGL2, never overlapping the page; no uncaught errors.
import fs from 'node:fs';
import path from 'node:path';
import { SITE, idle, artifact, assert } from './harness.mjs';
import { openWith } from './util.mjs';

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

export function fallbackTests({ browser, site }) {
  const tests = [];

  for (const file of ['index.html', 'embed.html']) {
    tests.push([`fallback: without JavaScript ${file} shows the picture with the summary as alt text and caption`, async () => {
      const { page, context, log } = await openWith(browser, `${site.url}/${file}`, { js: false });
      try {
        await page.waitForLoadState('load');
        await idle(page, 300);
        const s = await fallbackState(page);
        fallbackNumbers[file] = { src: s.src, alt: s.alt, size: `${s.attrW}×${s.attrH}` };
        await page.screenshot({ path: artifact(`fallback-nojs-${file.replace('.html', '')}.png`), fullPage: true });
        checkShown(s, file);
        assert(log.failed.length === 0, `no failed requests: ${log.failed.join(' ')}`);
      } finally {
        await context.close();
      }
    }]);
  }

  tests.push(['fallback: without WebAssembly the page shows the picture (rs-failed), no uncaught errors', async () => {
    const { page, context, log } = await openWith(browser, `${site.url}/index.html`, { init: ['delete window.WebAssembly;'] });
    try {
      await page.waitForFunction(() => document.documentElement.classList.contains('rs-failed'), null, { timeout: 10000 });
      await idle(page, 500);
      const s = await fallbackState(page);
      await page.screenshot({ path: artifact('fallback-nowasm.png'), fullPage: true });
      checkShown(s, 'no WebAssembly');
      assert(s.canvasDisplay === 'none', 'the empty canvas is hidden');
      assert(log.pageErrors.length === 0, `no uncaught errors: ${log.pageErrors.join(' | ')}`);
      assert(log.errors.length === 0, `no console errors: ${log.errors.join(' | ')}`);
    } finally {
      await context.close();
    }
  }]);

  tests.push(['fallback: without WebGL2 the page shows the picture (rs-failed), no uncaught errors', async () => {
    const noWebGL2 = `(() => { const orig = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) { return type === 'webgl2' ? null : orig.call(this, type, ...rest); }; })();`;
    const { page, context, log } = await openWith(browser, `${site.url}/embed.html`, { init: [noWebGL2] });
    try {
      await page.waitForFunction(() => document.documentElement.classList.contains('rs-failed'), null, { timeout: 15000 });
      await idle(page, 500);
      const s = await fallbackState(page);
      checkShown(s, 'no WebGL2');
      assert(log.pageErrors.length === 0, `no uncaught errors: ${log.pageErrors.join(' | ')}`);
      assert(log.errors.length === 0, `no console errors: ${log.errors.join(' | ')}`);
    } finally {
      await context.close();
    }
  }]);

  tests.push(['fallback: a normal load of the embed does not download the fallback picture', async () => {
    const { page, context, log } = await openWith(browser, `${site.url}/embed.html`);
    try {
      await page.waitForFunction(() => window.rareshock && window.rareshock.stats().framesRendered > 0, null, { timeout: 30000 });
      await idle(page, 500);
      const fetched = log.requests.filter((u) => /\/fallback\.(png|jpg)/.test(u));
      fallbackNumbers.downloadedOnNormalLoad = fetched.length > 0;
      assert(fetched.length === 0, `the fallback picture was downloaded although the app works: ${fetched.join(' ')}`);
    } finally {
      await context.close();
    }
  }]);

  return tests;
}
