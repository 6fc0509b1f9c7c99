// Rare Earth Shock — what a reader sees before and without the calculator: while the
// WebAssembly loads, the reserved box gives the answer (on phones the key figures, on
// wider screens the headline sentence, and a picture of the chart, all written at build
// time) and says it is loading (no screen of blank white); without JavaScript a phone
// gets the phone picture, a desktop the desktop one (<picture>, tools/site/fallback.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { SITE, openWith, serve, waitReady, until, artifact, assert, noErrors } from './harness.mjs';

// The site with its WebAssembly held back by the server until release() (the page
// loads as on a slow connection, and stays loading as long as the test looks).
async function serveHoldingWasm() {
  let release;
  const held = new Promise((r) => { release = r; });
  let asked = 0;
  const wasm = (req, res) => {
    asked++;
    held.then(() => res.writeHead(200, { 'Content-Type': 'application/wasm', 'Cache-Control': 'no-cache' })
      .end(fs.readFileSync(path.join(SITE, 'rareshock.wasm'))));
  };
  const server = await serve({ extraRoutes: { '/rareshock.wasm': wasm } });
  return { ...server, release: () => release(), asked: () => asked,
           close: () => { release(); return server.close(); } };
}

const placeholderState = () => {
  const vis = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).display !== 'none' && getComputedStyle(el).visibility !== 'hidden';
  const box = document.querySelector('.rs-canvas-box').getBoundingClientRect();
  const cap = document.getElementById('rs-fallback-caption');
  const note = document.querySelector('.rs-loading-note');
  const sketch = document.querySelector('.rs-loading');
  return {
    boxHeight: Math.round(box.height),
    // The calculator's height in this band (--rs-reserve-*, measured by tools/site/heights.mjs), which the canvas holds until it draws.
    reserved: Math.round(parseFloat(getComputedStyle(document.getElementById('rareshock-canvas')).height)),
    caption: vis(cap) && cap.getBoundingClientRect().height > 2 ? cap.textContent.trim() : '',  // not the visually hidden one (read to screen readers)
    captionTop: cap ? Math.round(cap.getBoundingClientRect().top - box.top) : -1,
    note: vis(note) ? note.textContent.trim() : '', sketchHeight: vis(sketch) ? Math.round(sketch.getBoundingClientRect().height) : 0,
    picture: vis(document.getElementById('rs-fallback-img')),
    figures: vis(document.querySelector('.rs-loading-figures')) ? document.querySelector('.rs-loading-figures').innerText.trim() : '',
    figuresTop: Math.round((document.querySelector('.rs-loading-figures')?.getBoundingClientRect().top ?? -1e4) - box.top),
    number: document.querySelector('.rs-kf-number')?.textContent.trim() ?? '',
    // The chart picture shown (narrow or wide) and its size on the page.
    chart: [...document.querySelectorAll('.rs-loading-chart svg')].filter(vis).map((svg) => {
      const r = svg.getBoundingClientRect();
      return { width: svg.dataset.rsWidth, shownWidth: Math.round(r.width), height: Math.round(r.height), lines: svg.querySelectorAll('polyline').length };
    }),
    // Whether anything in the placeholder sticks out of the box sideways.
    sideways: document.documentElement.scrollWidth > document.documentElement.clientWidth,
  };
};

export function loadingTests({ engine, site }) {
  const tests = [];

  for (const [width, dpr] of [[390, 3], [1280, 1]]) {
    tests.push([`loading at ${width} px: the reserved box shows the headline sentence and says the calculator is loading`, async () => {
      const held = await serveHoldingWasm();
      const { page, context } = await openWith(engine, `${held.url}/index.html`, { width, height: 844, dpr });
      try {
        await page.waitFor(() => document.querySelector('.rs-loading-note'), null, 10000);
        await until(() => held.asked() > 0, 30000, 'the page to ask for its WebAssembly');   // which the server holds
        const s = await page.evaluate(placeholderState);
        fs.writeFileSync(artifact(`${engine.name}-loading-${width}.png`), await page.screenshot({ selector: '.rs-widget' }));
        const summary = fs.readFileSync(path.join(SITE, 'index.html'), 'utf8').match(/<figcaption id="rs-fallback-caption">([^<]*)</)[1].replace(/&amp;/g, '&');
        const phone = width < 600;
        if (phone) {
          // The answer in one glance at the top: the key figures (the canvas draws them there).
          assert(s.figures && s.figuresTop >= 0 && s.figuresTop < 40, `the key figures at the top of the box: ${JSON.stringify(s)}`);
          assert(/^[\d,]+$/.test(s.number) && summary.includes(`${s.number} vehicles`), `the key figure (${s.number}) is the sentence's number of vehicles`);
          assert(/not built/.test(s.figures) && /supplier lines stop/.test(s.figures) && /car plants stop/.test(s.figures), `what the figures are: "${s.figures}"`);
          assert(!s.caption, `the sentence is not repeated over the figures on a phone: "${s.caption}"`);
        } else {
          assert(s.caption.length > 40 && s.caption === summary, `the headline sentence shows: "${s.caption}"`);
          assert(s.captionTop >= 0 && s.captionTop < 40, `at the top of the box, where the headline will be (${s.captionTop} px down)`);
          assert(!s.figures, `no separate key figures beside the sentence: "${s.figures}"`);
        }
        assert(s.chart.length === 1 && s.chart[0].width === (phone ? 'narrow' : 'wide') && s.chart[0].lines === 5 && s.chart[0].height > 200,
               `one picture of the chart, the ${phone ? 'narrow' : 'wide'} one, with the five regions' lines: ${JSON.stringify(s.chart)}`);
        assert(!s.sideways, 'nothing sticks out sideways');
        assert(/Loading the calculator/.test(s.note), `it says it is loading: "${s.note}"`);
        assert(s.sketchHeight > 300 && !s.picture, `a sketch of the controls, not the fallback picture: ${JSON.stringify(s)}`);
        assert(s.reserved > 500 && s.boxHeight >= s.reserved, `the box keeps the calculator's reserved height (${s.boxHeight} px, reserved ${s.reserved} px)`);
        // The app, once it runs, says the same: its sentence is the one built into the page.
        held.release();
        await waitReady(page);
        const after = await page.evaluate(placeholderState);
        assert(!after.note && !after.sketchHeight && !after.caption && !after.figures && !after.chart.length,
               `the placeholder is gone once the calculator is ready: ${JSON.stringify(after)}`);
        // The settled sentence, with its likely range: the live region first speaks the
        // provisional one (central estimate only) while the draws run, on a slow engine for seconds.
        await page.waitFor(() => !window.rareshock.getResults().provisional, null, 30000);
        await page.waitFor(() => document.querySelector('.rs-live')?.textContent === window.rareshock.getResults().summary, null, 15000);
        const appSentence = await page.evaluate(() => document.querySelector('.rs-live').textContent);
        assert(appSentence === summary, `the app's sentence is the one in the page: "${appSentence}" vs "${summary}"`);
        await noErrors(page);
      } finally {
        await context.close();
        await held.close();
      }
    }]);
  }

  for (const [width, want] of [[360, 'fallback-phone'], [1280, 'fallback']]) {
    tests.push([`fallback at ${width} px without JavaScript: the ${want === 'fallback' ? 'desktop' : 'phone'} picture, readable, no loading note`, async () => {
      const { page, context } = await openWith(engine, `${site.url}/index.html`, { width, height: 800, dpr: 2, js: false });
      try {
        await page.waitFor(() => {
          const i = document.querySelector('img.rs-fallback-static');
          return document.readyState === 'complete' && i && i.complete && i.naturalWidth > 0;
        }, null, 15000);
        const s = await page.evaluate(() => {
          const i = document.querySelector('img.rs-fallback-static');
          const note = document.querySelector('.rs-loading-note');
          const shown = (sel) => [...document.querySelectorAll(sel)].some((el) => el.getClientRects().length > 0 && getComputedStyle(el).display !== 'none');
          const cap = document.getElementById('rs-fallback-caption');
          return { src: i.currentSrc.split('/').pop(), natural: i.naturalWidth, shown: Math.round(i.getBoundingClientRect().width),
                   figures: shown('.rs-loading-figures'), chart: shown('.rs-loading-chart svg'), caption: Math.round(cap.getBoundingClientRect().height),
                   note: !!note && getComputedStyle(note).display !== 'none', scrollW: document.documentElement.scrollWidth };
        });
        fs.writeFileSync(artifact(`${engine.name}-fallback-nojs-${width}.png`), await page.screenshot());
        assert(s.src.startsWith(want + '.'), `the ${want} picture is shown (${s.src})`);
        assert(s.natural >= s.shown, `at least one picture pixel per CSS pixel: ${s.natural} px shown ${s.shown} px wide`);
        assert(!s.note && s.scrollW <= width, `no loading note and no sideways scroll without JavaScript: ${JSON.stringify(s)}`);
        assert(!s.figures && !s.chart && s.caption > 20, `the picture's caption, not the loading placeholder's figures or chart: ${JSON.stringify(s)}`);
      } finally {
        await context.close();
      }
    }]);
  }

  // The page's scripts are asked for from its <head> while it is parsed (<link rel="preload">,
  // tools/site/site.mjs), so the wasm's fetch, which waits for both, starts sooner; and every
  // file still comes once: each <script> takes its preloaded response (a preload `as="fetch"`
  // of the wasm would not be taken by WebKit's fetch(): it came twice).
  for (const page of ['embed.html', 'embed.ja.html', 'index.html']) {
    tests.push([`preload: ${page} asks for its scripts while it is parsed, and every file comes once`, async () => {
      const asked = {};
      const count = (name, type) => (req, res) => {
        asked[name] = (asked[name] || 0) + 1;
        res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-cache' }).end(fs.readFileSync(path.join(SITE, name)));
      };
      const files = [['rareshock.js', 'text/javascript'], ['app.js', 'text/javascript'], ['rareshock.wasm', 'application/wasm'], ['font-ja.ttf', 'font/ttf']];
      const server = await serve({ extraRoutes: Object.fromEntries(files.map(([name, type]) => [`/${name}`, count(name, type)])) });
      const { page: tab, context } = await openWith(engine, `${server.url}/${page}`, { width: 390, height: 844, dpr: 2 });
      try {
        await waitReady(tab);  // by then the app has made its own fetches (the face's as it starts)
        const links = await tab.evaluate(() => [...document.head.querySelectorAll('link[rel=preload]')].map((l) => `${l.getAttribute('href')} ${l.getAttribute('as')}`));
        // The page's own scripts, as it ships (a driver may add its own to the document).
        const scripts = [...fs.readFileSync(path.join(SITE, page), 'utf8').matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => `${m[1]} script`);
        assert(JSON.stringify(links) === JSON.stringify(scripts) && scripts.length === 2, `the page's scripts preloaded from <head>: ${JSON.stringify(links)}, its scripts ${JSON.stringify(scripts)}`);
        const japanese = page.includes('.ja.');
        const want = { 'rareshock.js': 1, 'app.js': 1, 'rareshock.wasm': 1, ...(japanese ? { 'font-ja.ttf': 1 } : {}) };
        assert(JSON.stringify(asked, Object.keys(want).concat('font-ja.ttf')) === JSON.stringify(want, Object.keys(want).concat('font-ja.ttf')),
               `each file asked for once (the Japanese face only in Japanese): ${JSON.stringify(asked)}, want ${JSON.stringify(want)}`);
        await noErrors(tab);
      } finally {
        if (context) await context.close();
        await server.close();
      }
    }]);
  }
  // app.js comes before rareshock.js and starts the WebAssembly's download itself: the
  // server sends rareshock.js only once the wasm has been asked for (or, failing that, after
  // 15 s, so the page still loads); the calculator then starts from that one download.
  tests.push(['early download: the page asks for rareshock.wasm before rareshock.js has come, and once', async () => {
    let wasmAsked;
    const asked = {}, order = [];
    const askedForWasm = new Promise((r) => { wasmAsked = r; });
    const route = (name, type) => async (req, res) => {
      asked[name] = (asked[name] || 0) + 1;
      order.push(`${name} asked`);
      if (name === 'rareshock.wasm') wasmAsked();
      if (name === 'rareshock.js') {
        let timer;
        await Promise.race([askedForWasm, new Promise((r) => { timer = setTimeout(r, 15000); })]);
        clearTimeout(timer);
        order.push('rareshock.js sent');
      }
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-cache' }).end(fs.readFileSync(path.join(SITE, name)));
    };
    const server = await serve({ extraRoutes: { '/rareshock.js': route('rareshock.js', 'text/javascript'),
                                                '/rareshock.wasm': route('rareshock.wasm', 'application/wasm') } });
    let context = null;
    try {
      const opened = await openWith(engine, `${server.url}/embed.html`, { width: 390, height: 844, dpr: 2 });
      context = opened.context;
      const page = opened.page;
      await waitReady(page);
      assert(order.indexOf('rareshock.wasm asked') >= 0 && order.indexOf('rareshock.wasm asked') < order.indexOf('rareshock.js sent'),
             `rareshock.wasm asked for before rareshock.js was sent: ${order.join(', ')}`);
      assert(asked['rareshock.wasm'] === 1 && asked['rareshock.js'] === 1, `each file once: ${JSON.stringify(asked)}`);
      await noErrors(page);
    } finally {
      if (context) await context.close();
      await server.close();
    }
  }]);
  // The page's own download of the wasm (app.js), as servers get it wrong: sent as
  // application/octet-stream it is compiled from its bytes and the calculator starts; a 404
  // gives the static picture and a warning that names the file.
  for (const [what, status, type] of [['sent as application/octet-stream', 200, 'application/octet-stream'], ['missing (404)', 404, 'text/plain']]) {
    tests.push([`early download: rareshock.wasm ${what}: ${status === 200 ? 'the calculator starts' : 'the static picture, with a warning'}`, async () => {
      const server = await serve({ extraRoutes: { '/rareshock.wasm': (req, res) => {
        res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-cache' })
          .end(status === 200 ? fs.readFileSync(path.join(SITE, 'rareshock.wasm')) : 'Not Found');
      } } });
      let context = null;
      try {
        const opened = await openWith(engine, `${server.url}/embed.html`, { width: 390, height: 844, dpr: 2 });
        context = opened.context;
        const { page, log } = opened;
        if (status === 200) {
          await waitReady(page);
          await noErrors(page);
        } else {
          await page.waitFor(() => document.documentElement.classList.contains('rs-failed'), null, 30000);
          await page.logs();
          assert(log.warnings.some((w) => /rareshock\.wasm: HTTP 404/.test(w)), `a warning names the file: ${log.warnings.join(' | ')}`);
        }
      } finally {
        if (context) await context.close();
        await server.close();
      }
    }]);
  }
  return tests;
}
