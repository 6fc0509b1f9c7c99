#!/usr/bin/env node
// Rare Earth Shock — frame timings and canvas size in any engine of the test driver layer
// (Chromium by default: headless, software WebGL, so GPU time is pessimistic; the CPU
// figures are the app's own work per frame).
//   node bench/frame_timings.mjs [chromium|firefox|webkit]   (after the web build)
// For a phone (390 px, DPR 3) and a desktop (1280 px, DPR 2), prints:
//   - the canvas: CSS size and drawing-buffer size (pixels) in the default view and
//     with every panel open, and the largest drawing buffer seen on any frame
//     while the panels opened;
//   - CPU ms per frame while dragging the approval slider (median, p95, max), in
//     the default view and with every panel open, and the model's ms;
//   - time to first frame and frames rendered while idle.
// Plus a 5,000-draw run on the desktop (the sliced Monte Carlo).
import { serve, openPage, waitReady, settle, clickOn } from '../tools/pages.mjs';
import { startEngine } from '../tools/engines.mjs';

const browser = await startEngine(process.argv[2] || 'chromium');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));   // a measurement window, not a wait for state
const viewportHeight = (page) => page.evaluate(() => window.innerHeight);
const site = await serve();
const pct = (xs, p) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const mp = (w, h) => `${w}×${h} (${(w * h / 1e6).toFixed(2)} MP)`;

const canvasSize = (page) => page.evaluate(() => {
  const c = document.getElementById('rareshock-canvas');
  const r = c.getBoundingClientRect();
  return { cssW: Math.round(r.width), cssH: Math.round(r.height), w: c.width, h: c.height };
});

// Scrolls a named control into view and clicks its middle (viewport coordinates).
async function clickItem(page, name) {
  let box = await page.evaluate((n) => window.rareshock.debugItem(n), name);
  if (!box) return false;
  const vh = await viewportHeight(page);
  if (box.y0 < 0 || box.y1 > vh) {
    await page.evaluate((dy) => window.scrollBy(0, dy), box.y0 - vh / 3);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    box = await page.evaluate((n) => window.rareshock.debugItem(n), name);
  }
  await page.mouse.click((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2);
  return true;
}

// Opens "Advanced assumptions" and "Method and sources" (in the canvas, or the HTML
// section beside it), recording the largest drawing buffer of every frame meanwhile.
async function openPanels(page) {
  await page.evaluate(() => {
    window.__rsMaxBuffer = 0;
    const c = document.getElementById('rareshock-canvas');
    const tick = () => { window.__rsMaxBuffer = Math.max(window.__rsMaxBuffer, c.width * c.height); window.__rsTick = requestAnimationFrame(tick); };
    tick();
  });
  await clickItem(page, 'advanced');
  await settle(page);
  if (await page.evaluate(() => !!document.querySelector('#rs-method summary'))) {
    await clickOn(page, '#rs-method summary');
  } else {
    await clickItem(page, 'method');
  }
  await settle(page);
  return page.evaluate(() => { cancelAnimationFrame(window.__rsTick); return window.__rsMaxBuffer; });
}

async function drag(page) {
  await clickItem(page, 'headline');  // scrolls the top of the calculator into view
  await page.evaluate(() => window.scrollTo(0, 0));
  let box = await page.evaluate(() => window.rareshock.debugItem('approval'));
  const vh = await viewportHeight(page);
  if (box.y1 > vh) {
    await page.evaluate((dy) => window.scrollBy(0, dy), box.y0 - vh / 3);
    box = await page.evaluate(() => window.rareshock.debugItem('approval'));
  }
  const y = box.y1 - 16, x0 = box.x0 + 60, x1 = box.x1 - 60;
  await page.mouse.move(x0 + (x1 - x0) * 0.1, y);
  await page.mouse.down();
  const frame = [], model = [];
  for (let i = 0; i <= 60; i++) {
    await page.mouse.move(x0 + (x1 - x0) * (0.1 + 0.8 * Math.abs(Math.sin(i / 12))), y);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const s = await page.evaluate(() => window.rareshock.stats());
    frame.push(s.lastFrameMs);
    model.push(s.lastModelMs);
  }
  await page.mouse.up();
  return `frame CPU median ${pct(frame, 0.5).toFixed(2)} ms, p95 ${pct(frame, 0.95).toFixed(2)} ms, max ${Math.max(...frame).toFixed(2)} ms ` +
    `(model median ${pct(model, 0.5).toFixed(2)} ms)`;
}

try {
  const runs = [
    { label: 'phone 390 px DPR 3', width: 390, height: 844, dpr: 3, panels: true },
    { label: 'desktop 1280 px DPR 2', width: 1280, height: 900, dpr: 2, panels: true },
    { label: 'desktop 1280 px DPR 1, 5,000 draws (sliced Monte Carlo)', width: 1280, height: 900, dpr: 1, query: '?draws=5000' },
  ];
  for (const run of runs) {
    const { page, context } = await openPage(browser, `${site.url}/index.html${run.query || ''}`, run);
    await waitReady(page);
    await settle(page);
    const first = await page.evaluate(() => window.rareshock.stats().firstFrameMs);
    const c0 = await canvasSize(page);
    const dragDefault = await drag(page);
    await settle(page);
    const a = await page.evaluate(() => window.rareshock.stats().framesRendered);
    await sleep(3000);
    const b = await page.evaluate(() => window.rareshock.stats().framesRendered);
    console.log(`${run.label}: first frame ${first.toFixed(0)} ms after navigation; idle frames in 3 s: ${b - a}`);
    console.log(`  default view: canvas ${c0.cssW}×${c0.cssH} CSS px, drawing buffer ${mp(c0.w, c0.h)}; dragging: ${dragDefault}`);
    if (run.panels) {
      const maxBuffer = await openPanels(page);
      const c1 = await canvasSize(page);
      const dragOpen = await drag(page);
      console.log(`  every panel open: canvas ${c1.cssW}×${c1.cssH} CSS px, drawing buffer ${mp(c1.w, c1.h)}, ` +
        `largest on any frame while opening ${(maxBuffer / 1e6).toFixed(2)} MP; dragging: ${dragOpen}`);
    }
    await context.close();
  }
} finally {
  await site.close();
  await browser.close();
}
