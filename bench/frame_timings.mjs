#!/usr/bin/env node
// Rare Earth Shock — frame timings in headless Chromium (software WebGL, so GPU
// time is pessimistic; the CPU figures are the app's own work per frame).
//   node bench/frame_timings.mjs        (after the web build)
// Prints: time to first frame, CPU ms per frame while dragging the approval slider
// (median, p95, max), model ms (the last full Monte Carlo, all slices), and frames
// rendered while idle.
import { launch, serve, openPage, waitReady, idle } from '../tests/e2e/harness.mjs';

const browser = await launch();
const site = await serve();
const pct = (xs, p) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
try {
  for (const [label, width, dpr, query] of [['desktop 1280 px DPR 1', 1280, 1, ''], ['phone 360 px DPR 2', 360, 2, ''],
                                            ['desktop, 5,000 draws (sliced Monte Carlo)', 1280, 1, '?draws=5000']]) {
    const { page, context } = await openPage(browser, `${site.url}/index.html${query}`, { width, height: 900, dpr });
    await waitReady(page);
    await idle(page, 800);
    const first = await page.evaluate(() => window.rareshock.stats().firstFrameMs);
    const box = await page.evaluate(() => window.rareshock.debugItem('approval'));
    const y = box.y1 - 16, x0 = box.x0 + 60, x1 = box.x1 - 60;
    await page.mouse.move(x0 + (x1 - x0) * 0.1, y);
    await page.mouse.down();
    const frame = [], model = [];
    for (let i = 0; i <= 80; i++) {
      await page.mouse.move(x0 + (x1 - x0) * (0.1 + 0.8 * Math.abs(Math.sin(i / 12))), y);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const s = await page.evaluate(() => window.rareshock.stats());
      frame.push(s.lastFrameMs);
      model.push(s.lastModelMs);
    }
    await page.mouse.up();
    await idle(page, 1000);
    const a = await page.evaluate(() => window.rareshock.stats().framesRendered);
    await idle(page, 3000);
    const b = await page.evaluate(() => window.rareshock.stats().framesRendered);
    console.log(`${label}: first frame ${first.toFixed(0)} ms after navigation; while dragging: frame CPU median ` +
      `${pct(frame, 0.5).toFixed(2)} ms, p95 ${pct(frame, 0.95).toFixed(2)} ms, max ${Math.max(...frame).toFixed(2)} ms; ` +
      `model median ${pct(model, 0.5).toFixed(2)} ms; idle frames in 3 s: ${b - a}`);
    await context.close();
  }
} finally {
  await site.close();
  await browser.close();
}
