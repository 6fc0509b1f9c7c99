// Rare Earth Shock — a bounded canvas: the drawing buffer stays within the GPU's
// limits and the pixel budget (8 Mi pixels, web_platform.cpp), the height reaches
// the page only once settled, no zoom sequence or resize storm exhausts the heap,
// and a WebGL context the browser takes away for good gives way to the picture.
import { serve, openWith, waitReady, clickOn, assert, noErrors } from './harness.mjs';
import { waitIdle, bringIntoView } from './gestures.mjs';

const PIXEL_BUDGET = 8 * 1024 * 1024;        // kMaxCanvasPixels in web_platform.cpp
const MAX_SIDE = 8192;                       // kMaxBufferSide in web_platform.cpp (below the GPU's own limit)
const HEAP_CAP = 128 * 1024 * 1024;          // -sMAXIMUM_MEMORY in src/platform/web/CMakeLists.txt

// Records, on every animation frame, the largest drawing buffer and every CSS height the canvas had.
const RECORD_CANVAS = `window.__rsCanvas = { maxPixels: 0, maxSide: 0, heights: [], clamped: 0 };
(function watch() {
  var c = document.getElementById('rareshock-canvas');
  if (c) {
    var r = window.__rsCanvas;
    r.maxPixels = Math.max(r.maxPixels, c.width * c.height);
    r.maxSide = Math.max(r.maxSide, c.width, c.height);
    var h = c.style.height;
    if (h && r.heights[r.heights.length - 1] !== h) r.heights.push(h);
  }
  requestAnimationFrame(watch);
})();`;

// The GPU's limits and whether the drawing buffer is what the canvas asked for.
const glState = () => {
  const c = document.getElementById('rareshock-canvas');
  const probe = document.createElement('canvas').getContext('webgl2');
  const limit = probe ? Math.min(probe.getParameter(probe.MAX_RENDERBUFFER_SIZE), probe.getParameter(probe.MAX_TEXTURE_SIZE),
    ...probe.getParameter(probe.MAX_VIEWPORT_DIMS)) : 0;
  if (probe) probe.getExtension('WEBGL_lose_context').loseContext();
  const gl = c.getContext('webgl2');
  return { w: c.width, h: c.height, dbw: gl.drawingBufferWidth, dbh: gl.drawingBufferHeight, limit,
           cssH: Math.round(c.getBoundingClientRect().height), dpr: window.devicePixelRatio };
};

async function openEveryPanel(page) {
  const box = await bringIntoView(page, 'advanced');
  if (box) {
    await page.mouse.click((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2);
    await page.waitFor(() => !!window.rareshock.debugItem('lag'), null, 30000);
  } else {  // phones: "Advanced assumptions" and the rest of the detail are HTML under the canvas
    await page.evaluate(() => document.querySelectorAll('.rs-detail details').forEach((d) => { d.open = true; }));
  }
  await waitIdle(page);
  await clickOn(page, '#rs-method > summary');
  await page.waitFor(() => document.getElementById('rs-method').open, null, 10000);
  await waitIdle(page);
}

// A new devicePixelRatio in a live page, as a reader's zoom or a move to another screen
// does (Chromium: CDP's device metrics; Firefox: WebDriver BiDi's setViewport). WebKit
// cannot (exceptions.mjs, dprChange).
const cdpSessions = new WeakMap();
async function setDevicePixelRatio(page, width, height, dpr) {
  if (page.engine === 'chromium') {
    if (!cdpSessions.has(page)) cdpSessions.set(page, await page.nativeContext.newCDPSession(page.native));
    await cdpSessions.get(page).send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: dpr, mobile: false });
  } else if (page.engine === 'firefox') {
    await page.native.setViewport({ width, height, deviceScaleFactor: dpr });
  } else {
    throw new Error(`${page.engine}: no way to change devicePixelRatio in a live page (exceptions.mjs, dprChange)`);
  }
}

// Once the calculator's context is gone for good (no restore within 3 s): the picture with its
// summary and a note take the blank canvas's place, the DOM controls are shown, and the API
// and the twin keep working without frames.
async function givesWay(page) {
  await page.waitFor(() => document.querySelector('.rs-canvas-box.rs-gave-way'), null, 15000);
  await page.waitFor(() => { const i = document.getElementById('rs-fallback-img'); return i && i.complete && i.naturalWidth > 0; }, null, 10000);
  const shown = await page.evaluate(() => {
    const vis = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const twin = document.querySelector('.rs-twin');
    return { picture: vis(document.getElementById('rs-fallback-img')), caption: document.getElementById('rs-fallback-caption').textContent.trim(),
             canvas: vis(document.getElementById('rareshock-canvas')), note: vis(document.querySelector('.rs-paused')),
             twinHeight: twin ? twin.getBoundingClientRect().height : 0 };
  });
  assert(shown.picture && !shown.canvas, `the picture replaces the blank canvas: ${JSON.stringify(shown)}`);
  assert(shown.caption.length > 20 && shown.note, `with its summary and a note: ${JSON.stringify(shown)}`);
  assert(shown.twinHeight > 100, `the DOM controls are shown (${shown.twinHeight} px tall)`);
  const r = await page.evaluate(() => new Promise((resolve) => {
    // The settled result (with its ranges): the live region speaks the latest summary, not a provisional one.
    const off = window.rareshock.onChange((res) => { if (res.inputs.approval === 61 && !res.provisional) { off(); resolve({ summary: res.summary, now: window.rareshock.getInputs().approval }); } });
    window.rareshock.setInputs({ approval: 61 });
  }));
  assert(r.now === 61, `setInputs applies at once (${r.now})`);
  await page.waitFor((s) => document.querySelector('.rs-live').textContent === s, r.summary, 10000);
  await page.evaluate(() => {
    const el = document.getElementById('rs-twin-inventory');
    el.value = '90';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitFor(() => window.rareshock.getInputs().inventory === 90, null, 10000);
  await noErrors(page);
}

export function canvasTests({ engine, site }) {
  const tests = [];

  for (const [width, height, dpr] of [[390, 844, 3], [1280, 900, 2]]) {
    tests.push([`canvas ${width} px DPR ${dpr}: the drawing buffer stays within the GPU's limits and 8 Mi pixels, every panel open`, async () => {
      const { page, context } = await openWith(engine, `${site.url}/index.html`, { width, height, dpr, init: [RECORD_CANVAS] });
      try {
        await waitReady(page);
        await waitIdle(page);
        const s0 = await page.evaluate(glState);
        await openEveryPanel(page);
        const s1 = await page.evaluate(glState);
        const rec = await page.evaluate(() => window.__rsCanvas);
        console.log(`     ${width} px DPR ${dpr}: default ${s0.w}×${s0.h} (${(s0.w * s0.h / 1e6).toFixed(2)} MP for ${s0.cssH} CSS px), ` +
          `every panel open ${s1.w}×${s1.h} (${(s1.w * s1.h / 1e6).toFixed(2)} MP for ${s1.cssH} CSS px); largest on any frame ` +
          `${(rec.maxPixels / 1e6).toFixed(2)} MP; GPU side limit ${s1.limit}`);
        assert(rec.maxPixels <= PIXEL_BUDGET, `never more than ${PIXEL_BUDGET} pixels (largest ${rec.maxPixels})`);
        assert(rec.maxSide <= s1.limit, `never a side beyond the GPU's ${s1.limit} (largest ${rec.maxSide})`);
        for (const s of [s0, s1]) assert(s.dbw === s.w && s.dbh === s.h, `the drawing buffer is what the canvas asked for: ${JSON.stringify(s)}`);
        // The budget is the pixel count and the GPU's longest side: at full DPR, or at the scale where one of them binds.
        assert(s0.w === Math.floor(width - 32) * dpr || s0.w * s0.h > PIXEL_BUDGET * 0.97 || s0.h > Math.min(s1.limit, MAX_SIDE) * 0.97,
          `the default view renders at the full DPR when the budget allows (${s0.w}×${s0.h})`);
        await noErrors(page);
      } finally {
        await context.close();
      }
    }]);
  }

  tests.push(['canvas: the height reaches the page (and the embed) only once settled: one change per opened panel', async () => {
    // A tablet width, where the canvas draws "Advanced assumptions" (phones have them as HTML).
    const { page, context } = await openWith(engine, `${site.url}/index.html`, { width: 760, height: 844, dpr: 2, init: [RECORD_CANVAS] });
    try {
      await waitReady(page);
      await page.waitFor(() => !window.rareshock.getResults().provisional, null, 30000);
      await waitIdle(page);
      // While it loads, the height may change with the results (a longer summary), never by a transient measurement.
      const loaded = await page.evaluate(() => window.__rsCanvas.heights.map((h) => parseFloat(h)));
      const final = loaded[loaded.length - 1];
      assert(loaded.every((h) => h > final * 0.8 && h < final * 1.1), `no transient height while loading: ${loaded.join(' → ')}`);
      for (const step of ['open', 'close', 'open']) {
        const before = await page.evaluate(() => window.__rsCanvas.heights.length);
        const box = await bringIntoView(page, 'advanced');
        await page.mouse.click((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2);
        await page.waitFor((n) => window.__rsCanvas.heights.length > n, before, 30000);
        await waitIdle(page);
        const changes = await page.evaluate((n) => window.__rsCanvas.heights.slice(n), before);
        const content = await page.evaluate(() => document.getElementById('rareshock-canvas').style.height);
        assert(changes.length === 1 && changes[0] === content, `${step}: the canvas height changed once, to the settled height: ${changes.join(' → ')}`);
      }
      await noErrors(page);
    } finally {
      await context.close();
    }
  }]);

  tests.push(['canvas: the embed posts only settled heights: one resize message per opened panel', async () => {
    // A host page framing the embed on the same site, recording its resize messages.
    const host = (req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(
      '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><body style="margin:0"><iframe id="f" src="/embed.html" style="border:0;width:760px;height:2400px"></iframe>' +
      '<script>window.__heights = []; addEventListener("message", function (e) { if (e.data && e.data.type === "rareshock:resize") {' +
      ' window.__heights.push(e.data.height); document.getElementById("f").style.height = e.data.height + "px"; } });</script>');
    const hostSite = await serve({ extraRoutes: { '/embed-heights.html': host } });
    const { page, context } = await openWith(engine, `${hostSite.url}/embed-heights.html`, { width: 800, height: 844, dpr: 2 });
    try {
      const frame = page.frame('#f');
      await waitReady(frame);
      await waitIdle(frame);
      await page.waitFor(() => window.__heights.length > 0, null, 30000);
      const first = await page.evaluate(() => window.__heights.slice());
      assert(new Set(first).size === 1, `the first heights posted are the settled one: ${first.join(' → ')}`);
      for (const step of ['open', 'close']) {
        const before = await page.evaluate(() => window.__heights.length);
        const box = await frame.evaluate(() => window.rareshock.debugItem('advanced'));
        const off = await page.evaluate(() => document.getElementById('f').getBoundingClientRect().top);
        await page.evaluate((dy) => window.scrollBy(0, dy), box.y0 + off - 300);
        const b = await frame.evaluate(() => window.rareshock.debugItem('advanced'));
        const o = await page.evaluate(() => document.getElementById('f').getBoundingClientRect().top);
        await page.mouse.click((b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2 + o);
        await page.waitFor((n) => window.__heights.length > n, before, 30000);
        await waitIdle(frame);
        const posted = [...new Set(await page.evaluate((n) => window.__heights.slice(n), before))];
        assert(posted.length === 1, `${step}: one new height posted (${posted.join(' → ')})`);
      }
      await noErrors(page);
    } finally {
      await context.close();
      await hostSite.close();
    }
  }]);

  tests.push(['memory: zooming DPR 1 → 2 → 3 → 4 → 1 → 4 keeps the calculator alive within the heap cap', async () => {
    const { page, context } = await openWith(engine, `${site.url}/index.html`, { width: 1280, height: 900, dpr: 1, init: [RECORD_CANVAS] });
    try {
      await waitReady(page);
      const trail = [];
      for (const [i, dpr] of [2, 3, 4, 1, 4].entries()) {
        await setDevicePixelRatio(page, 1280, 900, dpr);
        await page.waitFor((d) => window.devicePixelRatio === d, dpr, 10000);
        await page.evaluate((a) => window.rareshock.setInputs({ approval: a }), 30 + i);
        await waitIdle(page);
        const st = await page.evaluate(() => ({ ...window.rareshock.stats(), approval: window.rareshock.getInputs().approval,
          w: document.getElementById('rareshock-canvas').width }));
        trail.push(`DPR ${dpr}: buffer ${st.w} px wide, heap ${(st.heapBytes / 1048576).toFixed(1)} of ${(st.heapCapacityBytes / 1048576).toFixed(0)} MiB`);
        assert(st.approval === 30 + i, `the API still works at DPR ${dpr} (${st.approval})`);
        assert(st.heapCapacityBytes <= HEAP_CAP, `heap within its cap at DPR ${dpr}: ${st.heapCapacityBytes}`);
      }
      console.log(`     ${trail.join('; ')}`);
      const rec = await page.evaluate(() => window.__rsCanvas);
      assert(rec.maxPixels <= PIXEL_BUDGET, `the buffer stayed within the budget while zooming (${rec.maxPixels})`);
      await noErrors(page);
    } finally {
      await context.close();
    }
  }, { needs: ['dprChange'] }]);

  tests.push(['memory: a resize storm (80 sizes from 320 to 1600 px, DPR 1 to 4) keeps the calculator alive and the heap bounded', async () => {
    const { page, context } = await openWith(engine, `${site.url}/index.html`, { width: 1280, height: 900, dpr: 1 });
    try {
      await waitReady(page);
      await waitIdle(page);
      const heap0 = await page.evaluate(() => window.rareshock.stats().heapBytes);
      let seed = 7;
      const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
      for (let i = 0; i < 80; i++) {
        const width = 320 + Math.round(rnd() * 1280), dpr = [1, 1.5, 2, 2.625, 3, 4][Math.floor(rnd() * 6)];
        await setDevicePixelRatio(page, width, 800, dpr);
        if (i % 8 === 0) await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));  // let some frames draw mid-storm
      }
      await setDevicePixelRatio(page, 1280, 900, 1);
      await page.waitFor(() => window.devicePixelRatio === 1 && window.innerWidth === 1280, null, 10000);
      await page.evaluate(() => window.rareshock.setInputs({ approval: 44 }));
      await waitIdle(page);
      const st = await page.evaluate(() => ({ ...window.rareshock.stats(), approval: window.rareshock.getInputs().approval }));
      console.log(`     resize storm: heap ${heap0} → ${st.heapBytes} B in use, capacity ${st.heapCapacityBytes} B`);
      assert(st.approval === 44, 'the API still works after the storm');
      assert(st.heapCapacityBytes <= HEAP_CAP, `heap within its cap (${st.heapCapacityBytes})`);
      assert(st.heapBytes - heap0 <= 4 * 1024 * 1024, `back at DPR 1, the heap in use is within 4 MiB of where it started (${heap0} → ${st.heapBytes})`);
      await noErrors(page);
    } finally {
      await context.close();
    }
  }, { needs: ['dprChange'] }]);

  // A context the browser takes away for good: Chromium and WebKit keep 16 and lose the oldest,
  // the calculator's, when a page makes twenty more, each drawing once (Firefox does not: exceptions.mjs).
  tests.push(['context eviction: with 20 other WebGL contexts on the page, the picture and the controls take over; the API goes on', async () => {
    const { page, context } = await openWith(engine, `${site.url}/index.html`, { width: 390, height: 844, dpr: 2 });
    try {
      await waitReady(page);
      await waitIdle(page);
      const lost = await page.evaluate(() => {
        const mine = document.getElementById('rareshock-canvas').getContext('webgl2');
        window.__others = [];
        for (let i = 0; i < 20; i++) {
          const c = document.createElement('canvas');
          c.width = c.height = 16;
          const gl = c.getContext('webgl2');
          if (gl) { gl.clearColor(1, 0, 0, 1); gl.clear(gl.COLOR_BUFFER_BIT); }
          window.__others.push(gl);
        }
        return new Promise((resolve) => {
          const t0 = performance.now();
          const check = () => (mine.isContextLost() || performance.now() - t0 > 5000 ? resolve(mine.isContextLost()) : setTimeout(check, 50));
          check();
        });
      });
      assert(lost, 'the browser evicted the calculator\'s context');
      await givesWay(page);
    } finally {
      await context.close();
    }
  }, { needs: ['webglEviction'] }]);

  // The same loss, made by the page (WEBGL_lose_context) and never restored: the calculator
  // cannot tell it from an eviction, and every engine can make it.
  tests.push(['context lost for good (WEBGL_lose_context, never restored): the picture and the controls take over; the API goes on', async () => {
    const { page, context } = await openWith(engine, `${site.url}/index.html`, { width: 390, height: 844, dpr: 2 });
    try {
      await waitReady(page);
      await waitIdle(page);
      const lost = await page.evaluate(() => new Promise((resolve) => {
        const c = document.getElementById('rareshock-canvas');
        const ext = c.getContext('webgl2').getExtension('WEBGL_lose_context');
        if (!ext) { resolve(false); return; }
        c.addEventListener('webglcontextlost', () => resolve(true), { once: true });
        ext.loseContext();
      }));
      assert(lost, 'the calculator\'s context was lost (WEBGL_lose_context)');
      await givesWay(page);
    } finally {
      await context.close();
    }
  }]);

  tests.push(['canvas: a frame asks the WebGL context for no state (no getParameter, no isEnabled), once started', async () => {
    // ImGui's renderer backed up and restored about twenty pieces of GL state around every
    // frame; in Chromium some of those queries wait for the GPU process. The calculator's
    // context draws nothing else (IMGUI_IMPL_OPENGL_NO_STATE_BACKUP, src/platform/web/patches).
    const COUNT_QUERIES = `window.__glQueries = { on: false, n: 0, names: {} };
    [window.WebGL2RenderingContext, window.WebGLRenderingContext].forEach(function (C) {
      if (!C) return;
      ['getParameter', 'isEnabled'].forEach(function (m) {
        var orig = C.prototype[m];
        C.prototype[m] = function (a) {
          var q = window.__glQueries;
          if (q.on) { q.n++; q.names[m + ' ' + a] = (q.names[m + ' ' + a] || 0) + 1; }
          return orig.apply(this, arguments);
        };
      });
    });`;
    const { page, context } = await openWith(engine, `${site.url}/index.html`, { init: [COUNT_QUERIES] });
    try {
      await waitReady(page);
      await page.waitFor(() => !window.rareshock.getResults().provisional, null, 30000);
      await waitIdle(page);
      const before = await page.evaluate(() => { window.__glQueries.on = true; return window.rareshock.stats().framesRendered; });
      await page.evaluate(() => window.rareshock.setInputs({ approval: 37 }));
      await page.waitFor(() => !window.rareshock.getResults().provisional && window.rareshock.getResults().inputs.approval === 37, null, 30000);
      await waitIdle(page);
      const r = await page.evaluate(() => ({ frames: window.rareshock.stats().framesRendered, q: window.__glQueries }));
      assert(r.frames > before, `frames were drawn (${before} → ${r.frames})`);
      assert(r.q.n === 0, `${r.q.n} state queries over ${r.frames - before} frames: ${JSON.stringify(r.q.names)}`);
      await noErrors(page);
    } finally {
      await context.close();
    }
  }]);

  return tests;
}
