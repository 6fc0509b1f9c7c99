// Rare Earth Shock — tests of the page (index.html): load, screenshots, API, input, idle.
import fs from 'node:fs';
import { field } from './facts.mjs';
import { openWith, waitReady, settle, animationFrames, framesOf, drawnSince, artifact, assert, noErrors } from './harness.mjs';
import { replay } from './gestures.mjs';

const SIZES = [
  { name: 'desktop-1280-dpr1', width: 1280, height: 900, dpr: 1 },
  { name: 'desktop-1280-dpr2', width: 1280, height: 900, dpr: 2 },
  { name: 'phone-360-dpr2', width: 360, height: 740, dpr: 2, touch: true },
  { name: 'phone-360-dpr1', width: 360, height: 740, dpr: 1, touch: true },
];

// The approval slider's track row, in page coordinates.
export async function approvalTrack(page) {
  const box = await page.evaluate(() => window.rareshock.debugItem('approval'));
  assert(box, 'approval slider located');
  return { box, y: box.y1 - 16, x0: box.x0 + 60, x1: box.x1 - 60 };
}

export function pageTests({ engine, site }) {
  const tests = [];
  for (const size of SIZES) {
    for (const dark of [false, true]) {
      const label = `${size.name}-${dark ? 'dark' : 'light'}`;
      tests.push([`loads and renders: ${label}`, async () => {
        const { page, context } = await openWith(engine, `${site.url}/index.html`, { ...size, dark });
        try {
          await waitReady(page);
          await settle(page);
          fs.writeFileSync(artifact(`${engine.name}-page-${label}.png`), await page.screenshot({ selector: '#rs-widget' }));
          const r = await page.evaluate(() => ({
            results: window.rareshock.getResults(),
            scrollW: document.documentElement.scrollWidth, clientW: document.documentElement.clientWidth,
            theme: document.documentElement.getAttribute('data-rs-theme'), dpr: window.devicePixelRatio, width: window.innerWidth,
          }));
          assert(r.width === size.width && r.dpr === size.dpr, `viewport ${r.width} px at DPR ${r.dpr} (wanted ${size.width} at ${size.dpr})`);
          assert(r.results.summary && r.results.summary.length > 20, 'summary sentence present');
          assert(r.scrollW <= r.clientW, `no horizontal scroll (${r.scrollW} > ${r.clientW})`);
          assert(r.theme === (dark ? 'dark' : 'light'), `theme follows prefers-color-scheme (${r.theme})`);
          const log = await noErrors(page);
          assert(log.foreign.length === 0, `no requests to other hosts: ${log.foreign.join(' ')}`);
          assert(log.failed.length === 0, `no failed requests: ${log.failed.join(' ')}`);
        } finally {
          await context.close();
        }
      }]);
    }
  }

  tests.push(['API: setInputs changes results; bad input warns and keeps state', async () => {
    const { page, context } = await openWith(engine, `${site.url}/index.html`);
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
      const log = await noErrors(page);
      assert(log.warnings.length >= 3, 'warnings on the console');
    } finally {
      await context.close();
    }
  }]);

  tests.push(['idle: no frames while nothing changes', async () => {
    const { page, context } = await openWith(engine, `${site.url}/index.html`);
    try {
      await waitReady(page);
      await settle(page);
      const a = await framesOf(page);
      await animationFrames(page, 60);
      const b = await framesOf(page);
      assert(a === b, `frames stayed at ${a} over 60 animation frames (now ${b})`);
      await page.mouse.move(300, 300);
      await drawnSince(page, b);
    } finally {
      await context.close();
    }
  }]);

  tests.push(['mouse: dragging the approval slider changes the results', async () => {
    const { page, context } = await openWith(engine, `${site.url}/index.html`);
    try {
      await waitReady(page);
      await settle(page);
      const { y, x0, x1 } = await approvalTrack(page);
      const start = await page.evaluate(() => window.rareshock.getInputs().approval);
      await page.mouse.move(x0 + (x1 - x0) * 0.25, y);
      await page.mouse.down();
      for (let i = 1; i <= 10; i++) await page.mouse.move(x0 + (x1 - x0) * (0.25 + 0.05 * i), y);
      await page.mouse.up();
      await page.waitFor((start) => window.rareshock.getResults().inputs.approval > start + 20, start, 15000)
        .catch(() => {});
      const end = await page.evaluate(() => window.rareshock.getResults().inputs.approval);
      assert(end > start + 20, `approval moved from ${start} to ${end}`);
    } finally {
      await context.close();
    }
  }]);

  // A slow device (WebKit under load draws a few frames a second) or a fast flick
  // delivers the drag's last move and the release between two frames. The slider
  // must end where the reader let go, not where the previous frame saw the pointer.
  tests.push(['mouse: a drag whose last move and release come between two frames ends where it was released', async () => {
    const { page, context } = await openWith(engine, `${site.url}/index.html`);
    try {
      await waitReady(page);
      await settle(page);
      const { y, x0, x1 } = await approvalTrack(page);
      const start = await page.evaluate(() => window.rareshock.getInputs().approval);
      const from = x0 + (x1 - x0) * 0.25, to = x0 + (x1 - x0) * 0.75;
      const before = await framesOf(page);
      await replay(page, [{ type: 'mousemove', x: from, y }, { type: 'mousedown', x: from, y }]);
      await drawnSince(page, before);  // a frame has seen the press
      // The move and the release in one task: no frame can run between them.
      await replay(page, [{ type: 'mousemove', x: to, y }, { type: 'mouseup', x: to, y }]);
      await page.waitFor((start) => window.rareshock.getResults().inputs.approval > start + 20, start, 15000)
        .catch(() => {});
      await settle(page);
      const end = await page.evaluate(() => window.rareshock.getResults().inputs.approval);
      assert(end > start + 20, `approval moved from ${start} to ${end} (released at 75 % of the track)`);
      // Released: moving back without a button leaves the value alone.
      await replay(page, [{ type: 'mousemove', x: from, y }]);
      await settle(page);
      const after = await page.evaluate(() => window.rareshock.getInputs().approval);
      assert(after === end, `the slider let go: approval ${end} became ${after} on a move without a button`);
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
      const { page, context } = await openWith(engine, `${site.url}/index.html`, { width, height: 800, dpr, init: [RECORD_CLS] });
      try {
        await waitReady(page);
        await settle(page);
        const cls = await page.evaluate(() => window.__cls);
        console.log(`     CLS at ${width} px: ${cls.toFixed(4)}`);
        assert(cls < 0.1, `CLS ${cls.toFixed(3)} at ${width} px`);
      } finally {
        await context.close();
      }
    }, { needs: ['layoutShiftApi'] }]);
  }

  return tests;
}
