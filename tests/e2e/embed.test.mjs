// Rare Earth Shock — tests of the embed (embed.html + the host loader embed.js)
// framed cross-site: the host fixture pages on http://127.0.0.1:A, the site on
// http://localhost:B. Heights, offscreen idling, the message protocol, origin
// and source checks, and ~500 garbage messages in each direction.
import { assert, settle, animationFrames, until, noErrors } from './harness.mjs';
import { serveSiteDual, serveFixtures, openWith, recordFrameErrors, frameRecord, waitFrameReady, framesOf } from './util.mjs';

export const embedNumbers = {};  // measured heights, for the report

// The frame of an iframe once it shows the embed (looked up again on every use, as
// a cross-process navigation can replace the initial about:blank frame).
// An embed page: embed.html or an edition's (embed.de.html).
const EMBED_PAGE = /\/embed(\.[a-z]+)?\.html/;
export async function embedFrame(page, selector, timeout = 30000) {
  const f = page.frame(selector);
  await until(async () => EMBED_PAGE.test(await f.url()), timeout, `the embed in ${selector}`);
  return f;
}
// The frame if it has navigated to the embed already, else null (lazy iframes).
async function embedFrameNow(page, selector) {
  const f = page.frame(selector);
  try { return EMBED_PAGE.test(await f.url()) ? f : null; } catch { return null; }
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

export function embedTests({ engine }) {
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
    const { page, context, log } = await openWith(engine, `${fx.url}/embed-host.html`, { width: 1000, height: 900, init: [RECORD_CLS] });
    // Heights follow content: the host applies the posted height, which is the embed document's height.
    const checkHeight = async (id, f) => {
      await page.waitFor((id) => window.__hostMessages.some((m) => m.from === id && m.type === 'rareshock:resize'), id, 15000);
      await settle(f);
      // The height has landed when the iframe has the last posted height and that is the embed's document height.
      const docHeight = () => f.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
      await until(async () => {
        const h = await page.evaluate((id) => {
          const msgs = window.__hostMessages.filter((m) => m.from === id && m.type === 'rareshock:resize');
          return { style: parseFloat(document.querySelector('#' + id + ' iframe').style.height), posted: msgs.length ? msgs[msgs.length - 1].height : null };
        }, id);
        return h.style === h.posted && Math.abs(h.style - await docHeight()) <= 4;
      }, 15000, `${id}'s iframe height to match its document`).catch(() => {});
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
      await animationFrames(page, 60);
      const s1 = await sample();
      embedNumbers.offscreen = { before: s0, after60frames: s1 };
      for (const id of ['e2', 'e3']) {
        assert(s1[id].frames === s0[id].frames, `offscreen ${id} rendered no frames (${s0[id].frames} → ${s1[id].frames})`);
      }
      assert(!s1.e3.loaded, 'the embed 5000 px below the fold is not even loaded (lazy)');

      await checkHeight('e1', f1);

      // rareshock:set and rareshock:theme from the host page (the allowed parent) through RareShockEmbed.
      await page.evaluate(() => window.RareShockEmbed.set(document.getElementById('e1'), { approval: 40, inventory: 30 }));
      await f1.waitFor(() => window.rareshock.getInputs().approval === 40 && window.rareshock.getInputs().inventory === 30, null, 10000);
      assert((await frameTheme(f1)) === 'light', 'e1 starts light');
      await page.evaluate(() => window.RareShockEmbed.theme(document.getElementById('e1'), 'dark'));
      await f1.waitFor(() => document.documentElement.getAttribute('data-rs-theme') === 'dark', null, 10000);
      await page.evaluate(() => window.RareShockEmbed.theme(document.getElementById('e1'), 'light'));
      await f1.waitFor(() => document.documentElement.getAttribute('data-rs-theme') === 'light', null, 10000);

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
      await animationFrames(page, 30);
      const a1 = await framesOf(f1);
      await f1.evaluate(() => { window.__got = 0; window.addEventListener('message', () => { window.__got++; }); });
      await page.evaluate(() => window.RareShockEmbed.set(document.getElementById('e1'), { approval: 70 }));
      await f1.waitFor(() => window.__got > 0, null, 10000);   // the message has arrived
      await animationFrames(page, 60);
      const b1 = await framesOf(f1);
      embedNumbers.offscreenSet = { before: a1, after: b1 };
      assert(b1 === a1, `no frames while scrolled offscreen after a set (${a1} → ${b1})`);
      await page.evaluate(() => document.getElementById('e1').scrollIntoView());
      await f1.waitFor(() => window.rareshock.getInputs().approval === 70, null, 15000);
      // Inputs apply at once (the model runs without frames); the frames follow once the embed is in view.
      await f1.waitFor((b) => window.rareshock.stats().framesRendered > b, b1, 15000)
        .catch(() => { throw new Error('frames resume once back in view'); });

      embedNumbers.cls = await page.evaluate(() => window.__cls);
      for (const f of [f1, f2, f3]) {
        const rec = await frameRecord(f);
        assert(rec.errors.length === 0, `no errors in the embed: ${rec.errors.join(' | ')}`);
      }
      await noErrors(page);
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
      const { page, context } = await openWith(engine, `${site.url}/embed.html`, { width, height: 800, touch: width < 600, mobile: width < 600 });
      try {
        await waitFrameReady(page);
        await settle(page);
        embedNumbers.heightByWidth[width] = await page.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
      } finally {
        await context.close();
      }
    }
    const RECORD_RESERVED = `document.addEventListener('DOMContentLoaded', function () { setTimeout(function () {
      window.__reserved = {}; document.querySelectorAll('[data-rareshock]').forEach(function (el) {
        var f = el.querySelector('iframe'); window.__reserved[el.id] = f ? f.style.height : null; }); }, 0); });`;
    const { page, context } = await openWith(engine, `${fx.url}/embed-host.html`, { width: 1000, height: 900, init: [RECORD_CLS, RECORD_RESERVED] });
    try {
      const f1 = await embedFrame(page, '#e1 iframe');
      await waitFrameReady(f1);
      await settle(f1);
      await page.waitFor(() => window.__hostMessages.some((m) => m.from === 'e1' && m.type === 'rareshock:resize'), null, 15000);
      await animationFrames(page, 10);
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
  }, { needs: ['layoutShiftApi'] }]);

  tests.push(['embed: when the host column narrows, the iframe height follows the embed', async () => {
    await setup();
    const { page, context } = await openWith(engine, `${fx.url}/embed-sibling.html`, { width: 1000, height: 900, narrowable: true });
    try {
      const f = await embedFrame(page, '#e1 iframe');
      await waitFrameReady(f);
      const get = async () => ({ iframe: await page.evaluate(() => parseFloat(document.querySelector('#e1 iframe').style.height)),
                                 doc: await f.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)),
                                 width: await f.evaluate(() => window.innerWidth) });
      // Measured once the embed has drawn at its width and the host has applied its height.
      const measure = async (ok) => {
        let m = null;
        await until(async () => { await settle(f); m = await get(); return ok(m) && Math.abs(m.iframe - m.doc) <= 4; }, 20000,
          'the iframe height to follow the embed').catch(() => {});
        return m || get();
      };
      const wide = await measure(() => true);
      await page.setViewport(420, 900);
      const narrow = await measure((m) => m.width < wide.width && m.doc !== wide.doc);
      embedNumbers.resize = { wide, narrow };
      assert(narrow.width < wide.width, `the embed got narrower (${wide.width} → ${narrow.width})`);
      assert(narrow.doc !== wide.doc, `the embed's height changed with its width (${wide.doc} → ${narrow.doc})`);
      assert(Math.abs(narrow.iframe - narrow.doc) <= 4, `iframe height ${narrow.iframe} follows the embed document (${narrow.doc})`);
      await noErrors(page);
    } finally {
      await context.close();
    }
  }]);

  tests.push(['embed: a rareshock:set sent when the iframe fires "load" is applied', async () => {
    await setup();
    const { page, context } = await openWith(engine, `${fx.url}/embed-host.html`, { width: 1000, height: 900 });
    try {
      // (Lazy iframes load when near the viewport; how near differs between engines.)
      await page.evaluate(() => document.getElementById('e2').scrollIntoView());
      await page.waitFor(() => window.__e2LoadAt !== undefined, null, 15000);
      const f2 = await embedFrame(page, '#e2 iframe');
      await waitFrameReady(f2);
      await f2.waitFor(() => window.rareshock.getInputs().inventory === 61, null, 10000).catch(() => {});
      const inputs = await frameInputs(f2);
      assert(inputs.inventory === 61, `the host's set({inventory: 61}) at iframe load was applied (inventory is ${inputs.inventory}): ` +
        'messages that arrive before the embed is ready are lost');
    } finally {
      await context.close();
    }
  }]);

  tests.push(['embed: messages from an origin outside origins= and from a sibling frame are ignored', async () => {
    await setup();
    const { page, context } = await openWith(engine, `${fx.url}/embed-origins.html`, { width: 1000, height: 900 });
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
      // Both messages have been handled once the embed has warned about each.
      await f.waitFor(() => window.__rsRec.warnings.filter((w) => /ignored/.test(w)).length >= 2, null, 10000).catch(() => {});
      const after = await frameInputs(f);
      assert(after.approval === before.approval && after.inventory === before.inventory,
        `inputs unchanged (${JSON.stringify([before.approval, before.inventory])} → ${JSON.stringify([after.approval, after.inventory])})`);
      assert((await frameTheme(f)) === theme0, 'theme unchanged');
      const rec = await frameRecord(f);
      assert(rec.warnings.filter((w) => /ignored/.test(w) && w.includes(fx.url)).length >= 2, `a console warning in the frame for each: ${rec.warnings.join(' | ')}`);
      assert(rec.errors.length === 0, `no errors in the embed: ${rec.errors.join(' | ')}`);
      const log = await noErrors(page);
      embedNumbers.frameConsoleSeen = log.console.some((m) => /ignored/.test(m.text));
    } finally {
      await context.close();
    }

    // Loaded by embed.js (origins = the host's origin): a sibling frame on that
    // same origin is not the embed's parent, so it can neither set inputs nor resize.
    const s = await openWith(engine, `${fx.url}/embed-sibling.html`, { width: 1000, height: 900 });
    try {
      const f = await embedFrame(s.page, '#e1 iframe');
      await waitFrameReady(f);
      await recordFrameErrors(f);
      await settle(f);
      await s.page.waitFor(() => document.querySelector('#e1 iframe').style.height !== '', null, 10000);
      // Every approval and theme the embed takes from now on.
      await f.evaluate(() => {
        window.__seen = [];
        window.rareshock.onChange((r) => window.__seen.push(r.inputs.approval));
        new MutationObserver(() => window.__seen.push(document.documentElement.getAttribute('data-rs-theme')))
          .observe(document.documentElement, { attributes: true, attributeFilter: ['data-rs-theme'] });
      });
      // The host counts the markers that follow the bogus messages (same sender, so they arrive after them).
      await s.page.evaluate(() => {
        window.__markers = 0;
        window.addEventListener('message', (e) => { if (e.data && e.data.rsTestMarker) window.__markers++; });
      });
      const h0 = await s.page.evaluate(() => document.querySelector('#e1 iframe').style.height);
      const before = await frameInputs(f);
      const sib = s.page.frame('#sib');
      await sib.evaluate(() => {
        const embed = window.parent.document.querySelector('#e1 iframe').contentWindow;
        embed.postMessage({ type: 'rareshock:set', version: 1, inputs: { approval: 88 } }, '*');
        embed.postMessage({ type: 'rareshock:theme', version: 1, theme: 'dark' }, '*');
        window.parent.postMessage({ type: 'rareshock:resize', version: 1, height: 5000 }, '*');
        window.parent.postMessage({ sentinel: 'amp', type: 'embed-size', height: 4321 }, '*');
        window.parent.postMessage({ rsTestMarker: 1 }, '*');
      });
      await s.page.evaluate(() => {
        window.postMessage({ type: 'rareshock:resize', version: 1, height: 3000 }, '*');
        window.postMessage({ rsTestMarker: 1 }, '*');
      });
      await s.page.waitFor(() => window.__markers >= 2, null, 10000);
      const h1 = await s.page.evaluate(() => document.querySelector('#e1 iframe').style.height);
      assert(h1 === h0, `host ignored resize messages not from its iframe (${h0} → ${h1})`);
      // The real parent may; the sibling's messages, sent before, never landed.
      await s.page.evaluate(() => window.RareShockEmbed.set(document.getElementById('e1'), { approval: 44 }));
      await f.waitFor(() => window.rareshock.getInputs().approval === 44, null, 10000);
      await settle(f);
      const seen = await f.evaluate(() => window.__seen);
      assert(!seen.includes(88), `sibling's set ignored (approval went ${before.approval} → ${seen.join(' → ')})`);
      assert(!seen.includes('dark') && (await frameTheme(f)) === 'light', `sibling's theme ignored (${seen.join(', ')})`);
      const rec = await frameRecord(f);
      assert(rec.errors.length === 0, `no errors in the embed: ${rec.errors.join(' | ')}`);
      await noErrors(s.page);
    } finally {
      await s.context.close();
    }
  }]);

  tests.push(['embed: 500 garbage messages each way never break the widget or the host loader', async () => {
    await setup();
    const { page, context } = await openWith(engine, `${fx.url}/embed-sibling.html`, { width: 1000, height: 900, init: [FUZZ_SOURCE] });
    try {
      const f = await embedFrame(page, '#e1 iframe');
      await waitFrameReady(f);
      await recordFrameErrors(f);
      await page.evaluate(() => {
        window.__hostErrors = [];
        window.__markers = 0;
        window.addEventListener('error', (e) => window.__hostErrors.push(String(e.message)));
        window.addEventListener('message', (e) => { if (e.data && e.data.rsTestMarker) window.__markers++; });
      });
      // Host → embed: 500 messages from the allowed parent, in 10 batches, one animation frame apart.
      const sent = await page.evaluate(async () => {
        const w = document.querySelector('#e1 iframe').contentWindow;
        const fz = window.__rsFuzz(12345);
        let n = 0, unclonable = 0;
        for (let batch = 0; batch < 10; batch++) {
          for (let i = 0; i < 50; i++) {
            try { w.postMessage(fz.message(), '*'); n++; } catch (e) { unclonable++; }
          }
          await new Promise((r) => requestAnimationFrame(() => r()));
        }
        return { n, unclonable };
      });
      // Embed → host: 500 messages from the embed itself (past the loader's source and origin checks),
      // then a marker: the host has handled them all when the marker arrives.
      await f.evaluate(FUZZ_SOURCE);
      await f.evaluate(async () => {
        const fz = window.__rsFuzz(777);
        for (let i = 0; i < 500; i++) {
          try { window.parent.postMessage(fz.message(), '*'); } catch (e) { /* unclonable */ }
          if (i % 50 === 49) await new Promise((r) => requestAnimationFrame(() => r()));
        }
        window.parent.postMessage({ rsTestMarker: 1 }, '*');
      });
      await page.waitFor(() => window.__markers >= 1, null, 30000);
      const hostErrors = await page.evaluate(() => window.__hostErrors);
      const height = await page.evaluate(() => parseFloat(document.querySelector('#e1 iframe').style.height));
      assert(hostErrors.length === 0, `no errors in the host page: ${hostErrors.slice(0, 5).join(' | ')}`);
      assert(height >= 200 && height <= 20000, `host height stays within bounds (${height})`);
      // Still alive: the API and the protocol both work (and the host's messages, sent before, have all landed).
      const fr0 = await framesOf(f);
      const msgs = await f.evaluate(() => window.rareshock.setInputs({ approval: 42, inventory: 45 }));
      assert(Array.isArray(msgs) && msgs.length === 0, `setInputs accepted (${JSON.stringify(msgs)})`);
      await f.waitFor(() => window.rareshock.getInputs().approval === 42, null, 10000);
      await f.waitFor((fr0) => window.rareshock.stats().framesRendered > fr0, fr0, 15000).catch(() => {});
      assert((await framesOf(f)) > fr0, 'frames still render');
      await page.evaluate(() => window.RareShockEmbed.set(document.getElementById('e1'), { approval: 43 }));
      await f.waitFor(() => window.rareshock.getInputs().approval === 43, null, 10000);
      await page.evaluate(() => window.RareShockEmbed.theme(document.getElementById('e1'), 'dark'));
      await f.waitFor(() => document.documentElement.getAttribute('data-rs-theme') === 'dark', null, 10000);
      const rec = await frameRecord(f);
      embedNumbers.fuzz = { sent: sent.n, warningsInEmbed: rec.warnings.length, hostHeightAfter: height, errorsInEmbed: rec.errors.length };
      const distinct = [...new Set(rec.errors)];
      assert(rec.errors.length === 0, `no errors in the embed after fuzzing: ${rec.errors.length} errors, distinct: ${distinct.slice(0, 5).join(' | ')}`);
      const log = await noErrors(page);
      assert(log.pageErrors.length === 0, `no page errors: ${log.pageErrors.slice(0, 5).join(' | ')}`);
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
