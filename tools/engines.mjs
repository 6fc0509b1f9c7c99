// Rare Earth Shock — the thin driver layer: one Page API over three engines.
//   chromium  Debian's Chromium through playwright-core (headless, SwiftShader WebGL: tools/browser.mjs)
//   firefox   Firefox ESR through puppeteer-core over WebDriver BiDi, under Xvfb
//   webkit    WebKitGTK's MiniBrowser through WebKitWebDriver (plain W3C WebDriver over fetch), under Xvfb
// startEngine starts what an engine needs (Xvfb on a free display, drivers on free
// ports) and stops every process it started, by PID, when it ends. Used by the browser
// tests (tests/e2e) and the benches; the page helpers (serving the site, waiting on the
// calculator's state) are in pages.mjs.
//
// Page API (every engine):
//   page.goto(url)            page.evaluate(fn|string, arg)      page.waitFor(fn, arg, timeout)
//   page.frame(selector)      → Frame {evaluate, waitFor, url(), frame(selector)}
//   page.mouse.move/down/up/click     page.keyboard.press(key|'Shift+Tab', {delay})/type(text)
//   page.touch.start/move/end/tap (chromium, firefox)        (clicks and focus by selector: clickOn, focusOn in pages.mjs)
//   page.screenshot({selector, fullPage}) → PNG Buffer       page.setViewport(width, height)
//   page.pdf() → PDF Buffer: the page printed on A4 as the browser prints it (beforeprint and
//                afterprint fire): Chromium Playwright's page.pdf, Firefox puppeteer's page.pdf
//                (WebDriver BiDi browsingContext.print), WebKit WebDriver's Print Page
//                (POST /session/{id}/print; see tests/e2e/exceptions.mjs, printToPdf)
//   page.downloads() → [file name] of the downloads the page started (Chromium: the browser's
//                      download events; Firefox, WebKit: the page's clicks on <a download>,
//                      as neither driver reports downloads)
//   page.logs() → {console, errors, warnings, pageErrors, requests, failed, foreign}
//   page.close()
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { decodePng, encodePng } from './png.mjs';

export const ENGINE_TITLES = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' };   // as the README names them
export const ENGINES = Object.keys(ENGINE_TITLES);

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const WEBKIT_CHROME_PX = 38;      // MiniBrowser's toolbar above the viewport
const WEBKIT_MIN_WIDTH = 447;     // MiniBrowser's narrowest window

// ---- processes we start (stopped by PID, whatever happens) ----------------------------------
const children = new Set();
function startProcess(cmd, args, options = {}) {
  const child = spawn(cmd, args, { detached: true, ...options });   // own process group: PID = PGID
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}
function stopProcess(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } resolve(); }, 3000);
    child.once('exit', () => { clearTimeout(t); resolve(); });
    try { process.kill(-child.pid, 'SIGTERM'); } catch { clearTimeout(t); resolve(); }
  });
}
function killAllNow() {
  for (const c of children) { try { process.kill(-c.pid, 'SIGKILL'); } catch { /* gone */ } }
}
process.on('exit', killAllNow);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => { killAllNow(); process.exit(130); });

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

// Xvfb on a display it picks itself (-displayfd). The screen is small on purpose: with no
// window manager, X gives keyboard focus to the window under the pointer, which starts at
// the screen's centre (320, 240); every MiniBrowser window (at least 447×600 from the top
// left) covers that point, so the page keeps focus (:focus-within, document.hasFocus())
// when WebDriver resizes it. Windows larger than the screen still render whole.
async function startXvfb() {
  const child = startProcess('Xvfb', ['-displayfd', '3', '-screen', '0', '640x480x24', '-nolisten', 'tcp', '-nolisten', 'unix'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (b) => { err += b; });
  const display = await new Promise((resolve, reject) => {
    let out = '';
    const t = setTimeout(() => reject(new Error(`Xvfb did not start: ${err.slice(-300)}`)), 15000);
    child.stdio[3].on('data', (b) => { out += b; if (out.includes('\n')) { clearTimeout(t); resolve(':' + out.trim()); } });
    child.once('exit', (code) => { clearTimeout(t); reject(new Error(`Xvfb exited (${code}): ${err.slice(-300)}`)); });
  });
  return { display, stop: () => stopProcess(child) };
}

// ---- server-side script injection (WebKit has no init scripts and no console over WebDriver) ---
// Every test server wraps its handler with injectingHandler(): while an engine needs it,
// HTML responses get <script src="/__rs-init.js"> as the first element of <head>, and
// that script is the recorder below plus the current page's init scripts.
// Records the downloads a page starts (a click on an <a download>, as the app saves files).
const DOWNLOAD_RECORDER = `(function () {
  if (window.__rsDownloads) return;
  window.__rsDownloads = [];
  document.addEventListener('click', function (e) {
    var a = e.target && e.target.closest ? e.target.closest('a[download]') : null;
    if (a && !e.defaultPrevented) window.__rsDownloads.push(a.download);
  }, true);
})();\n`;
export const RECORDER = DOWNLOAD_RECORDER + `(function () {
  if (window.__rsLog) return;
  var L = window.__rsLog = { console: [], pageErrors: [], requests: [location.href], failed: [] };
  ['error', 'warn', 'log', 'info'].forEach(function (t) {
    var orig = console[t];
    console[t] = function () {
      var text = '';
      try { text = Array.prototype.map.call(arguments, function (a) { return String(a); }).join(' '); } catch (e) { text = '(unprintable)'; }
      L.console.push({ type: t === 'warn' ? 'warning' : t, text: text, url: location.href });
      return orig.apply(console, arguments);
    };
  });
  window.addEventListener('error', function (e) {
    var t = e.target;
    if (t && t !== window && (t.src || t.href)) L.failed.push(t.src || t.href);
    // With the stack: WebKit names the JavaScript line only; wasm frames give the function
    // index (rareshock.js.symbols in the build maps it to C++).
    else L.pageErrors.push(String(e.error || e.message) + (e.error && e.error.stack ? ' | stack: ' + String(e.error.stack).replace(/\s+/g, ' ').slice(0, 1500) : ''));
  }, true);
  window.addEventListener('unhandledrejection', function (e) { L.pageErrors.push('Unhandled rejection: ' + String(e.reason)); });
  try {
    new PerformanceObserver(function (list) { list.getEntries().forEach(function (en) { L.requests.push(en.name); }); })
      .observe({ type: 'resource', buffered: true });
  } catch (e) { /* no resource timing */ }
})();\n`;
const injection = { enabled: false, scripts: [] };
function injectHtml(html) {
  const tag = '<script src="/__rs-init.js"></script>';
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (m) => m + tag) : tag + html;
}
// The page at a phone's width in WebKit: an iframe of that size at the top left of the window.
function wrapperHtml(src, width, height) {
  return `<!doctype html><style>html,body{margin:0;padding:0;overflow:hidden}</style>` +
    `<iframe id="rs-wrap" src="${src.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" ` +
    `style="display:block;border:0;width:${width}px;height:${height}px"></iframe>`;
}
export function injectingHandler(handler) {
  return (req, res) => {
    if (req.url.split('?')[0] === '/__rs-wrap.html') {   // WebKit's narrow frame, on the page's own origin
      const q = new URL(req.url, 'http://x').searchParams;
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
        .end(wrapperHtml(q.get('src') || 'about:blank', Number(q.get('w')) || 390, Number(q.get('h')) || 844));
      return;
    }
    if (req.url.split('?')[0] === '/__rs-init.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' })
        .end(RECORDER + injection.scripts.join('\n;\n'));
      return;
    }
    if (!injection.enabled) { handler(req, res); return; }
    const writeHead = res.writeHead.bind(res), end = res.end.bind(res);
    let html = false, coding;
    res.writeHead = (status, ...rest) => {
      const headers = rest.find((h) => h && typeof h === 'object') || {};
      const type = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type');
      html = !!type && /text\/html/.test(type[1]);
      // The page is sent with the script in it: decoded (a precompressed copy, tools/server.mjs),
      // so without its Content-Encoding, and with a length Node counts anew.
      if (html) {
        for (const k of Object.keys(headers)) {
          if (k.toLowerCase() === 'content-encoding') coding = headers[k];
          if (/^content-(encoding|length)$/i.test(k)) delete headers[k];
        }
      }
      return writeHead(status, ...rest);
    };
    const decoded = (data) => coding === 'br' ? zlib.brotliDecompressSync(data) : coding === 'gzip' ? zlib.gunzipSync(data) : data;
    res.end = (data, ...rest) => end(html && data ? injectHtml(decoded(Buffer.from(data)).toString('utf8')) : data, ...rest);
    handler(req, res);
  };
}

// ---- common page helpers ---------------------------------------------------------------------
function newLog(url, allowHosts) {
  return { url, allowHosts, console: [], errors: [], warnings: [], pageErrors: [], requests: [], failed: [], foreign: [] };
}
function finishLog(log) {
  let host = null;
  try { host = new URL(log.url).host; } catch { /* about:blank */ }
  log.errors.splice(0, Infinity, ...log.console.filter((m) => m.type === 'error').map((m) => m.text), ...log.pageErrors);
  log.warnings.splice(0, Infinity, ...log.console.filter((m) => m.type === 'warning').map((m) => m.text));
  log.foreign.splice(0, Infinity, ...log.requests.filter((r) => {
    try { const u = new URL(r); return (u.protocol === 'http:' || u.protocol === 'https:') && u.host !== host && !log.allowHosts.includes(u.host); }
    catch { return false; }
  }));
  return log;
}
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta']);
function splitCombo(key) { const parts = key.split('+'); return { mods: parts.slice(0, -1), key: parts[parts.length - 1] || '+' }; }
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// A Frame over a playwright-core or puppeteer-core frame, looked up again on every use.
function nativeFrame(resolve, waitForFunction) {
  return {
    async evaluate(fn, arg) { return (await resolve()).evaluate(fn, arg); },
    async waitFor(fn, arg, timeout = 30000) { await waitForFunction(await resolve(), fn, arg, timeout); },
    async url() { return (await resolve()).url(); },
    frame(sel) {
      return nativeFrame(async () => {
        const el = await (await resolve()).$(sel);
        const f = el && await el.contentFrame();
        if (!f) throw new Error(`no frame ${sel}`);
        return f;
      }, waitForFunction);
    },
  };
}

// ============================== Chromium (playwright-core) =====================================
async function chromiumEngine() {
  const { launchChromium } = await import('./browser.mjs');
  const browser = await launchChromium();
  let noWebGL = null;   // a second Chromium with WebGL switched off, launched when first needed
  const wrapFrame = (resolve) => nativeFrame(resolve, (f, fn, arg, timeout) => f.waitForFunction(fn, arg, { timeout }));
  return {
    name: 'chromium',
    async open(url, o) {
      if (o.webgl === false) {
        noWebGL = noWebGL || launchChromium(['--disable-webgl', '--disable-3d-apis']);
      }
      const context = await (o.webgl === false ? await noWebGL : browser).newContext({
        viewport: { width: o.width, height: o.height }, deviceScaleFactor: o.dpr, colorScheme: o.dark ? 'dark' : 'light',
        hasTouch: o.touch, isMobile: o.mobile, javaScriptEnabled: o.js,
      });
      const p = await context.newPage();
      for (const s of o.init) await context.addInitScript(s);
      const log = newLog(url, o.allowHosts);
      p.on('console', (m) => log.console.push({ type: m.type(), text: m.text(), url: (m.location() && m.location().url) || '' }));
      p.on('pageerror', (e) => log.pageErrors.push(String(e)));
      p.on('request', (r) => log.requests.push(r.url()));
      p.on('requestfailed', (r) => log.failed.push(`${r.url()} (${r.failure() && r.failure().errorText})`));
      const downloads = [];
      p.on('download', (d) => downloads.push(d.suggestedFilename()));
      let cdp = null;
      const touchEvent = async (type, points) => {
        cdp = cdp || await context.newCDPSession(p);
        await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points });
      };
      const main = wrapFrame(async () => p.mainFrame());
      const page = {
        engine: 'chromium', native: p, nativeContext: context,
        async goto(u) { log.url = log.url || u; await p.goto(u); },
        evaluate: main.evaluate, waitFor: main.waitFor, frame: main.frame, url: main.url,
        mouse: p.mouse,
        keyboard: { press: (k, opt) => p.keyboard.press(k, opt), type: (t) => p.keyboard.type(t) },
        touch: {
          start: (x, y) => touchEvent('touchStart', [{ x, y }]),
          move: (x, y) => touchEvent('touchMove', [{ x, y }]),
          end: async () => touchEvent('touchEnd', []),
          tap: async (x, y) => { await touchEvent('touchStart', [{ x, y }]); await touchEvent('touchEnd', []); },
        },
        async screenshot({ selector, fullPage = false } = {}) {
          if (selector) return (await p.$(selector)).screenshot();
          return p.screenshot({ fullPage });
        },
        async setViewport(width, height) { await p.setViewportSize({ width, height }); },
        pdf: () => p.pdf({ format: 'A4' }),
        async downloads() { return downloads.slice(); },
        async logs() { return finishLog(log); },
        async close() { await context.close(); },
      };
      if (o.goto) await page.goto(url);
      return page;
    },
    async close() {
      if (noWebGL) await (await noWebGL).close();
      await browser.close();
    },
  };
}

// ============================== Firefox (puppeteer-core, WebDriver BiDi) ========================
async function firefoxEngine(xvfb) {
  const puppeteer = (await import('puppeteer-core')).default;
  // One Firefox per set of preferences (colour scheme, WebGL, touch), launched when first needed.
  // Always: touch events on, overlay scrollbars (as Chromium's --hide-scrollbars and phones:
  // a classic scrollbar would make the page 12 px narrower than in the other engines).
  const browsers = new Map();
  const browserFor = async (prefs) => {
    const key = JSON.stringify(prefs);
    if (!browsers.has(key)) {
      browsers.set(key, puppeteer.launch({
        browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true,
        env: { ...process.env, DISPLAY: xvfb.display },
        extraPrefsFirefox: { 'dom.w3c_touch_events.enabled': 1, 'ui.prefersReducedMotion': 0, 'ui.useOverlayScrollbars': 1, ...prefs },
      }));
    }
    return browsers.get(key);
  };
  const waitInPage = (f, fn, arg, timeout) => f.waitForFunction(fn, { timeout, polling: 50 }, arg);
  // Without JavaScript (javascript.enabled off) WebDriver BiDi still evaluates, but puppeteer's
  // waitForFunction, which polls inside the page, never returns: poll from here instead.
  const pollFromNode = async (f, fn, arg, timeout) => {
    const t0 = Date.now();
    while (!(await f.evaluate(fn, arg))) {
      if (Date.now() - t0 > timeout) throw new Error(`waitFor timed out after ${timeout} ms: ${String(fn).slice(0, 160)}`);
      await sleep(50);
    }
  };
  return {
    name: 'firefox',
    async open(url, o) {
      const wrapFrame = (resolve) => nativeFrame(resolve, o.js ? waitInPage : pollFromNode);
      const prefs = { 'layout.css.prefers-color-scheme.content-override': o.dark ? 0 : 1 };
      if (!o.js) prefs['javascript.enabled'] = false;   // one more Firefox, launched when first needed
      if (o.webgl === false) prefs['webgl.disabled'] = true;
      // A touch screen is the primary pointer, as on a phone: (pointer: coarse), (hover: none).
      if (o.touch) Object.assign(prefs, { 'ui.primaryPointerCapabilities': 1, 'ui.allPointerCapabilities': 1 });
      const browser = await browserFor(prefs);
      const context = await browser.createBrowserContext();
      const p = await context.newPage();
      await p.setViewport({ width: o.width, height: o.height, deviceScaleFactor: o.dpr, hasTouch: o.touch, isMobile: o.mobile });
      for (const s of [DOWNLOAD_RECORDER, ...o.init]) await p.evaluateOnNewDocument(s);
      const log = newLog(url, o.allowHosts);
      p.on('console', (m) => {
        const t = m.type() === 'warn' ? 'warning' : m.type();
        log.console.push({ type: t, text: m.text(), url: (m.location() && m.location().url) || '' });
      });
      p.on('pageerror', (e) => log.pageErrors.push(String(e)));
      p.on('request', (r) => log.requests.push(r.url()));
      p.on('requestfailed', (r) => log.failed.push(`${r.url()} (${r.failure() && r.failure().errorText})`));
      const main = wrapFrame(async () => p.mainFrame());
      const keyboard = {
        async press(key, opt = {}) {
          const { mods, key: k } = splitCombo(key);
          for (const m of mods) await p.keyboard.down(m);
          await p.keyboard.down(k);
          if (opt.delay) await sleep(opt.delay);
          await p.keyboard.up(k);
          for (const m of mods.reverse()) await p.keyboard.up(m);
        },
        type: (t) => p.keyboard.type(t),
      };
      const page = {
        engine: 'firefox', native: p,
        async goto(u) { log.url = log.url || u; await p.goto(u); },
        evaluate: main.evaluate, waitFor: main.waitFor, frame: main.frame, url: main.url,
        mouse: p.mouse, keyboard,
        touch: {
          start: (x, y) => p.touchscreen.touchStart(x, y),
          move: (x, y) => p.touchscreen.touchMove(x, y),
          end: () => p.touchscreen.touchEnd(),
          tap: (x, y) => p.touchscreen.tap(x, y),
        },
        async screenshot({ selector, fullPage = false } = {}) {
          if (selector) return Buffer.from(await (await p.$(selector)).screenshot());
          return Buffer.from(await p.screenshot({ fullPage }));
        },
        async setViewport(width, height) { await p.setViewport({ ...p.viewport(), width, height }); },
        async pdf() { return Buffer.from(await p.pdf({ format: 'A4' })); },
        downloads: () => main.evaluate(() => window.__rsDownloads || []),
        async logs() { return finishLog(log); },
        async close() { await context.close(); },
      };
      if (o.goto) await page.goto(url);
      return page;
    },
    async close() {
      for (const b of browsers.values()) { try { await (await b).close(); } catch { /* already gone */ } }
    },
  };
}

// ============================== WebKitGTK (WebKitWebDriver, W3C WebDriver) ======================
const WD_KEYS = {
  Backspace: '\uE003', Tab: '\uE004', Enter: '\uE007', Shift: '\uE008', Control: '\uE009', Alt: '\uE00A', Escape: '\uE00C',
  Space: ' ', PageUp: '\uE00E', PageDown: '\uE00F', End: '\uE010', Home: '\uE011', ArrowLeft: '\uE012', ArrowUp: '\uE013',
  ArrowRight: '\uE014', ArrowDown: '\uE015', Delete: '\uE017', Meta: '\uE03D',
};
const wdKey = (k) => WD_KEYS[k] || (k.length === 1 ? k : (() => { throw new Error(`webkit: no WebDriver code for key "${k}"`); })());

async function webkitEngine(xvfb) {
  // One WebKitWebDriver per GDK_SCALE (devicePixelRatio), each holding at most one session,
  // kept and reused while the MiniBrowser options stay the same.
  const drivers = new Map();
  const driverFor = async (scale) => {
    if (drivers.has(scale)) return drivers.get(scale);
    const promise = (async () => {
      for (let attempt = 0; ; attempt++) {
        const port = await freePort();
        const child = startProcess('WebKitWebDriver', [`--port=${port}`], {
          env: { ...process.env, DISPLAY: xvfb.display, GDK_SCALE: String(scale), GDK_DPI_SCALE: '1' }, stdio: 'ignore' });
        const base = `http://127.0.0.1:${port}`;
        for (let i = 0; i < 100; i++) {
          if (child.exitCode !== null) break;
          try {
            const r = await fetch(`${base}/status`);
            const j = await r.json();
            if (j.value && 'ready' in j.value) return { base, child, session: null, open: 0 };
          } catch { /* not up yet */ }
          await sleep(100);
        }
        await stopProcess(child);
        if (attempt >= 2) throw new Error('WebKitWebDriver did not start');
      }
    })();
    drivers.set(scale, promise);
    return promise;
  };
  // A command the driver never answers (Node's fetch gives up after 300 s of silence) or a
  // dropped connection is a driver failure, and the error says so (the browser tests give
  // such a test one more run: driverFailure below).
  const wd = async (base, method, p, body) => {
    let r;
    try {
      r = await fetch(base + p, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (cause) {
      const e = new Error(`webdriver ${method} ${p.replace(/^\/session\/[^/]+/, '')}: no answer from WebKitWebDriver (${cause.name}: ${cause.message})`);
      e.driverFailure = true;
      throw e;
    }
    const j = await r.json();
    if (j.value && j.value.error) {
      const e = new Error(`webdriver ${method} ${p.replace(/^\/session\/[^/]+/, '')}: ${j.value.error}: ${j.value.message}`);
      e.wdError = j.value.error;
      throw e;
    }
    return j.value;
  };

  return {
    name: 'webkit',
    async open(url, o) {
      injection.enabled = true;
      injection.scripts = o.init.slice();
      const driver = await driverFor(o.dpr);
      // One MiniBrowser window on the screen: X gives keyboard focus to the window under the
      // pointer, the one on top, so a page in a window under another scale's later window
      // has no focus (document.hasFocus() false, no :focus-within). Other scales' windows
      // without an open page are closed (their sessions start again when next needed).
      for (const [scale, d] of drivers) {
        const other = scale === o.dpr ? null : await d.catch(() => null);
        if (other && other.session && other.open === 0) {
          await wd(other.base, 'DELETE', `/session/${other.session.id}`).catch(() => {});
          other.session = null;
        }
      }
      const args = ['--automation', `--enable-javascript=${o.js}`, `--enable-webgl=${o.webgl !== false}`];
      if (o.dark) args.push('--dark-mode');
      const key = JSON.stringify(args);
      if (driver.session && driver.session.key !== key) {
        await wd(driver.base, 'DELETE', `/session/${driver.session.id}`).catch(() => {});
        driver.session = null;
      }
      if (!driver.session) {
        const s = await wd(driver.base, 'POST', '/session', { capabilities: { alwaysMatch: {
          browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINIBROWSER, args } } } });
        driver.session = { id: s.sessionId, key };
        await wd(driver.base, 'POST', `/session/${s.sessionId}/timeouts`, { script: 600000, pageLoad: 120000 });
      }
      const S = `/session/${driver.session.id}`;
      const call = (method, p, body) => wd(driver.base, method, S + p, body);
      // Phone widths (and pages a test will narrow, `narrowable`): MiniBrowser cannot be that
      // narrow, so the page runs in an iframe of exactly that size at the top left of a wider
      // window (pointer coordinates stay the same).
      const wrapped = o.width < WEBKIT_MIN_WIDTH || o.narrowable;
      let size = { width: o.width, height: o.height };
      const setWindow = async () => call('POST', '/window/rect', { width: Math.max(size.width, WEBKIT_MIN_WIDTH), height: size.height + WEBKIT_CHROME_PX });
      await setWindow();
      const base = wrapped ? ['#rs-wrap'] : [];
      let current = null;   // the frame path WebDriver is switched to
      const enter = async (pathSels) => {
        if (current && JSON.stringify(current) === JSON.stringify(pathSels)) return;
        await call('POST', '/frame', { id: null });
        current = [];
        for (const sel of pathSels) {   // a CSS selector, or the index of a frame in window.frames
          const id = typeof sel === 'number' ? sel : await call('POST', '/element', { using: 'css selector', value: sel });
          await call('POST', '/frame', { id });
          current.push(sel);
        }
      };
      const inFrame = async (pathSels, fn) => {
        try { await enter(pathSels); return await fn(); } catch (e) {
          if (!/no such (frame|element|window)|stale element/.test(e.wdError || '')) throw e;
          current = null;
          await enter(pathSels);
          return fn();
        }
      };
      const evalIn = async (pathSels, fn, arg) => {
        const body = typeof fn === 'function' ? `return (${fn})(a);` : `${fn}\n;return undefined;`;
        const script = `var a = arguments[0], done = arguments[arguments.length - 1];
          Promise.resolve().then(function () { ${body.startsWith('return') ? body : '(function () {' + body + '})();'} })
            .then(function (v) { done({ ok: true, v: v === undefined ? null : v }); },
                  function (e) { done({ ok: false, e: String(e) + (e && e.stack ? ' | ' + e.stack : '') }); });`;  // WebKit's stack has no message
        const r = await inFrame(pathSels, () => call('POST', '/execute/async', { script, args: [arg === undefined ? null : arg] }));
        if (!r.ok) throw new Error(`evaluate: ${r.e}`);
        return r.v;
      };
      const frameApi = (pathSels) => ({
        evaluate: (fn, arg) => evalIn(pathSels, fn, arg),
        async waitFor(fn, arg, timeout = 30000) {
          const t0 = Date.now();
          let lastError = null;
          for (;;) {
            try { if (await evalIn(pathSels, fn, arg)) return; lastError = null; } catch (e) { lastError = e; current = null; }
            if (Date.now() - t0 > timeout) throw new Error(`waitFor timed out after ${timeout} ms: ${String(fn).slice(0, 160)}${lastError ? ' (' + lastError.message + ')' : ''}`);
            await sleep(50);
          }
        },
        url: () => evalIn(pathSels, () => location.href),
        frame: (sel) => frameApi([...pathSels, sel]),
      });
      const main = frameApi(base);
      const log = newLog(url, o.allowHosts);
      const pointer = (actions) => call('POST', '/actions', { actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }] });
      const keys = (actions) => call('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
      let last = { x: 0, y: 0 };
      const mouse = {
        async move(x, y, opt = {}) {
          const steps = opt.steps || 1, from = last, acts = [];
          for (let i = 1; i <= steps; i++) acts.push({ type: 'pointerMove', origin: 'viewport', duration: 0,
            x: Math.round(from.x + (x - from.x) * i / steps), y: Math.round(from.y + (y - from.y) * i / steps) });
          last = { x, y };
          await inFrame([], () => pointer(acts));
        },
        down: () => inFrame([], () => pointer([{ type: 'pointerDown', button: 0 }])),
        up: () => inFrame([], () => pointer([{ type: 'pointerUp', button: 0 }])),
        async click(x, y) {
          last = { x, y };
          await inFrame([], () => pointer([{ type: 'pointerMove', origin: 'viewport', duration: 0, x: Math.round(x), y: Math.round(y) },
            { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }]));
        },
      };
      const keyboard = {
        async press(key, opt = {}) {
          const { mods, key: k } = splitCombo(key);
          const acts = [];
          for (const m of mods) acts.push({ type: 'keyDown', value: wdKey(m) });
          acts.push({ type: 'keyDown', value: wdKey(k) });
          if (opt.delay) acts.push({ type: 'pause', duration: opt.delay });
          acts.push({ type: 'keyUp', value: wdKey(k) });
          for (const m of mods.slice().reverse()) acts.push({ type: 'keyUp', value: wdKey(m) });
          await inFrame([], () => keys(acts));
        },
        async type(text) {
          const acts = [];
          for (const ch of text) acts.push({ type: 'keyDown', value: ch }, { type: 'keyUp', value: ch });
          await inFrame([], () => keys(acts));
        },
      };
      const unsupported = () => { throw new Error('webkit: no touch emulation (see tests/e2e/exceptions.mjs)'); };
      const page = {
        engine: 'webkit', native: null, wrapped,
        async goto(u) {
          log.url = log.url || u;
          let target = u;
          if (u.startsWith('file://') && u.endsWith('.html')) {
            // A copy with the recorder and init scripts inlined (no server to inject them).
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rs-webkit-'));
            const copy = path.join(dir, path.basename(u));
            const html = fs.readFileSync(new URL(u), 'utf8');
            const inline = `<script>${RECORDER}${injection.scripts.join('\n;\n')}</script>`;
            fs.writeFileSync(copy, /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (m) => m + inline) : inline + html);
            target = `file://${copy}`;
          }
          current = null;
          if (wrapped) {
            // The wrapper comes from the page's own server (injectingHandler), so the page is not a
            // cross-origin frame: WebKit ignores focus() by script in a cross-origin frame that
            // does not have focus (no user gesture), as a data: wrapper made it.
            const http = /^https?:/.test(target);
            const wrapUrl = http
              ? `${new URL(target).origin}/__rs-wrap.html?` + new URLSearchParams({ src: target, w: size.width, h: size.height })
              : 'data:text/html;charset=utf-8,' + encodeURIComponent(wrapperHtml(target, size.width, size.height));
            await call('POST', '/url', { url: wrapUrl });
            await main.waitFor(() => document.readyState === 'complete', null, 60000);
            // The page's frame is the focused one, as a top-level page would be (focus(), :focus-within).
            current = null;
            await inFrame([], () => call('POST', '/execute/sync', { script: "document.getElementById('rs-wrap').contentWindow.focus();", args: [] }));
          } else {
            await call('POST', '/url', { url: target });
          }
        },
        evaluate: main.evaluate, waitFor: main.waitFor, frame: main.frame, url: main.url,
        mouse, keyboard,
        touch: { start: unsupported, move: unsupported, end: unsupported, tap: unsupported },
        // WebKit's element screenshots stop at the viewport: scroll the element through the
        // viewport and stitch the viewport shots (nothing is resized, so nothing re-lays out).
        async screenshot({ selector, fullPage = false } = {}) {
          const sel = selector || (fullPage ? 'html' : null);
          const shot = async () => decodePng(Buffer.from(await inFrame([], () => call('GET', '/screenshot')), 'base64'));
          if (!sel && !wrapped) return Buffer.from(await inFrame([], () => call('GET', '/screenshot')), 'base64');
          const geo = await main.evaluate((sel) => {
            const el = sel ? document.querySelector(sel) : null;
            const r = el ? el.getBoundingClientRect() : { left: 0, top: 0, width: innerWidth, height: innerHeight };
            return { left: r.left + scrollX, top: r.top + scrollY, width: r.width, height: r.height, sx: scrollX, sy: scrollY,
                     vw: document.documentElement.clientWidth, vh: innerHeight, dpr: devicePixelRatio };
          }, sel);
          const k = geo.dpr, W = Math.round(geo.width * k), H = Math.round(geo.height * k);
          const out = { width: W, height: H, data: new Uint8Array(W * H * 4) };
          for (let y = geo.top; ;) {
            const sy = await main.evaluate((y) => new Promise((res) => {
              window.scrollTo(window.scrollX, y);
              requestAnimationFrame(() => requestAnimationFrame(() => res(window.scrollY)));
            }), sel ? y : geo.sy);
            const img = await shot();
            const sx = await main.evaluate(() => window.scrollX);
            // The element's rows visible now, in device pixels of the element and of the shot.
            const from = Math.max(Math.round((y - geo.top) * k), Math.round((sy - geo.top) * k), 0);
            const to = Math.min(H, Math.round((sy + geo.vh - geo.top) * k));
            for (let row = from; row < to; row++) {
              const srcY = Math.round((geo.top - sy) * k) + row, srcX = Math.round((geo.left - sx) * k);
              if (srcY < 0 || srcY >= img.height) continue;
              for (let col = 0; col < W; col++) {
                const x = srcX + col;
                if (x < 0 || x >= img.width) continue;
                const si = (srcY * img.width + x) * 4, di = (row * W + col) * 4;
                out.data[di] = img.data[si]; out.data[di + 1] = img.data[si + 1]; out.data[di + 2] = img.data[si + 2]; out.data[di + 3] = 255;
              }
            }
            if (!sel || to >= H || sy + geo.vh >= geo.top + geo.height) break;
            y = sy + geo.vh;
          }
          await main.evaluate(([x, y]) => window.scrollTo(x, y), [geo.sx, geo.sy]);
          return encodePng(out);
        },
        async setViewport(width, height) {
          if (width < WEBKIT_MIN_WIDTH && !wrapped) throw new Error(`webkit: a top-level page cannot be narrower than ${WEBKIT_MIN_WIDTH} px`);
          size = { width, height };
          if (wrapped) {
            await inFrame([], () => call('POST', '/execute/sync', { script: `var f = document.getElementById('rs-wrap');
              f.style.width = arguments[0] + 'px'; f.style.height = arguments[1] + 'px';`, args: [width, height] }));
          }
          await setWindow();
        },
        // W3C WebDriver "Print Page" (sizes in cm): A4.
        async pdf() {
          return Buffer.from(await inFrame([], () => call('POST', '/print', { page: { width: 21, height: 29.7 } })), 'base64');
        },
        downloads: () => main.evaluate(() => window.__rsDownloads || []),
        async logs() {
          // Collect the recorder's entries from the document and every frame in it.
          const collect = async (pathSels, depth) => {
            let rec = null, frames = 0;
            try {
              [rec, frames] = await evalIn(pathSels, () => [window.__rsLog || null, window.frames.length]);
            } catch { return; }
            if (rec) {
              log.console.push(...rec.console); log.pageErrors.push(...rec.pageErrors);
              log.requests.push(...rec.requests); log.failed.push(...rec.failed);
            }
            for (let i = 0; depth < 3 && i < frames; i++) await collect([...pathSels, i], depth + 1);
          };
          for (const k of ['console', 'pageErrors', 'requests', 'failed']) log[k].length = 0;
          await collect(base, 0);
          return finishLog(log);
        },
        async close() {
          current = null;
          injection.scripts = [];
          driver.open = Math.max(0, driver.open - 1);
          try {
            await call('POST', '/frame', { id: null });
            await call('POST', '/url', { url: 'about:blank' });
          } catch {
            await wd(driver.base, 'DELETE', S).catch(() => {});
            driver.session = null;
          }
        },
      };
      driver.open++;
      if (o.goto) await page.goto(url);
      return page;
    },
    async close() {
      for (const d of drivers.values()) {
        const driver = await d.catch(() => null);
        if (!driver) continue;
        if (driver.session) await wd(driver.base, 'DELETE', `/session/${driver.session.id}`).catch(() => {});
        await stopProcess(driver.child);
      }
    },
  };
}

// A failure of the connection to the browser's driver (WebKitWebDriver's HTTP: refused,
// reset, or no answer within its time limit), not of anything a test checked.
export function driverFailure(e) {
  return !!e && (e.driverFailure === true || (e.name === 'TypeError' && e.message === 'fetch failed'));
}

// Starts an engine (and Xvfb for Firefox and WebKit). engine.open(url, options) → Page.
export async function startEngine(name) {
  if (!ENGINES.includes(name)) throw new Error(`unknown engine "${name}" (one of ${ENGINES.join(', ')})`);
  const xvfb = name === 'chromium' ? null : await startXvfb();
  let engine;
  try {
    engine = name === 'chromium' ? await chromiumEngine() : name === 'firefox' ? await firefoxEngine(xvfb) : await webkitEngine(xvfb);
  } catch (e) {
    if (xvfb) await xvfb.stop();
    throw e;
  }
  const open = engine.open.bind(engine);
  return {
    name,
    display: xvfb && xvfb.display,
    open: (url, o = {}) => open(url, {
      width: 1280, height: 900, dpr: 1, dark: false, touch: false, mobile: false, js: true, webgl: true, init: [], goto: true, narrowable: false,
      allowHosts: [], ...o }),
    async close() {
      try { await engine.close(); } finally { if (xvfb) await xvfb.stop(); }
    },
  };
}
