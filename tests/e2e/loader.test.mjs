// Rare Earth Shock — the newsroom's edges of the embed: the host loader (embed.js)
// against script gadgets, removed embeds and a doubled snippet; the embed's
// pre-ready queue and message bounds; share links that return to the article
// and come back into its embed; the fixed-height snippets of the README (iframe
// only, AMP) and the note a too-short frame shows; and the measured heights
// (assets/embed-heights.json) the loader and the README are made from.
// Host pages on http://127.0.0.1:A, the site on http://localhost:B (cross-site).
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, SITE, assert, artifact, settle } from './harness.mjs';
import { serveSiteDual, serveFixtures, openWith, recordFrameErrors, frameRecord, waitFrameReady } from './util.mjs';
import { embedFrame } from './embed.test.mjs';
import { field } from './facts.mjs';
import { loadHeights, fixedHeight, heightAt, PAGE_SCREENS } from '../../tools/site/heights.mjs';

export const loaderNumbers = {};  // for the report

// An embed draws (and so becomes ready) only near the viewport.
const show = (page, selector) => page.evaluate((sel) => document.querySelector(sel).scrollIntoView(), selector);
// Scrolls an embed (a placeholder's iframe) into view until it is ready, and returns its frame:
// embeds above it may still grow to their posted heights and push it out of view again, and
// a lazy iframe loads only once near the viewport (how near differs between engines).
export async function readyInView(page, selector, timeout = 60000) {
  const t0 = Date.now();
  for (;;) {
    await show(page, selector);
    try {
      const frame = await embedFrame(page, `${selector} iframe`, 2000);
      await waitFrameReady(frame, 2000);
      return frame;
    } catch (e) {
      if (Date.now() - t0 > timeout) throw e;
    }
  }
}
const frameInputs = (f) => f.evaluate(() => window.rareshock.getInputs());
const frameTheme = (f) => f.evaluate(() => document.documentElement.getAttribute('data-rs-theme'));
// A README code block between its <!-- {{heights:NAME}} --> markers, without the fence.
function readmeBlock(name) {
  const text = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const m = text.match(new RegExp(`<!-- \\{\\{heights:${name}\\}\\} -->\\n\`\`\`html\\n([\\s\\S]*?)\`\`\`\\n<!-- \\{\\{/heights:${name}\\}\\} -->`));
  assert(m, `README.md has the generated block ${name}`);
  return m[1];
}
const README_SITE = 'https://graphics.example.com/rareshock/';

// The host's system colour scheme, switched by the test: a stand-in for matchMedia on
// (prefers-color-scheme) queries that the test can turn dark, firing the "change" event
// on every such MediaQueryList the page holds (the loader's own listener among them).
// No engine's driver here changes prefers-color-scheme of an open page (Playwright's
// emulateMedia is Chromium's alone; MiniBrowser takes --dark-mode only at launch).
const HOST_SCHEME = `(function () {
  if (!window.matchMedia || window.__rsHostScheme) return;
  var real = window.matchMedia.bind(window), lists = [], forced = null;
  var matches = Object.getOwnPropertyDescriptor(MediaQueryList.prototype, 'matches').get;
  window.matchMedia = function (q) {
    var m = real(q);
    if (/prefers-color-scheme/.test(String(q))) {
      lists.push(m);
      Object.defineProperty(m, 'matches', { get: function () {
        return forced === null ? matches.call(m) : m.media.indexOf(forced) >= 0; } });
    }
    return m;
  };
  window.__rsHostScheme = function (scheme) {
    forced = scheme;
    lists.forEach(function (m) { m.dispatchEvent(new MediaQueryListEvent('change', { media: m.media, matches: m.matches })); });
  };
})();`;

// The site's WebAssembly, held back while a test holds it (the embed then has its
// message listener but cannot be ready): served by the test server itself, so the
// same in every engine.
let wasmHeld = null;
function holdWasm() {
  let release;
  wasmHeld = new Promise((r) => { release = r; });
  return () => { release(); wasmHeld = null; };
}
async function wasmRoute(req, res) {
  if (wasmHeld) await wasmHeld;
  res.writeHead(200, { 'Content-Type': 'application/wasm', 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' })
    .end(fs.readFileSync(path.join(SITE, 'rareshock.wasm')));
}

export function loaderTests({ engine }) {
  let site = null, fx = null;
  const setup = async () => {
    if (site) return;
    site = await serveSiteDual({ extraRoutes: { '/rareshock.wasm': wasmRoute } });
    fx = await serveFixtures({ SITE: site.url });
  };
  const tests = [];

  // ---- the loader ----------------------------------------------------------------------------
  tests.push(['loader: a data-src that is not http: or https: gets a console error and no iframe', async () => {
    await setup();
    const { page, context, log } = await openWith(engine, `${fx.url}/loader-gadget.html`, { width: 1000, height: 900 });
    try {
      const f = await embedFrame(page, '#ok iframe');
      await waitFrameReady(f);
      const r = await page.evaluate(() => ({
        pwned: ['__pwned', '__pwned2', '__pwned3'].filter((k) => k in window),
        iframes: [...document.querySelectorAll('iframe')].map((i) => i.parentElement.id),
        refused: ['js', 'js-upper', 'data', 'blob'].map((id) => document.getElementById(id).getAttribute('data-rareshock-mounted')),
        kept: document.querySelector('#js a') !== null,
      }));
      assert(r.pwned.length === 0, `no code from data-src ran in the host page: ${JSON.stringify(r.pwned)} set`);
      assert(r.iframes.length === 1 && r.iframes[0] === 'ok', `only the http: embed got an iframe: ${JSON.stringify(r.iframes)}`);
      assert(r.refused.every((v) => v === 'refused'), `the others are marked refused: ${JSON.stringify(r.refused)}`);
      assert(r.kept, 'a refused placeholder keeps its own content');
      await page.logs();
      const refusals = log.errors.filter((e) => /data-src must be an http: or https: URL/.test(e));
      assert(refusals.length === 4, `one console error per refused data-src (${refusals.length}): ${log.errors.join(' | ')}`);
      assert(refusals.some((e) => e.includes('javascript:parent.__pwned')), `the error quotes the source: ${refusals[0]}`);
      // mount() again refuses silently: no second error, still no iframe.
      await page.evaluate(() => window.RareShockEmbed.mount());
      await page.logs();
      assert(log.errors.length === 4, `mount() again adds no errors (${log.errors.length})`);
      assert(log.pageErrors.length === 0, `no page errors: ${log.pageErrors.join(' | ')}`);
    } finally {
      await context.close();
    }
  }]);

  tests.push(['loader: an empty or blank data-src is the default embed; one that is the host page itself is refused', async () => {
    await setup();
    const { page, context, log } = await openWith(engine, `${fx.url}/loader-src.html`, { width: 1000, height: 900 });
    try {
      for (const id of ['empty', 'blank']) {
        const f = await readyInView(page, `#${id}`);
        assert((await f.url()).startsWith(`${site.url}/embed.html?`), `#${id}: the embed beside embed.js: ${await f.url()}`);
      }
      const r = await page.evaluate(() => ({
        iframes: [...document.querySelectorAll('iframe')].map((i) => i.parentElement.id),
        refused: ['self', 'self-path'].map((id) => document.getElementById(id).getAttribute('data-rareshock-mounted')),
        kept: document.querySelector('#self a') !== null,
      }));
      assert(JSON.stringify(r.iframes) === '["empty","blank"]', `no embed of the host page in itself: iframes in ${JSON.stringify(r.iframes)}`);
      assert(r.refused.every((v) => v === 'refused') && r.kept, `a data-src that is this page is refused: ${JSON.stringify(r)}`);
      await page.logs();
      const refusals = log.errors.filter((e) => /is this page itself/.test(e));
      assert(refusals.length === 2 && log.errors.length === 2, `one console error for each: ${log.errors.join(' | ')}`);
    } finally {
      await context.close();
    }
  }]);

  // Placeholders made by the test on a blank host page, then the loader.
  const addLoader = (page) => page.evaluate((src) => {
    const s = document.createElement('script');
    s.src = src;
    document.body.appendChild(s);
  }, `${site.url}/embed.js`);

  tests.push(['loader: credentials or 2 MB in data-src, and elements that cannot hold an embed, get a console error and no iframe; ' +
    'data-share-url loses its credentials', async () => {
    await setup();
    const { page, context, log } = await openWith(engine, `${fx.url}/blank-host.html`, { width: 1000, height: 900 });
    try {
      const secret = site.url.replace('http://', 'http://reader:s3cret@');
      await page.evaluate(([embed, secret]) => {
        const col = document.getElementById('col');
        const add = (tag, id, attrs, ns) => {
          const el = ns ? document.createElementNS(ns, tag) : document.createElement(tag);
          el.id = id;
          el.setAttribute('data-rareshock', '');
          for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
          col.appendChild(el);
        };
        add('div', 'cred', { 'data-src': `${secret}/embed.html` });
        add('div', 'long', { 'data-src': `${embed}?x=${'a'.repeat(2100000)}` });
        add('img', 'img', { 'data-src': embed });
        add('svg', 'svg', { 'data-src': embed }, 'http://www.w3.org/2000/svg');
        add('template', 'tpl', { 'data-src': embed });
        add('input', 'inp', { 'data-src': embed });
        add('div', 'ok', { 'data-src': embed, 'data-share-url': 'https://editor:s3cret@news.example.com/a', 'data-height': '600' });
      }, [`${site.url}/embed.html`, secret]);
      await addLoader(page);
      await page.waitFor(() => document.querySelector('#ok iframe') !== null, null, 10000);
      const r = await page.evaluate(() => ({
        iframes: [...document.querySelectorAll('iframe')].map((i) => i.parentElement.id),
        refused: ['cred', 'long', 'img', 'svg', 'tpl', 'inp'].map((id) => document.getElementById(id).getAttribute('data-rareshock-mounted')),
        share: new URL(document.querySelector('#ok iframe').src).searchParams.get('share'),
      }));
      assert(JSON.stringify(r.iframes) === '["ok"]', `only #ok has an iframe: ${JSON.stringify(r.iframes)}`);
      assert(r.refused.every((v) => v === 'refused'), `the others are refused: ${JSON.stringify(r.refused)}`);
      assert(r.share === 'https://news.example.com/a#ok', `share links lead to the page without credentials: ${r.share}`);
      await page.logs();
      for (const re of [/data-src must not carry a user name or password/, /data-src is longer than 2048 characters/,
        /a <img> cannot hold an embed/, /a <svg> cannot hold an embed/, /a <template> cannot hold an embed/, /a <input> cannot hold an embed/]) {
        assert(log.errors.filter((e) => re.test(e)).length === 1, `one console error ${re}: ${log.errors.map((e) => e.slice(0, 120)).join(' | ')}`);
      }
      assert(log.errors.length === 6, `no other errors: ${log.errors.length}`);
      const removed = log.warnings.filter((w) => /no user name or password/.test(w));
      assert(removed.length === 1, `one warning that the share address lost its credentials: ${log.warnings.join(' | ')}`);
      assert(![...log.errors, ...log.warnings].some((m) => m.includes('s3cret')), 'no password in the console');
    } finally {
      await context.close();
    }
  }]);

  tests.push(['loader: RareShockEmbed.mount(shadowRoot) mounts placeholders inside an open shadow root, and later ones there too', async () => {
    await setup();
    const { page, context, log } = await openWith(engine, `${fx.url}/blank-host.html`, { width: 1000, height: 900 });
    try {
      await page.evaluate((embed) => {
        const host = document.createElement('div');
        host.id = 'host';
        document.getElementById('col').appendChild(host);
        const root = host.attachShadow({ mode: 'open' });
        root.innerHTML = `<div id="in" data-rareshock data-src="${embed}" data-height="300"></div>`;
      }, `${site.url}/embed.html`);
      await addLoader(page);
      await page.waitFor(() => window.RareShockEmbed !== undefined, null, 10000);
      const before = await page.evaluate(() => document.getElementById('host').shadowRoot.querySelector('iframe') !== null);
      assert(!before, 'the document scan does not reach into a shadow root');
      const n = await page.evaluate(() => window.RareShockEmbed.mount(document.getElementById('host').shadowRoot));
      assert(n === 1, `mount(root) mounts it (${n} embeds)`);
      // The embed talks to the loader: its posted height replaces the reserved 300 px, and set() reaches it.
      await page.waitFor(() => parseFloat(document.getElementById('host').shadowRoot.querySelector('iframe').style.height) > 1000, null, 60000);
      const sent = await page.evaluate(() => window.RareShockEmbed.set(document.getElementById('host').shadowRoot.getElementById('in'), { approval: 44 }));
      assert(sent === true, `set() reaches the embed in the shadow root: ${sent}`);
      // Added there later: mounted by itself.
      await page.evaluate((embed) => {
        const el = document.createElement('div');
        el.setAttribute('data-rareshock', '');
        el.setAttribute('data-src', embed);
        el.setAttribute('data-height', '300');
        document.getElementById('host').shadowRoot.appendChild(el);
      }, `${site.url}/embed.html`);
      await page.waitFor(() => document.getElementById('host').shadowRoot.querySelectorAll('iframe').length === 2, null, 10000);
      await page.logs();
      assert(log.errors.length === 0 && log.pageErrors.length === 0, `no errors: ${log.errors.join(' | ')}`);
    } finally {
      await context.close();
    }
  }]);

  tests.push(['loader: a removed embed is dropped (theme switch and set() neither throw nor stop the others)', async () => {
    await setup();
    const { page, context, log } = await openWith(engine, `${fx.url}/loader-removed.html`, { width: 1000, height: 900, init: [HOST_SCHEME] });
    try {
      const f2 = await readyInView(page, '#h2');
      await recordFrameErrors(f2);
      assert((await frameTheme(f2)) === 'light', 'h2 starts with the host\'s light theme');
      const removed = await page.evaluate(() => {
        const el = document.getElementById('h1');
        el.remove();
        window.__removed = el;
        return window.RareShockEmbed.set(el, { approval: 10 });
      });
      assert(removed === false, 'set() on a removed embed returns false');
      // The host turns dark: the embed still on the page follows.
      await page.evaluate(() => window.__rsHostScheme('dark'));
      await f2.waitFor(() => document.documentElement.getAttribute('data-rs-theme') === 'dark', null, 10000);
      const sent = await page.evaluate(() => [window.RareShockEmbed.set(document.getElementById('h2'), { approval: 12 }),
        window.RareShockEmbed.theme(window.__removed, 'light')]);
      assert(sent[0] === true && sent[1] === false, `set() on the live embed sends, theme() on the removed one does not: ${sent}`);
      await f2.waitFor(() => window.rareshock.getInputs().approval === 12, null, 10000);
      // Put back on the page: mounted again (the browser reloads a moved iframe).
      await page.evaluate(() => { document.querySelector('main').appendChild(window.__removed); });
      const f1 = await readyInView(page, '#h1');
      assert(await page.evaluate(() => window.RareShockEmbed.set(window.__removed, { approval: 14 })), 'set() works once it is back');
      await f1.waitFor(() => window.rareshock.getInputs().approval === 14, null, 10000);
      // Added later by a script (single-page apps): mounted by itself.
      await page.evaluate((src) => {
        const el = document.createElement('div');
        el.id = 'late';
        el.setAttribute('data-rareshock', '');
        el.setAttribute('data-src', src);
        el.setAttribute('data-height', '600');
        document.querySelector('main').appendChild(el);
      }, `${site.url}/embed.html`);
      await page.waitFor(() => document.querySelector('#late iframe') !== null, null, 5000);
      await page.logs();
      const warnings = log.warnings.filter((w) => /not a Rare Earth Shock embed on this page/.test(w));
      assert(warnings.length === 2, `a warning for each call on the removed embed (${warnings.length}): ${log.warnings.join(' | ')}`);
      assert(log.pageErrors.length === 0, `no page errors (was: TypeError … postMessage): ${log.pageErrors.join(' | ')}`);
      assert(log.errors.length === 0, `no console errors: ${log.errors.join(' | ')}`);
      const rec = await frameRecord(f2);
      assert(rec.errors.length === 0, `no errors in the embed: ${rec.errors.join(' | ')}`);
    } finally {
      await context.close();
    }
  }]);

  tests.push(['loader: set() and theme() before the embeds are ready are held and delivered in order, lazy embeds too', async () => {
    await setup();
    const { page, context, log } = await openWith(engine, `${fx.url}/loader-early.html`, { width: 1000, height: 900 });
    try {
      const returned = await page.evaluate(() => window.__returned);
      assert(JSON.stringify(returned) === JSON.stringify(Array(5).fill('queued')), `each call says it is held ('queued'): ${JSON.stringify(returned)}`);
      for (const [id, approval, inventory] of [['top', 61, 50], ['lazy', 62, field('inventory').default]]) {
        const f = await readyInView(page, `#${id}`);
        await f.waitFor(([a, i]) => window.rareshock.getInputs().approval === a && window.rareshock.getInputs().inventory === i &&
          document.documentElement.getAttribute('data-rs-theme') === 'dark', [approval, inventory], 10000)
          .catch(async () => { throw new Error(`#${id}: approval ${approval}, inventory ${inventory}, dark: ${JSON.stringify(await frameInputs(f))} ${await frameTheme(f)}`); });
      }
      // Once ready, a call is sent at once and says so.
      assert(await page.evaluate(() => window.RareShockEmbed.set(document.getElementById('top'), { approval: 70 })) === true, 'set() on a ready embed returns true');
      await page.logs();
      assert(log.errors.length === 0 && log.pageErrors.length === 0, `no errors: ${log.errors.join(' | ')}`);
    } finally {
      await context.close();
    }
  }]);

  tests.push(['loader: the README snippet pasted twice (two <script>s) — one loader, set() reaches both embeds', async () => {
    await setup();
    const { page, context, log } = await openWith(engine, `${fx.url}/loader-twice.html`, { width: 1000, height: 900 });
    try {
      const fa = await readyInView(page, '#a');
      const fb = await readyInView(page, '#b');
      const r = await page.evaluate(() => ({
        iframes: document.querySelectorAll('iframe').length,
        loader: window.RareShockEmbed.loader,
        sent: [window.RareShockEmbed.set(document.getElementById('a'), { approval: 41 }),
          window.RareShockEmbed.set(document.getElementById('b'), { inventory: 99 })],
        themed: window.RareShockEmbed.theme(document.getElementById('b'), 'dark'),
      }));
      assert(r.iframes === 2, `one iframe per placeholder (${r.iframes})`);
      assert(r.loader === 'rareshock', 'window.RareShockEmbed is the loader\'s');
      assert(r.sent.every(Boolean) && r.themed, `set() and theme() sent to both: ${JSON.stringify(r)}`);
      await show(page, '#a');
      await fa.waitFor(() => window.rareshock.getInputs().approval === 41, null, 10000);
      await show(page, '#b');
      await fb.waitFor(() => window.rareshock.getInputs().inventory === 99 &&
        document.documentElement.getAttribute('data-rs-theme') === 'dark', null, 10000);
      await page.logs();
      assert(log.errors.length === 0, `no console errors: ${log.errors.join(' | ')}`);
    } finally {
      await context.close();
    }
  }]);

  // ---- the embed's messages ------------------------------------------------------------------
  tests.push(['embed: 40 rareshock:set and a theme before ready — the latest inputs (merged) and theme win, one warning', async () => {
    await setup();
    // Hold the WebAssembly download: the embed has its message listener but cannot be ready.
    const release = holdWasm();
    let page = null, context = null, log = null;
    try {
      ({ page, context, log } = await openWith(engine, `${fx.url}/loader-removed.html`, { width: 1000, height: 900 }));
      const f = await embedFrame(page, '#h1 iframe');
      await f.waitFor(() => document.readyState !== 'loading', null, 30000);  // app.js has run
      await recordFrameErrors(f);
      await f.evaluate(() => {
        window.__received = 0;
        window.addEventListener('message', (e) => { if (e.data && /^rareshock:/.test(e.data.type)) window.__received++; });
      });
      const ready = await f.evaluate(() => !!window.rareshock);
      assert(!ready, 'the embed is not ready while its WebAssembly is held');
      // Posted straight to the embed (the loader holds its own until the embed is ready).
      await page.evaluate(() => {
        const frame = document.querySelector('#h1 iframe'), origin = new URL(frame.src).origin;
        const post = (m) => frame.contentWindow.postMessage({ version: 1, ...m }, origin);
        for (let i = 1; i <= 40; i++) post({ type: 'rareshock:set', inputs: i === 10 ? { approval: i, inventory: 77 } : { approval: i } });
        // Small alone, too many inputs once merged with the others: refused.
        const many = {};
        for (let i = 0; i < 63; i++) many['x' + i] = i;
        post({ type: 'rareshock:set', inputs: many });
        post({ type: 'rareshock:theme', theme: 'dark' });
      });
      await f.waitFor(() => window.__received === 42, null, 10000);
      release();
      await waitFrameReady(f);
      const inputs = await frameInputs(f);
      await f.waitFor(() => document.documentElement.getAttribute('data-rs-theme') === 'dark', null, 10000);
      loaderNumbers.queue = { approval: inputs.approval, inventory: inputs.inventory };
      assert(inputs.approval === 40, `the latest approval (40) applied, not the 32nd or the first (${inputs.approval})`);
      assert(inputs.inventory === 77, `inputs of earlier messages merged (inventory ${inputs.inventory})`);
      const rec = await frameRecord(f);
      const collapsed = rec.warnings.filter((w) => /41 messages arrived before the calculator was ready/.test(w));
      assert(collapsed.length === 1, `one warning about the merged messages: ${rec.warnings.join(' | ')}`);
      const refused = rec.warnings.filter((w) => /rareshock:set ignored: with the messages before it, more than 64 inputs/.test(w));
      assert(refused.length === 1, `one warning for the set that would make the merged one too big: ${rec.warnings.join(' | ')}`);
      assert(rec.warnings.length === 2, `no other warnings (no input of the refused set reached the model): ${rec.warnings.join(' | ')}`);
      assert(rec.errors.length === 0, `no errors in the embed: ${rec.errors.join(' | ')}`);
      await page.logs();
      assert(log.errors.length === 0, `no console errors: ${log.errors.join(' | ')}`);
    } finally {
      release();
      if (context) await context.close();
    }
  }]);

  tests.push(['embed: a rareshock:set with 20,000 keys or a 1 MB value is refused with one warning; the embed stays responsive', async () => {
    await setup();
    const { page, context, log } = await openWith(engine, `${fx.url}/loader-removed.html`, { width: 1000, height: 900 });
    try {
      const f = await embedFrame(page, '#h1 iframe');
      await waitFrameReady(f);
      await recordFrameErrors(f);
      const before = await frameInputs(f);
      const t0 = Date.now();
      await page.evaluate(() => {
        const w = document.querySelector('#h1 iframe').contentWindow;
        const many = {};
        for (let i = 0; i < 20000; i++) many['k' + i] = i;
        many.approval = 3;
        w.postMessage({ type: 'rareshock:set', version: 1, inputs: many }, '*');
        w.postMessage({ type: 'rareshock:set', version: 1, inputs: { approval: 'y'.repeat(1 << 20) } }, '*');
        w.postMessage({ type: 'rareshock:set', version: 1, inputs: { approval: 61 } }, '*');
      });
      await f.waitFor(() => window.rareshock.getInputs().approval === 61, null, 15000);
      loaderNumbers.bigMessageMs = Date.now() - t0;
      const rec = await frameRecord(f);
      const refused = rec.warnings.filter((w) => /rareshock:set with more than/.test(w));
      assert(refused.length === 2, `one warning per refused message (${refused.length}): ${rec.warnings.slice(0, 4).join(' | ')}`);
      assert(refused[0].includes('more than 64 inputs') && refused[1].includes('more than 4096 characters'), refused.join(' | '));
      assert(rec.warnings.length === 2, `nothing else warned (${rec.warnings.length} warnings)`);
      assert(before.approval !== 3, 'the refused message set nothing');
      console.log(`     20,000-key and 1 MB messages refused; the next set applied ${loaderNumbers.bigMessageMs} ms after sending`);
      await page.logs();
      assert(log.errors.length === 0, `no console errors: ${log.errors.join(' | ')}`);
    } finally {
      await context.close();
    }
  }]);

  // ---- share links ---------------------------------------------------------------------------
  tests.push(['loader: share links return to the article (data-share-url, else canonical) and bring their scenario back', async () => {
    await setup();
    const { page, context, log } = await openWith(engine, `${fx.url}/loader-share.html`, { width: 1000, height: 900 });
    let round = null;
    try {
      const f1 = await readyInView(page, '#s1');
      const f2 = await readyInView(page, '#s2');
      await recordFrameErrors(f2);
      const link1 = await f1.evaluate(() => window.rareshock.shareUrl());
      await page.evaluate(() => window.RareShockEmbed.set(document.getElementById('s2'), { approval: 70, inventory: 12 }));
      await f2.waitFor(() => window.rareshock.getInputs().approval === 70, null, 10000);
      const link2 = await f2.evaluate(() => window.rareshock.shareUrl());
      loaderNumbers.shareLinks = [link1, link2];
      assert(link1.startsWith('https://news.example.com/story?id=5#s1?v=1&'), `data-share-url is the base: ${link1}`);
      assert(link2.startsWith('https://news.example.com/2025/rare-earths#s2?v=1&') && /approval=70/.test(link2) && /inventory=12/.test(link2),
        `the canonical link is the base: ${link2}`);
      await page.logs();
      assert(log.warnings.some((w) => /data-share-url must be an http: or https: URL; "javascript:alert\(1\)" ignored/.test(w)),
        `a warning for a javascript: data-share-url: ${log.warnings.join(' | ')}`);
      const third = await page.evaluate(() => new URL(document.querySelectorAll('iframe')[2].src).searchParams.get('share'));
      assert(third === 'https://news.example.com/2025/rare-earths#rareshock', `it falls back to the canonical link: ${third}`);
      await f2.waitFor(() => !window.rareshock.getResults().provisional, null, 30000);  // the bands too
      round = { link: link2, results: await f2.evaluate(() => window.rareshock.getResults()) };
      await page.logs();
      assert(log.errors.length === 0, `no console errors: ${log.errors.join(' | ')}`);
    } finally {
      await context.close();
    }

    // The link opened: the article with its fragment; the loader gives embed s2 exactly that scenario.
    const fragment = round.link.slice(round.link.indexOf('#'));
    const o = await openWith(engine, `${fx.url}/loader-share.html${fragment}`, { width: 1000, height: 900 });
    try {
      const f2 = await embedFrame(o.page, '#s2 iframe');
      await waitFrameReady(f2);
      await recordFrameErrors(f2);
      await f2.waitFor(() => !window.rareshock.getResults().provisional, null, 30000);
      const results = await f2.evaluate(() => window.rareshock.getResults());
      assert(JSON.stringify(results.inputs) === JSON.stringify(round.results.inputs),
        `same inputs: ${JSON.stringify(results.inputs)} vs ${JSON.stringify(round.results.inputs)}`);
      assert(JSON.stringify(results.regions) === JSON.stringify(round.results.regions), 'the same results, region by region');
      assert((await frameTheme(f2)) === 'dark', 'the embed keeps its data-theme');
      const top = await o.page.evaluate(() => Math.round(document.getElementById('s2').getBoundingClientRect().top));
      assert(Math.abs(top) <= 2, `the page scrolled to the shared embed (top ${top})`);
      const f1 = await readyInView(o.page, '#s1');
      assert((await frameInputs(f1)).approval === 25, 'the other embed is untouched');
      // Another share link while the article is open: a fresh embed with exactly that scenario
      // (inventory back to its default, not the placeholder's 90 nor the previous 12).
      await o.page.evaluate(() => { window.location.hash = '#s2?v=1&approval=33'; });
      await o.page.waitFor(() => new URL(document.querySelector('#s2 iframe').src).hash === '#v=1&approval=33', null, 5000);
      const g2 = await embedFrame(o.page, '#s2 iframe');
      await g2.waitFor(() => window.rareshock && window.rareshock.getInputs().approval === 33, null, 30000);
      const again = await frameInputs(g2);
      assert(again.inventory === field('inventory').default, `inventory is the default of the link (${again.inventory})`);
      await o.page.logs();
      assert(o.log.errors.length === 0, `no console errors: ${o.log.errors.join(' | ')}`);
      console.log(`     share links: ${loaderNumbers.shareLinks.join('  ')}`);
    } finally {
      await o.context.close();
    }
  }]);

  tests.push(['loader: a share link carries the scenario only: its theme, accent and lang are ignored with one warning', async () => {
    await setup();
    const { page, context, log } = await openWith(engine,
      `${fx.url}/loader-share.html#s1?v=1&approval=33&theme=dark&accent=ff0000&lang=ja`, { width: 1000, height: 900 });
    try {
      const f = await readyInView(page, '#s1');
      await f.waitFor(() => window.rareshock.getInputs().approval === 33, null, 10000);
      const r = await f.evaluate(() => ({ path: location.pathname, language: window.rareshock.getResults().language,
        theme: document.documentElement.getAttribute('data-rs-theme'),
        accent: getComputedStyle(document.documentElement).getPropertyValue('--rs-accent').trim() }));
      assert(r.path === '/embed.html' && r.language === 'en', `the placeholder's language stays: ${JSON.stringify(r)}`);
      assert(r.theme === 'light' && r.accent === '#8a1538', `its data-theme and data-accent stay: ${JSON.stringify(r)}`);
      const ignored = (await page.logs()).warnings.filter((w) => /share link/.test(w));
      assert(ignored.length === 1 && /theme, accent, lang/.test(ignored[0]), `one warning names what was ignored: ${ignored.join(' | ')}`);
      assert(log.errors.length === 0, `no console errors: ${log.errors.join(' | ')}`);
    } finally {
      await context.close();
    }
  }]);

  tests.push(['embed: share= takes only http(s) URLs; share, resize and the later page options raise no warning', async () => {
    await setup();
    for (const [query, link, warning] of [
      ['share=javascript%3Aalert(1)', `${site.url}/index.html?v=1&`, /share="javascript:alert\(1\)" ignored/],
      ['share=%2Frelative', `${site.url}/index.html?v=1&`, /share="\/relative" ignored/],
      ['share=https%3A%2F%2Fnews.example.com%2Fa%3Fp%3D1&resize=host&lang=en&theme=light&accent=0b5cad&bg=transparent&headline=on',
        'https://news.example.com/a?p=1#rareshock?v=1&', null],
      ['share=https%3A%2F%2Fnews.example.com%2Fa%23calc%3Fjunk', 'https://news.example.com/a#calc?v=1&', null]]) {
      const o = await openWith(engine, `${site.url}/embed.html?${query}`, { width: 800, height: 900 });
      try {
        await waitFrameReady(o.page);
        const url = await o.page.evaluate(() => window.rareshock.shareUrl());
        assert(url.startsWith(link), `${query}: share links start ${link}: ${url}`);
        await o.page.logs();
        const rs = o.log.warnings.filter((w) => /rareshock/.test(w));
        if (warning) assert(rs.length === 1 && warning.test(rs[0]), `one warning for ${query}: ${rs.join(' | ')}`);
        else assert(rs.length === 0, `no warnings for ${query}: ${rs.join(' | ')}`);
        assert(o.log.errors.length === 0, `no console errors: ${o.log.errors.join(' | ')}`);
      } finally {
        await o.context.close();
      }
    }
  }]);

  // ---- fixed frames and the README's snippets ----------------------------------------------
  // The README's iframe-only (or AMP) snippet, pointed at the test site, in a host column of `width`.
  async function snippetFrame(name, { width, touch }) {
    const block = readmeBlock(name);
    const src = block.match(/src="([^"]+)"/)[1].replaceAll('&amp;', '&').replace(README_SITE, `${site.url}/`);
    const height = Number(block.match(/height="(\d+)"/)[1]);
    const o = await openWith(engine, `${fx.url}/blank-host.html`, { width: width + 32, height: 900, touch, mobile: touch });
    await o.page.evaluate(([src, height]) => {
      document.getElementById('col').style.maxWidth = 'none';  // the column is the viewport less its padding
      const f = document.createElement('iframe');
      f.id = 'snippet';
      f.src = src;
      f.style.cssText = `display:block;width:100%;border:0;height:${height}px`;
      document.getElementById('col').appendChild(f);
    }, [src, height]);
    const f = await embedFrame(o.page, '#snippet');
    await waitFrameReady(f);
    return { ...o, f, height, src };
  }
  const frameState = (f) => f.evaluate(() => ({
    content: Math.ceil(document.documentElement.getBoundingClientRect().height),
    frame: window.innerHeight, width: window.innerWidth, coarse: matchMedia('(pointer: coarse)').matches,
    note: (() => { const n = document.querySelector('.rs-cutoff'); return n && !n.hidden ? n.textContent : null; })(),
  }));

  tests.push(['embed: the README\'s iframe-only and AMP snippets fit the calculator at 320, 360, 720 and 1280 px', async () => {
    await setup();
    const h = loadHeights();
    loaderNumbers.snippets = [];
    for (const name of ['iframe-snippet', 'amp-snippet']) {
      for (const [width, touch] of [[320, true], [360, true], [720, false], [1280, false]]) {
        const o = await snippetFrame(name, { width, touch });
        try {
          await settle(o.f);
          const s = await frameState(o.f);
          // (WebKit has no touch emulation: there the narrow columns are laid out for a mouse, as the line says.)
          loaderNumbers.snippets.push(`${name} ${width}${s.coarse ? ' touch' : ' mouse'}: content ${s.content} in ${o.height}`);
          assert(o.height === fixedHeight(h), `${name}: height ${o.height} is the measured one (${fixedHeight(h)})`);
          assert(s.width === width, `column ${s.width} px`);
          assert(s.content <= s.frame, `${name} at ${width} px: content ${s.content} fits the frame ${s.frame}`);
          assert(s.note === null, `${name} at ${width} px: no cut-off note (${s.note})`);
          await o.page.logs();
          assert(o.log.errors.length === 0, `no console errors: ${o.log.errors.join(' | ')}`);
        } finally {
          await o.context.close();
        }
      }
    }
    console.log(`     ${loaderNumbers.snippets.join('; ')}`);
  }]);

  tests.push(['embed: a fixed frame shorter than the calculator says so and links to the full page', async () => {
    await setup();
    const o = await snippetFrame('iframe-snippet', { width: 360, touch: true });
    try {
      // The producer typed a smaller height (the old README's 1400).
      await o.page.evaluate(() => { document.getElementById('snippet').style.height = '1400px'; });
      await o.f.waitFor(() => { const n = document.querySelector('.rs-cutoff'); return n && !n.hidden; }, null, 10000);
      await o.page.evaluate(() => document.getElementById('snippet').scrollIntoView({ block: 'end' }));
      await settle(o.f);
      fs.writeFileSync(artifact(`${engine.name}-embed-cutoff-360.png`), await o.page.screenshot());
      const note = await o.f.evaluate(() => {
        const n = document.querySelector('.rs-cutoff'), a = n.querySelector('a'), r = a.getBoundingClientRect();
        return { text: n.textContent, href: a.href, target: a.target, rel: a.rel, bottom: r.bottom, top: r.top, height: r.height, inner: innerHeight };
      });
      loaderNumbers.cutoff = note;
      assert(/Continues below: open it in full/.test(note.text), `the note says the calculator is cut off: ${note.text}`);
      assert(note.href.startsWith(`${site.url}/index.html?v=1&model=`) && /seed=/.test(note.href),
        `it opens the full page with the scenario: ${note.href}`);
      assert(note.target === '_blank' && /noopener/.test(note.rel), 'in a new tab, without an opener');
      assert(note.bottom <= note.inner + 1 && note.top >= note.inner - 80 && note.height >= 44, `at the frame's foot, 44 px or taller: ${JSON.stringify(note)}`);
      // The reader changes the scenario: the link follows.
      await o.f.evaluate(() => window.rareshock.setInputs({ approval: 55 }));
      await o.f.waitFor(() => /approval=55/.test(document.querySelector('.rs-cutoff a').href), null, 10000);
      // Tall enough again: the note goes.
      await o.page.evaluate(() => { document.getElementById('snippet').style.height = '4000px'; });
      await o.f.waitFor(() => document.querySelector('.rs-cutoff').hidden, null, 10000);
    } finally {
      await o.context.close();
    }
  }]);

  // ---- the measurement -------------------------------------------------------------------------
  // With a mouse (every engine) and on touch screens (a coarse pointer: the sliders' rows are taller);
  // English, an edition whose words are longer (the loader reserves each language's own heights),
  // and a placeholder with data-headline="off" (no sentence: heights of its own).
  const HEIGHT_CASES = [
    { pointer: 'mouse', embeds: [[720, 'embed.html'], [1280, 'embed.html'], [720, 'embed.de.html'], [1280, 'embed.html', 'headline=off']],
      screens: PAGE_SCREENS.filter((s) => !s.coarse), needs: [] },
    { pointer: 'touch', embeds: [[320, 'embed.html'], [390, 'embed.de.html'], [390, 'embed.html', 'headline=off']],
      screens: PAGE_SCREENS.filter((s) => s.coarse), needs: ['coarsePointer'] },
  ];
  for (const { pointer, embeds, screens, needs } of HEIGHT_CASES) {
    const touch = pointer === 'touch';
    tests.push([`embed and page: heights match assets/embed-heights.json (README and style.css generated from it; loader reserves it): ` +
      `${pointer}, ${embeds.map(([w, file, option]) => `${file}${option ? ' (' + option + ')' : ''} at ${w} px`).join(', ')}, page at ${screens.map((s) => s.width).join(' and ')} px`, async () => {
      await setup();
      const check = spawnSync(process.execPath, [path.join(ROOT, 'tools/site/main.mjs'), 'heights', '--check'], { encoding: 'utf8' });
      assert(check.status === 0, `README.md is generated from the measurement: ${check.stderr || check.stdout}`);
      const h = loadHeights();
      const TOLERANCE = 24;  // about one line of text
      const drift = [];
      const samePointer = async (page, what) => {
        const coarse = await page.evaluate(() => matchMedia('(pointer: coarse)').matches);
        assert(coarse === touch, `${what}: (pointer: coarse) is ${coarse}, the measurement's ${pointer} layout needs ${touch}`);
      };
      for (const [width, file, option = ''] of embeds) {
        const lang = (/^embed\.([a-z]+)\.html$/.exec(file) || [null, 'en'])[1];
        const what = `${file}${option ? ' (' + option + ')' : ''}`;
        // The loader in a host column of `width`: what it reserves, and what the embed then reports.
        const o = await openWith(engine, `${fx.url}/blank-host.html`, { width: width + 32, height: 900, touch, mobile: touch });
        try {
          await samePointer(o.page, `the host at ${width + 32} px`);
          // The column is `width` wide before the loader measures it (WebKitWebDriver sizes its
          // window after the page loads: the loader once reserved a 334 px column's height at 1280).
          await o.page.evaluate(() => { document.getElementById('col').style.maxWidth = 'none'; });
          const columnWidth = () => parseFloat(getComputedStyle(document.getElementById('col')).width);  // inside its padding
          await o.page.waitFor((w) => parseFloat(getComputedStyle(document.getElementById('col')).width) === w, width, 10000).catch(() => {});
          const col = await o.page.evaluate(columnWidth);
          assert(col === width, `the host's column is ${width} px wide (${col})`);
          await o.page.evaluate(([src, option]) => {
            const el = document.createElement('div');
            el.id = 'm';
            el.setAttribute('data-rareshock', '');
            el.setAttribute('data-src', src);
            if (option) el.setAttribute(`data-${option.split('=')[0]}`, option.split('=')[1]);  // data-headline="off"
            document.getElementById('col').appendChild(el);
            // The height the loader gives the iframe as it mounts it, before the embed can report its own
            // (a slow driver may read the iframe only after that).
            new MutationObserver((records, observer) => {
              const iframe = el.querySelector('iframe');
              if (iframe) { window.__reserved = parseFloat(iframe.style.height); observer.disconnect(); }
            }).observe(el, { childList: true });
            const s = document.createElement('script');
            s.src = src.replace(/embed(\.[a-z]+)?\.html$/, 'embed.js');
            document.body.appendChild(s);
          }, [`${site.url}/${file}`, option]);
          await o.page.waitFor(() => document.querySelector('#m iframe') !== null && window.__reserved !== undefined, null, 10000);
          const reserved = await o.page.evaluate(() => window.__reserved);
          const f = await embedFrame(o.page, '#m iframe');
          await waitFrameReady(f);
          await settle(f);
          const s = await frameState(f);
          await o.page.waitFor((h) => Math.abs(parseFloat(document.querySelector('#m iframe').style.height) - h) <= 4,
            s.content, 10000).catch(() => {});
          const final = await o.page.evaluate(() => parseFloat(document.querySelector('#m iframe').style.height));
          const recorded = heightAt(h, width, touch, lang, option);
          drift.push({ file: what, width, recorded, reserved, content: s.content, final });
          assert(reserved === recorded, `${what} at ${width} px: the loader reserved ${reserved}, the measurement says ${recorded}`);
          assert(Math.abs(s.content - recorded) <= TOLERANCE, `${what} at ${width} px (${pointer}): the embed is ${s.content} px tall, ` +
            `assets/embed-heights.json says ${recorded}: run node tools/site/main.mjs heights after a layout change`);
          assert(Math.abs(final - s.content) <= 4, `the loader then follows the embed (${final} vs ${s.content})`);
        } finally {
          await o.context.close();
        }
      }
      // The article page reserves the canvas's measured height per band (style.css, from the same file).
      const pageDrift = [];
      for (const screen of screens) {
        const o = await openWith(engine, `${site.url}/index.html?theme=light`,
          { width: screen.width, height: 900, touch: screen.coarse, mobile: screen.coarse });
        try {
          await samePointer(o.page, `the page at ${screen.width} px`);
          const reserved = await o.page.evaluate(() => parseFloat(getComputedStyle(document.getElementById('rareshock-canvas')).height));
          await waitFrameReady(o.page);
          await settle(o.page);
          const actual = await o.page.evaluate(() => document.getElementById('rareshock-canvas').getBoundingClientRect().height);
          pageDrift.push(`${screen.name} ${screen.width}: ${h.page[screen.name]} → ${reserved} → ${Math.round(actual)}`);
          assert(reserved === h.page[screen.name], `page ${screen.width} px: style.css reserves ${reserved}, the measurement says ${h.page[screen.name]}`);
          assert(Math.abs(actual - reserved) <= TOLERANCE, `page ${screen.width} px: the canvas is ${Math.round(actual)} px tall, ` +
            `assets/embed-heights.json says ${reserved}: run node tools/site/main.mjs heights after a layout change`);
        } finally {
          await o.context.close();
        }
      }
      loaderNumbers.drift = [...(loaderNumbers.drift || []), ...drift.map((d) => ({ ...d, pointer }))];
      console.log(`     heights, ${pointer} (recorded → reserved → embed): ${drift.map((d) =>
        `${d.file} ${d.width}: ${d.recorded} → ${d.reserved} → ${d.content}`).join('; ')}; page canvas: ${pageDrift.join('; ')}`);
    }, { needs }]);
  }

  tests.close = async () => {
    if (fx) await fx.close();
    if (site) await site.close();
  };
  return tests;
}
