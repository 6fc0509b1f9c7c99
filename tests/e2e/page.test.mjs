// Rare Earth Shock — tests of the page (index.html): load, screenshots, API, input, idle.
import { field } from './facts.mjs';
import { openPage, waitReady, idle, artifact, assert } from './harness.mjs';
import { openWith } from './util.mjs';

const SIZES = [
  { name: 'desktop-1280-dpr1', width: 1280, height: 900, dpr: 1 },
  { name: 'desktop-1280-dpr2', width: 1280, height: 900, dpr: 2 },
  { name: 'phone-360-dpr2', width: 360, height: 740, dpr: 2, touch: true },
  { name: 'phone-360-dpr1', width: 360, height: 740, dpr: 1, touch: true },
];

export function pageTests({ browser, site }) {
  const tests = [];
  for (const size of SIZES) {
    for (const dark of [false, true]) {
      const label = `${size.name}-${dark ? 'dark' : 'light'}`;
      tests.push([`loads and renders: ${label}`, async () => {
        const { page, context, log } = await openPage(browser, `${site.url}/index.html`, { ...size, dark });
        try {
          await waitReady(page);
          await idle(page, 800);
          const widget = await page.$('#rs-widget');
          await widget.screenshot({ path: artifact(`page-${label}.png`) });
          const r = await page.evaluate(() => ({
            results: window.rareshock.getResults(),
            scrollW: document.documentElement.scrollWidth, clientW: document.documentElement.clientWidth,
            theme: document.documentElement.getAttribute('data-rs-theme'),
          }));
          assert(r.results.summary && r.results.summary.length > 20, 'summary sentence present');
          assert(r.scrollW <= r.clientW, `no horizontal scroll (${r.scrollW} > ${r.clientW})`);
          assert(r.theme === (dark ? 'dark' : 'light'), `theme follows prefers-color-scheme (${r.theme})`);
          assert(log.errors.length === 0, `no console errors: ${log.errors.join(' | ')}`);
          assert(log.foreign.length === 0, `no requests to other hosts: ${log.foreign.join(' ')}`);
          assert(log.failed.length === 0, `no failed requests: ${log.failed.join(' ')}`);
        } finally {
          await context.close();
        }
      }]);
    }
  }

  tests.push(['API: setInputs changes results; bad input warns and keeps state', async () => {
    const { page, context, log } = await openPage(browser, `${site.url}/index.html`);
    try {
      await waitReady(page);
      const before = await page.evaluate(() => window.rareshock.getResults().regions[0].vehicles_lost.p50);
      const changed = await page.evaluate(() => new Promise((resolve) => {
        window.rareshock.onChange((r) => { if (r.inputs.approval === 5) resolve(r.regions[0].vehicles_lost.p50); });
        window.rareshock.setInputs({ approval: 5 });
      }));
      assert(changed > before, `lower approval loses more vehicles (${changed} > ${before})`);
      const msgs = await page.evaluate(() => window.rareshock.setInputs({ approval: 'abc', inventory: 1e9, bogus: 1 }));
      assert(msgs.length === 3, `three messages for three bad inputs: ${JSON.stringify(msgs)}`);
      const inputs = await page.evaluate(() => window.rareshock.getInputs());
      assert(inputs.approval === 5 && inputs.inventory === field('inventory').default, `state kept: ${JSON.stringify(inputs)}`);
      assert(log.warnings.length >= 3, 'warnings on the console');
      assert(log.errors.length === 0, `no console errors: ${log.errors.join(' | ')}`);
    } finally {
      await context.close();
    }
  }]);

  tests.push(['idle: no frames while nothing changes', async () => {
    const { page, context } = await openPage(browser, `${site.url}/index.html`);
    try {
      await waitReady(page);
      await idle(page, 1000);
      const a = await page.evaluate(() => window.rareshock.stats().framesRendered);
      await idle(page, 1500);
      const b = await page.evaluate(() => window.rareshock.stats().framesRendered);
      assert(a === b, `frames stayed at ${a} (now ${b})`);
      await page.mouse.move(300, 300);
      await idle(page, 300);
      const c = await page.evaluate(() => window.rareshock.stats().framesRendered);
      assert(c > b, 'input wakes it up');
    } finally {
      await context.close();
    }
  }]);

  tests.push(['mouse: dragging the approval slider changes the results', async () => {
    const { page, context } = await openPage(browser, `${site.url}/index.html`);
    try {
      await waitReady(page);
      await idle(page, 500);
      const box = await page.evaluate(() => window.rareshock.debugItem('approval'));
      assert(box, 'approval slider located');
      const start = await page.evaluate(() => window.rareshock.getInputs().approval);
      // The track is the middle of the slider's last row.
      const y = box.y1 - 16, x0 = box.x0 + 60, x1 = box.x1 - 60;
      await page.mouse.move(x0 + (x1 - x0) * 0.25, y);
      await page.mouse.down();
      for (let i = 1; i <= 10; i++) await page.mouse.move(x0 + (x1 - x0) * (0.25 + 0.05 * i), y);
      await page.mouse.up();
      await idle(page, 500);
      const end = await page.evaluate(() => window.rareshock.getInputs().approval);
      assert(end > start + 20, `approval moved from ${start} to ${end}`);
    } finally {
      await context.close();
    }
  }]);

  // The page reserves the app's height before it starts (CSS by width), so the
  // article does not jump while the calculator loads.
  const RECORD_CLS = `window.__cls = 0; try { new PerformanceObserver(function (l) { l.getEntries().forEach(function (e) {
    if (!e.hadRecentInput) window.__cls += e.value; }); }).observe({ type: 'layout-shift', buffered: true }); } catch (e) {}`;
  for (const [width, dpr] of [[1280, 1], [760, 1], [360, 2]]) {
    tests.push([`page: no layout shift while the app loads at ${width} px (CLS < 0.1)`, async () => {
      const { page, context } = await openWith(browser, `${site.url}/index.html`, { width, height: 800, dpr, init: [RECORD_CLS] });
      try {
        await waitReady(page);
        await idle(page, 1000);
        const cls = await page.evaluate(() => window.__cls);
        console.log(`     CLS at ${width} px: ${cls.toFixed(4)}`);
        assert(cls < 0.1, `CLS ${cls.toFixed(3)} at ${width} px`);
      } finally {
        await context.close();
      }
    }]);
  }

  return tests;
}
