// Rare Earth Shock — tests of the embed (embed.html + the host loader embed.js)
// framed cross-site: the host fixture pages on http://127.0.0.1:A, the site on
// http://localhost:B. Heights, offscreen idling, the message protocol, origin
// and source checks, and ~500 garbage messages in each direction.
import { assert, idle } from './harness.mjs';
import { serveSiteDual, serveFixtures, openWith, recordFrameErrors, frameRecord, waitFrameReady, framesOf } from './util.mjs';

export const embedNumbers = {};  // measured heights, for the report

// The frame of an iframe once it shows the embed (cross-process navigation can
// replace the initial about:blank frame, so look it up again each time).
export async function embedFrame(page, selector, timeout = 30000) {
  const t0 = Date.now();
  for (;;) {
    const el = await page.$(selector);
    const f = el && await el.contentFrame();
    if (f && f.url().includes('embed.html')) return f;
    if (Date.now() - t0 > timeout) throw new Error(`no embed frame for ${selector} (url ${f && f.url()})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
// The frame if it has navigated to the embed already, else null (lazy iframes).
async function embedFrameNow(page, selector) {
  const el = await page.$(selector);
  const f = el && await el.contentFrame();
  return f && f.url().includes('embed.html') ? f : null;
}

async function frameInputs(f) { return f.evaluate(() => window.rareshock.getInputs()); }
async function frameTheme(f) { return f.evaluate(() => document.documentElement.getAttribute('data-rs-theme')); }

// Deterministic generator of garbage postMessage payloads, evaluated in the browser.
const FUZZ_SOURCE = `
window.__rsFuzz = function (seed) {
  var s = seed >>> 0;
  function rnd() { s = (s + 0x6D2B79F5) >>> 0; var t = s; t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; }
  function pick(a) { return a[Math.floor(rnd() * a.length)]; }
  var KEYS = ['approval', 'inventory', 'preset', 'theme', 'lag', 'transit', 'path_india', 'expedite', 'dep_europe',
    'alt_supply', 'horizon', 'draws', 'seed', 'v', 'origins', '__proto__', 'constructor', 'toString', '', 'x'.repeat(300),
    'approval\\u0000', '\\u00fcn\\u00efc\\u00f8d\\u00e9', '&approval=1', 'approval=5&inventory', 'type', 'height'];
  var TYPES = ['rareshock:set', 'rareshock:theme', 'rareshock:resize', 'rareshock:', 'rareshock:SET', 'rareshock:set ',
    'embed-size', 'resize', '', null, 1, {}, [], 'x'.repeat(1000)];
  function prim() {
    return pick([null, undefined, true, false, 0, -0, 1, -1, 50, 100, 101, 1e308, -1e308, NaN, Infinity, -Infinity,
      4294967296, 0.1, 1e-320, '', '50', ' 50', '50%', '1e2', '0x10', 'NaN', 'Infinity', 'abc', 'light', 'dark', 'auto',
      'embargo', '2025', '\\u0000', '%', '&', '=', '%zz', '\\ud800', 'a\\udfffb', 'x'.repeat(Math.floor(rnd() * 100)),
      BigInt(10) ** BigInt(30), 200, 20001, 600, 1e6]);
  }
  function obj(depth, n) { var o = {}; for (var i = 0; i < n; i++) o[pick(KEYS)] = value(depth + 1); return o; }
  function value(depth) {
    var r = rnd();
    if (depth > 3 || r < 0.5) return prim();
    if (r < 0.65) { var a = []; var n = Math.floor(rnd() * 5); for (var i = 0; i < n; i++) a.push(value(depth + 1)); return a; }
    if (r < 0.8) return obj(depth, Math.floor(rnd() * 5));
    if (r < 0.84) return new Date(rnd() * 1e13);
    if (r < 0.87) return new Map([[1, 2], ['approval', 3]]);
    if (r < 0.9) return new Uint8Array(Math.floor(rnd() * 64));
    if (r < 0.92) return /re/g;
    if (r < 0.94) return new ArrayBuffer(16);
    return prim();
  }
  function huge() {
    var r = rnd(), o, i;
    if (r < 0.2) return 'x'.repeat(1 << 20);
    if (r < 0.4) { o = {}; for (i = 0; i < 20000; i++) o['k' + i] = i; return { type: 'rareshock:set', version: 1, inputs: o }; }
    if (r < 0.6) return { type: 'rareshock:set', version: 1, inputs: { approval: 'y'.repeat(1 << 20) } };
    if (r < 0.8) return { type: 'rareshock:set', version: 1, inputs: new Uint8Array(50000) };
    return new Array(100000).fill(7);
  }
  function message() {
    var r = rnd();
    if (r < 0.02) return huge();
    if (r < 0.35) return { type: 'rareshock:set', version: pick([1, 2, undefined, '1']),
      inputs: rnd() < 0.2 ? value(1) : obj(1, 1 + Math.floor(rnd() * 4)) };
    if (r < 0.5) return { type: 'rareshock:theme', version: 1, theme: rnd() < 0.5 ? pick(['light', 'dark', 'auto']) : value(1) };
    if (r < 0.65) return { type: pick(TYPES), version: value(2), height: value(2), inputs: value(1), theme: value(1) };
    if (r < 0.75) return { sentinel: pick(['amp', value(2)]), type: pick(['embed-size', 'rareshock:resize', value(2)]),
      version: pick([1, value(2)]), height: value(2) };
    return value(0);
  }
  return { message: message, rnd: rnd };
};`;

export function embedTests({ browser }) {
  let site = null, fx = null;
  const setup = async () => {
    if (site) return;
    site = await serveSiteDual();
    fx = await serveFixtures({ SITE: site.url });
  };
  const tests = [];

  // Layout shifts on the host page (CLS as Chrome computes it: shifts not caused by input).
  const RECORD_CLS = `window.__cls = { value: 0, shifts: [] };
    try { new PerformanceObserver(function (list) { list.getEntries().forEach(function (e) {
      if (!e.hadRecentInput) { window.__cls.value += e.value; window.__cls.shifts.push(Math.round(e.value * 1e4) / 1e4); } }); })
      .observe({ type: 'layout-shift', buffered: true }); } catch (e) {}`;

  tests.push(['embed: three cross-site embeds size to content, idle offscreen, follow set/theme', async () => {
    await setup();
    const { page, context, log } = await openWith(browser, `${fx.url}/embed-host.html`, { width: 1000, height: 900, init: [RECORD_CLS] });
    // Heights follow content: the host applies the posted height, which is the embed document's height.
    const checkHeight = async (id, f) => {
      await page.waitForFunction((id) => window.__hostMessages.some((m) => m.from === id && m.type === 'rareshock:resize'),
        id, { timeout: 15000 });
      await idle(page, 1000);
      const host = await page.evaluate((id) => {
        const el = document.querySelector('#' + id + ' iframe');
        const msgs = window.__hostMessages.filter((m) => m.from === id && m.type === 'rareshock:resize');
        const amp = window.__hostMessages.filter((m) => m.from === id && m.sentinel === 'amp');
        return { style: parseFloat(el.style.height), box: el.getBoundingClientRect().height,
                 posted: msgs.length ? msgs[msgs.length - 1].height : null, count: msgs.length, amp: amp.length,
                 origin: msgs.length ? msgs[msgs.length - 1].origin : null };
      }, id);
      const doc = await f.evaluate(() => ({
        html: Math.ceil(document.documentElement.getBoundingClientRect().height),
        widgetBottom: Math.ceil(document.querySelector('.rs-widget').getBoundingClientRect().bottom + window.scrollY),
        inner: window.innerHeight,
      }));
      embedNumbers.heights[id] = { iframe: host.style, document: doc.html, widgetBottom: doc.widgetBottom, posts: host.count };
      assert(host.count > 0 && host.amp > 0, `${id} posted rareshock:resize (${host.count}) and AMP embed-size (${host.amp})`);
      assert(host.origin === site.url, `${id} messages come from the site origin (${host.origin})`);
      assert(host.style === host.posted, `${id}: iframe height ${host.style} = last posted height ${host.posted}`);
      assert(Math.abs(host.style - doc.html) <= 4, `${id}: iframe height ${host.style} ≈ embed document height ${doc.html}`);
      assert(doc.widgetBottom <= host.style + 2, `${id}: widget bottom ${doc.widgetBottom} fits in the iframe (${host.style})`);
      assert(host.style > 600, `${id}: height ${host.style} > 600`);
      assert(Math.abs(doc.inner - host.style) <= 1, `${id}: the embed's viewport is the iframe height (${doc.inner})`);
    };
    try {
      embedNumbers.heights = {};
      const f1 = await embedFrame(page, '#e1 iframe');
      await waitFrameReady(f1);
      await recordFrameErrors(f1);
      const iframeAttrs = await page.evaluate(() => [...document.querySelectorAll('iframe')].map((f) => ({
        title: f.title, loading: f.loading, src: f.src })));
      assert(iframeAttrs.length === 3, `three iframes (${iframeAttrs.length})`);
      for (const a of iframeAttrs) {
        assert(a.title && a.title.length > 10, `iframe has a title: ${JSON.stringify(a)}`);
        assert(a.loading === 'lazy', `iframe is lazy: ${JSON.stringify(a)}`);
        assert(a.src.startsWith(site.url + '/embed.html?'), `iframe src on the site origin: ${a.src}`);
      }

      // The second embed starts below the fold, the third 5000 px further: neither renders a frame.
      const sample = async () => {
        const out = {};
        for (const id of ['e2', 'e3']) {
          const f = await embedFrameNow(page, `#${id} iframe`);
          out[id] = { loaded: !!f, frames: f ? await framesOf(f) : 0 };
        }
        return out;
      };
      const s0 = await sample();
      await idle(page, 1500);
      const s1 = await sample();
      embedNumbers.offscreen = { before: s0, after1500ms: s1 };
      for (const id of ['e2', 'e3']) {
        assert(s1[id].frames === s0[id].frames, `offscreen ${id} rendered no frames (${s0[id].frames} → ${s1[id].frames})`);
      }
      assert(!s1.e3.loaded, 'the embed 5000 px below the fold is not even loaded (lazy)');

      await checkHeight('e1', f1);

      // rareshock:set and rareshock:theme from the host page (the allowed parent) through RareShockEmbed.
      await page.evaluate(() => window.RareShockEmbed.set(document.getElementById('e1'), { approval: 40, inventory: 30 }));
      await f1.waitForFunction(() => window.rareshock.getInputs().approval === 40 && window.rareshock.getInputs().inventory === 30,
        null, { timeout: 5000 });
      assert((await frameTheme(f1)) === 'light', 'e1 starts light');
      await page.evaluate(() => window.RareShockEmbed.theme(document.getElementById('e1'), 'dark'));
      await f1.waitForFunction(() => document.documentElement.getAttribute('data-rs-theme') === 'dark', null, { timeout: 5000 });
      await page.evaluate(() => window.RareShockEmbed.theme(document.getElementById('e1'), 'light'));
      await f1.waitForFunction(() => document.documentElement.getAttribute('data-rs-theme') === 'light', null, { timeout: 5000 });

      // Scrolled into view, the second and then the third embed render and size themselves.
      await page.evaluate(() => document.getElementById('e2').scrollIntoView());
      const f2 = await embedFrame(page, '#e2 iframe');
      await waitFrameReady(f2);
      await recordFrameErrors(f2);
      assert((await framesOf(f2)) > s1.e2.frames, 'second embed renders once in view');
      await checkHeight('e2', f2);

      await page.evaluate(() => document.getElementById('e3').scrollIntoView());
      const f3 = await embedFrame(page, '#e3 iframe');
      await waitFrameReady(f3);
      await recordFrameErrors(f3);
      assert((await framesOf(f3)) > s1.e3.frames, 'third embed renders once in view');
      assert((await frameTheme(f3)) === 'dark', 'third embed took data-theme="dark"');
      await checkHeight('e3', f3);

      // Now e1 is 5000+ px above the viewport: a set wakes nothing until it is scrolled back.
      await idle(page, 800);
      const a1 = await framesOf(f1);
      await page.evaluate(() => window.RareShockEmbed.set(document.getElementById('e1'), { approval: 70 }));
      await idle(page, 1200);
      const b1 = await framesOf(f1);
      embedNumbers.offscreenSet = { before: a1, after: b1 };
      assert(b1 === a1, `no frames while scrolled offscreen after a set (${a1} → ${b1})`);
      await page.evaluate(() => document.getElementById('e1').scrollIntoView());
      await f1.waitForFunction(() => window.rareshock.getInputs().approval === 70, null, { timeout: 5000 });
      // Inputs apply at once (the model runs without frames); the frames follow once the embed is in view.
      await f1.waitForFunction((b) => window.rareshock.stats().framesRendered > b, b1, { timeout: 5000 })
        .catch(() => { throw new Error('frames resume once back in view'); });

      embedNumbers.cls = await page.evaluate(() => window.__cls);
      for (const f of [f1, f2, f3]) {
        const rec = await frameRecord(f);
        assert(rec.errors.length === 0, `no errors in the embed: ${rec.errors.join(' | ')}`);
      }
      assert(log.errors.length === 0, `no console errors: ${log.errors.join(' | ')}`);
      assert(log.failed.length === 0, `no failed requests: ${log.failed.join(' ')}`);
      console.log(`     embed heights: ${JSON.stringify(embedNumbers.heights)}; host CLS ${embedNumbers.cls.value.toFixed(4)} ` +
        `(${embedNumbers.cls.shifts.join(', ')}); offscreen: ${JSON.stringify(embedNumbers.offscreen)}`);
    } finally {
      await context.close();
    }
  }]);

  tests.push(['embed: the host page does not shift while the embeds mount and start (CLS < 0.1)', async () => {
    await setup();
    // The embed's own height at a few widths (what the loader's reserved height should match).
    embedNumbers.heightByWidth = {};
    for (const width of [360, 760, 1280]) {
      const { page, context } = await openWith(browser, `${site.url}/embed.html`, { width, height: 800, touch: width < 600, mobile: width < 600 });
      try {
        await waitFrameReady(page);
        await idle(page, 500);
        embedNumbers.heightByWidth[width] = await page.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
      } finally {
        await context.close();
      }
    }
    const RECORD_RESERVED = `document.addEventListener('DOMContentLoaded', function () { setTimeout(function () {
      window.__reserved = {}; document.querySelectorAll('[data-rareshock]').forEach(function (el) {
        var f = el.querySelector('iframe'); window.__reserved[el.id] = f ? f.style.height : null; }); }, 0); });`;
    const { page, context } = await openWith(browser, `${fx.url}/embed-host.html`, { width: 1000, height: 900, init: [RECORD_CLS, RECORD_RESERVED] });
    try {
      const f1 = await embedFrame(page, '#e1 iframe');
      await waitFrameReady(f1);
      await idle(page, 1500);
      embedNumbers.reserved = await page.evaluate(() => window.__reserved);
      const cls = await page.evaluate(() => window.__cls);
      embedNumbers.clsOnLoad = cls.value;
      console.log(`     embed document height by width: ${JSON.stringify(embedNumbers.heightByWidth)} (reserved by the loader: ${JSON.stringify(embedNumbers.reserved)}); ` +
        `host CLS while loading: ${cls.value.toFixed(4)}`);
      const posted = await page.evaluate(() => window.__hostMessages.filter((m) => m.from === 'e1' && m.type === 'rareshock:resize').map((m) => m.height));
      assert(cls.value < 0.1, `host-page CLS ${cls.value.toFixed(3)} (shifts ${cls.shifts.join(', ')}; e1 reserved ` +
        `${embedNumbers.reserved.e1}, posted ${posted.join(' → ')}; placeholders as in the README, style="min-height:1350px")`);
    } finally {
      await context.close();
    }
  }]);

  tests.push(['embed: when the host column narrows, the iframe height follows the embed', async () => {
    await setup();
    const { page, context, log } = await openWith(browser, `${fx.url}/embed-sibling.html`, { width: 1000, height: 900 });
    try {
      const f = await embedFrame(page, '#e1 iframe');
      await waitFrameReady(f);
      const measure = async () => {
        await idle(page, 1200);
        return { iframe: await page.evaluate(() => parseFloat(document.querySelector('#e1 iframe').style.height)),
                 doc: await f.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)),
                 width: await f.evaluate(() => window.innerWidth) };
      };
      const wide = await measure();
      await page.setViewportSize({ width: 420, height: 900 });
      const narrow = await measure();
      embedNumbers.resize = { wide, narrow };
      assert(narrow.width < wide.width, `the embed got narrower (${wide.width} → ${narrow.width})`);
      assert(narrow.doc !== wide.doc, `the embed's height changed with its width (${wide.doc} → ${narrow.doc})`);
      assert(Math.abs(narrow.iframe - narrow.doc) <= 4, `iframe height ${narrow.iframe} follows the embed document (${narrow.doc})`);
      assert(log.errors.length === 0, `no console errors: ${log.errors.join(' | ')}`);
    } finally {
      await context.close();
    }
  }]);

  tests.push(['embed: a rareshock:set sent when the iframe fires "load" is applied', async () => {
    await setup();
    const { page, context } = await openWith(browser, `${fx.url}/embed-host.html`, { width: 1000, height: 900 });
    try {
      await page.waitForFunction(() => window.__e2LoadAt !== undefined, null, { timeout: 10000 });
      await page.evaluate(() => document.getElementById('e2').scrollIntoView());
      const f2 = await embedFrame(page, '#e2 iframe');
      await waitFrameReady(f2);
      await idle(page, 500);
      const inputs = await frameInputs(f2);
      assert(inputs.inventory === 61, `the host's set({inventory: 61}) at iframe load was applied (inventory is ${inputs.inventory}): ` +
        'messages that arrive before the embed is ready are lost');
    } finally {
      await context.close();
    }
  }]);

  tests.push(['embed: messages from an origin outside origins= and from a sibling frame are ignored', async () => {
    await setup();
    const { page, context, log } = await openWith(browser, `${fx.url}/embed-origins.html`, { width: 1000, height: 900 });
    try {
      const f = await embedFrame(page, '#f');
      await waitFrameReady(f);
      await recordFrameErrors(f);
      const before = await frameInputs(f);
      const theme0 = await frameTheme(f);
      await page.evaluate((theme) => {
        const w = document.getElementById('f').contentWindow;
        w.postMessage({ type: 'rareshock:set', version: 1, inputs: { approval: 77, inventory: 12 } }, '*');
        w.postMessage({ type: 'rareshock:theme', version: 1, theme }, '*');
      }, theme0 === 'dark' ? 'light' : 'dark');
      await idle(page, 1000);
      const after = await frameInputs(f);
      assert(after.approval === before.approval && after.inventory === before.inventory,
        `inputs unchanged (${JSON.stringify([before.approval, before.inventory])} → ${JSON.stringify([after.approval, after.inventory])})`);
      assert((await frameTheme(f)) === theme0, 'theme unchanged');
      const rec = await frameRecord(f);
      assert(rec.warnings.some((w) => /ignored/.test(w) && w.includes(fx.url)), `a console warning in the frame: ${rec.warnings.join(' | ')}`);
      assert(rec.errors.length === 0, `no errors in the embed: ${rec.errors.join(' | ')}`);
      embedNumbers.frameConsoleSeen = log.console.some((m) => /ignored/.test(m.text));
      assert(log.errors.length === 0, `no console errors: ${log.errors.join(' | ')}`);
    } finally {
      await context.close();
    }

    // Loaded by embed.js (origins = the host's origin): a sibling frame on that
    // same origin is not the embed's parent, so it can neither set inputs nor resize.
    const s = await openWith(browser, `${fx.url}/embed-sibling.html`, { width: 1000, height: 900 });
    try {
      const f = await embedFrame(s.page, '#e1 iframe');
      await waitFrameReady(f);
      await recordFrameErrors(f);
      await idle(s.page, 1000);
      const h0 = await s.page.evaluate(() => document.querySelector('#e1 iframe').style.height);
      const before = await frameInputs(f);
      const sib = await (await s.page.$('#sib')).contentFrame();
      await sib.evaluate(() => {
        const embed = window.parent.document.querySelector('#e1 iframe').contentWindow;
        embed.postMessage({ type: 'rareshock:set', version: 1, inputs: { approval: 88 } }, '*');
        embed.postMessage({ type: 'rareshock:theme', version: 1, theme: 'dark' }, '*');
        window.parent.postMessage({ type: 'rareshock:resize', version: 1, height: 5000 }, '*');
        window.parent.postMessage({ sentinel: 'amp', type: 'embed-size', height: 4321 }, '*');
      });
      await s.page.evaluate(() => window.postMessage({ type: 'rareshock:resize', version: 1, height: 3000 }, '*'));
      await idle(s.page, 1000);
      const after = await frameInputs(f);
      assert(after.approval === before.approval, `sibling's set ignored (${before.approval} → ${after.approval})`);
      assert((await frameTheme(f)) === 'light', 'sibling\'s theme ignored');
      const h1 = await s.page.evaluate(() => document.querySelector('#e1 iframe').style.height);
      assert(h1 === h0, `host ignored resize messages not from its iframe (${h0} → ${h1})`);
      // The real parent may.
      await s.page.evaluate(() => window.RareShockEmbed.set(document.getElementById('e1'), { approval: 44 }));
      await f.waitForFunction(() => window.rareshock.getInputs().approval === 44, null, { timeout: 5000 });
      const rec = await frameRecord(f);
      assert(rec.errors.length === 0, `no errors in the embed: ${rec.errors.join(' | ')}`);
      assert(s.log.errors.length === 0, `no console errors: ${s.log.errors.join(' | ')}`);
    } finally {
      await s.context.close();
    }
  }]);

  tests.push(['embed: 500 garbage messages each way never break the widget or the host loader', async () => {
    await setup();
    const { page, context, log } = await openWith(browser, `${fx.url}/embed-sibling.html`, { width: 1000, height: 900, init: [FUZZ_SOURCE] });
    try {
      const f = await embedFrame(page, '#e1 iframe');
      await waitFrameReady(f);
      await recordFrameErrors(f);
      await page.evaluate(() => {
        window.__hostErrors = [];
        window.addEventListener('error', (e) => window.__hostErrors.push(String(e.message)));
      });
      // Host → embed: 500 messages from the allowed parent, in 10 batches.
      const sent = await page.evaluate(async () => {
        const w = document.querySelector('#e1 iframe').contentWindow;
        const fz = window.__rsFuzz(12345);
        let n = 0, unclonable = 0;
        for (let batch = 0; batch < 10; batch++) {
          for (let i = 0; i < 50; i++) {
            try { w.postMessage(fz.message(), '*'); n++; } catch (e) { unclonable++; }
          }
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 20)));
        }
        return { n, unclonable };
      });
      // Embed → host: 500 messages from the embed itself (past the loader's source and origin checks).
      await f.evaluate(FUZZ_SOURCE);
      await f.evaluate(async () => {
        const fz = window.__rsFuzz(777);
        for (let i = 0; i < 500; i++) {
          try { window.parent.postMessage(fz.message(), '*'); } catch (e) { /* unclonable */ }
          if (i % 50 === 49) await new Promise((r) => setTimeout(r, 20));
        }
      });
      await idle(page, 1500);
      const rec = await frameRecord(f);
      const hostErrors = await page.evaluate(() => window.__hostErrors);
      const height = await page.evaluate(() => parseFloat(document.querySelector('#e1 iframe').style.height));
      embedNumbers.fuzz = { sent: sent.n, warningsInEmbed: rec.warnings.length, hostHeightAfter: height };
      assert(hostErrors.length === 0, `no errors in the host page: ${hostErrors.slice(0, 5).join(' | ')}`);
      assert(height >= 200 && height <= 20000, `host height stays within bounds (${height})`);
      // Still alive: the API and the protocol both work.
      const msgs = await f.evaluate(() => window.rareshock.setInputs({ approval: 42, inventory: 45 }));
      assert(Array.isArray(msgs) && msgs.length === 0, `setInputs accepted (${JSON.stringify(msgs)})`);
      const fr0 = await framesOf(f);
      await f.waitForFunction(() => window.rareshock.getInputs().approval === 42, null, { timeout: 5000 });
      assert((await framesOf(f)) > fr0, 'frames still render');
      await page.evaluate(() => window.RareShockEmbed.set(document.getElementById('e1'), { approval: 43 }));
      await f.waitForFunction(() => window.rareshock.getInputs().approval === 43, null, { timeout: 5000 });
      await page.evaluate(() => window.RareShockEmbed.theme(document.getElementById('e1'), 'dark'));
      await f.waitForFunction(() => document.documentElement.getAttribute('data-rs-theme') === 'dark', null, { timeout: 5000 });
      const distinct = [...new Set(rec.errors)];
      embedNumbers.fuzz.errorsInEmbed = rec.errors.length;
      assert(rec.errors.length === 0, `no errors in the embed after fuzzing: ${rec.errors.length} errors, distinct: ${distinct.slice(0, 5).join(' | ')}`);
      assert(log.pageErrors.length === 0, `no page errors: ${log.pageErrors.slice(0, 5).join(' | ')}`);
      assert(log.errors.length === 0, `no console errors: ${[...new Set(log.errors)].slice(0, 5).join(' | ')}`);
    } finally {
      await context.close();
    }
  }]);

  tests.close = async () => {
    if (fx) await fx.close();
    if (site) await site.close();
  };
  return tests;
}
