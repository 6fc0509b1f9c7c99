// Rare Earth Shock — the German and Japanese editions: lang= takes the reader to
// the page in that language (index.de.html, embed.ja.html), whose headline,
// dates, numbers, twin and static text follow the language's table
// (assets/strings/<code>.json); the Japanese face is fetched for Japanese only.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, SITE, openWith, serve, waitReady, artifact, assert, until, animationFrames, testServer, listen } from './harness.mjs';
import { serveFixtures, waitFrameReady } from './util.mjs';
import { waitIdle } from './gestures.mjs';
import { createServer } from '../../tools/server.mjs';

const table = (lang) => JSON.parse(fs.readFileSync(path.join(ROOT, 'assets/strings', `${lang}.json`), 'utf8'));
const FACE = 'font-ja.ttf';

// What each language's text must look like: a date and a grouped number.
const FORMS = {
  en: { date: /\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) 2025\b/, number: /\d,\d{3}/ },
  de: { date: /\b\d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) 2025\b/, number: /\d\.\d{3}/ },
  ja: { date: /2025年\d{1,2}月\d{1,2}日/, number: /\d,\d{3}|万/ },
};

// Waits until a page or frame shows a URL matching `re` (lang= takes the reader to another page).
const waitForUrl = (frameOrPage, re, timeout = 15000) =>
  frameOrPage.waitFor((src) => new RegExp(src).test(location.href), re.source, timeout);
// The Japanese face's downloads by the page now shown (the Resource Timing entries).
const facesLoaded = (page) => page.evaluate((face) => performance.getEntriesByType('resource').filter((e) => e.name.includes(face)).length, FACE);

// The site, recording every page it serves (index*.html, embed*.html, with the query):
// a navigation is one more request, in every engine.
async function countingSite() {
  const pages = [];
  const inner = createServer(SITE).listeners('request')[0];
  const server = testServer((req, res) => {
    if (/^\/(index|embed)(\.[a-z]+)?\.html(\?|$)/.test(req.url)) pages.push(req.url);
    inner(req, res);
  });
  const port = await listen(server, '127.0.0.1');
  return { url: `http://127.0.0.1:${port}`, pages, close: () => new Promise((r) => server.close(r)) };
}
const calculatorReady = () => !!(window.rareshock && window.rareshock.getResults().regions.length > 0);

// What a server, a cache or a proxy may hand a page for font-ja.ttf. Each was trusted:
// an HTML page, random bytes or a corrupt table gave a black canvas (or trapped with
// "memory access out of bounds" on every frame) while the page said it was ready; a 404
// or an empty file drew every Japanese character as "?" with an unhandled rejection.
const face = () => fs.readFileSync(path.join(SITE, FACE));
const tableAt = (f, tag) => {
  for (let i = 0; i < f.readUInt16BE(4); i++) if (f.toString('latin1', 12 + 16 * i, 16 + 16 * i) === tag) return f.readUInt32BE(12 + 16 * i + 8);
  throw new Error(`${FACE} has no ${tag}`);
};
function withLocaBackwards(f) {  // two glyphs' offsets swapped, so glyph g ends before it starts
  const b = Buffer.from(f), long = b.readUInt16BE(tableAt(b, 'head') + 50) === 1, loca = tableAt(b, 'loca');
  const get = (g) => (long ? b.readUInt32BE(loca + 4 * g) : b.readUInt16BE(loca + 2 * g));
  const put = (g, v) => (long ? b.writeUInt32BE(v, loca + 4 * g) : b.writeUInt16BE(v, loca + 2 * g));
  let g = 1;
  while (get(g) === get(g + 1)) g++;
  const [x, y] = [get(g), get(g + 1)];
  put(g, y); put(g + 1, x);
  return b;
}
function randomBytes(n) {  // the same bytes every run
  const b = Buffer.alloc(n);
  for (let i = 0, x = 19; i < n; i++) { x = (x * 1103515245 + 12345) >>> 0; b[i] = x >>> 24; }
  return b;
}
const BROKEN_FACES = [
  ['an HTML page served with 200', 200, 'text/html', () => Buffer.from('<!DOCTYPE html>\n<html><head><title>Not Found</title></head><body><h1>Not Found</h1></body></html>\n')],
  ['random bytes', 200, 'font/ttf', () => randomBytes(face().length)],
  ['a corrupt glyph-offset table (loca)', 200, 'font/ttf', () => withLocaBackwards(face())],
  ['missing (404)', 404, 'text/plain', () => Buffer.from('Not Found')],
  ['empty', 200, 'font/ttf', () => Buffer.alloc(0)],
];

export function langTests({ engine, site }) {
  const tests = [];

  for (const [what, status, type, body] of BROKEN_FACES) {
    tests.push([`lang: ja: a Japanese face that is ${what}: the picture and the controls, ready, one warning, no page error`, async () => {
      const bytes = body();
      const server = await serve({ extraRoutes: { [`/${FACE}`]: (req, res) => res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(bytes) } });
      const { page, context } = await openWith(engine, `${server.url}/index.ja.html?approval=40`);
      try {
        // Ready with its results; the canvas may never draw (its first atlas is built in a frame of
        // its own, and a face refused by then hides the canvas before anything is drawn on it).
        await page.waitFor(() => window.rareshock && document.documentElement.classList.contains('rs-ready') &&
          window.rareshock.getResults().regions.length > 0, null, 60000);
        await page.waitFor(() => document.querySelector('.rs-canvas-box.rs-gave-way'), null, 30000);
        await page.waitFor(() => { const i = document.getElementById('rs-fallback-img'); return i && i.complete && i.naturalWidth > 0; }, null, 15000);
        const r = await page.evaluate(() => {
          const vis = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
          const note = document.querySelector('.rs-paused');
          return { picture: vis(document.getElementById('rs-fallback-img')), canvas: vis(document.getElementById('rareshock-canvas')),
                   note: note && vis(note) ? note.firstChild.textContent.trim() : '', twin: document.querySelector('.rs-twin').getBoundingClientRect().height,
                   language: window.rareshock.getResults().language, approval: window.rareshock.getInputs().approval };
        });
        assert(r.picture && !r.canvas, `the Japanese edition's picture takes the canvas's place: ${JSON.stringify(r)}`);
        assert(r.note === table('ja')['page.face_failed'], `a note says why, in Japanese: "${r.note}"`);
        assert(r.twin > 100 && r.language === 'ja' && r.approval === 40, `the calculator is ready, with its controls: ${JSON.stringify(r)}`);
        const w = await page.evaluate(() => window.rareshock.setInputs({ inventory: 90 }));
        assert(w.length === 0, `the API goes on: ${JSON.stringify(w)}`);
        const log = await page.logs();
        const ours = log.warnings.filter((m) => m.includes('rareshock'));
        assert(ours.length === 1 && /Japanese face \(font-ja\.ttf\) cannot be used: /.test(ours[0]), `one warning: ${JSON.stringify(ours)}`);
        assert(log.pageErrors.length === 0, `no page error or unhandled rejection: ${log.pageErrors.join(' | ')}`);
        // The browser's own line for a response of 404 ("Failed to load resource") is not the page's error.
        const errors = log.errors.filter((m) => !(status === 404 && /Failed to load resource/.test(m)));
        assert(errors.length === 0, `no console errors: ${errors.join(' | ')}`);
      } finally {
        await context.close();
        await server.close();
      }
    }]);
  }
  for (const lang of ['de', 'ja']) {
    const t = table(lang);
    tests.push([`lang: ${lang}: lang= opens the ${lang} page; headline, dates, numbers, twin and page text in ${lang}`, async () => {
      const { page, context } = await openWith(engine, `${site.url}/index.html?lang=${lang}`);
      try {
        await waitForUrl(page, new RegExp(`/index\\.${lang}\\.html\\?lang=${lang}$`));
        await waitReady(page);
        await page.waitFor(() => !window.rareshock.getResults().provisional, null, 30000);
        const r = await page.evaluate(() => {
          const results = window.rareshock.getResults();
          const label = document.querySelector('label[for="rs-twin-approval"]');
          return {
            htmlLang: document.documentElement.lang, language: results.language, summary: results.summary,
            label: label && label.textContent, twinLang: document.querySelector('section.rs-twin').getAttribute('lang'),
            table: document.querySelector('.rs-table').textContent, scenarios: document.querySelector('.rs-twin [role="group"]').getAttribute('aria-label'),
            method: document.querySelector('#rs-method summary').textContent, title: document.title,
            masthead: document.querySelector('.rs-masthead h1').textContent,
            caption: document.getElementById('rs-fallback-caption').textContent,
            loading: document.querySelector('.rs-loading-note').textContent,
            methodLang: document.querySelector('#rs-method .rs-method-body').getAttribute('lang'),
            methodHeading: document.querySelector('#rs-method .rs-method-body h2, #rs-method .rs-method-body h3').textContent,
          };
        });
        assert(r.htmlLang === lang && r.twinLang === lang, `<html lang> and the twin's lang are ${lang}: ${r.htmlLang}, ${r.twinLang}`);
        assert(r.language === lang, `getResults().language is ${lang}: ${r.language}`);
        assert(FORMS[lang].date.test(r.summary), `the headline has a ${lang} date: ${r.summary}`);
        assert(FORMS[lang].number.test(r.table), `the twin's table has ${lang} numbers: ${r.table}`);
        assert(r.label === `${t['field.approval.label']} (%)` || r.label === `${t['field.approval.label']}（%）`, `twin label translated: ${r.label}`);
        assert(r.scenarios === t['page.twin.scenarios'], `twin group translated: ${r.scenarios}`);
        assert(r.method === t['ui.method.link'] && r.title === t['shell.title'] && r.loading === t['shell.loading'], `page text: ${r.method} | ${r.title} | ${r.loading}`);
        // The masthead is the edition's, not the English name (it stayed English in every edition).
        assert(r.masthead === t['shell.masthead'] && (lang === 'en' || r.masthead !== table('en')['shell.masthead']),
          `the masthead in ${lang}: ${r.masthead}`);
        // "Method and sources" in the page's language (docs/methodology.<lang>.md), reader's part only.
        const md = fs.readFileSync(path.join(ROOT, 'docs', `methodology.${lang}.md`), 'utf8');
        const firstHeading = /^##\s+(.*)$/m.exec(md)[1];
        assert(r.methodLang === lang && r.methodHeading.includes(firstHeading.replace(/^\d+\.\s*/, '')), `method section in ${lang}: ${r.methodLang} "${r.methodHeading}" vs "${firstHeading}"`);
        // The static caption (made at build time from this edition's app) is the headline of the default scenario.
        assert(r.caption === r.summary, `the fallback caption is the ${lang} summary: ${r.caption}`);
        assert(!/[A-Za-z]+\.[a-z_]+\.[a-z_]+/.test(r.table + r.label + r.summary), 'no text key on the page');
        // Another language later (setInputs) is refused with a warning: the page brought one table.
        const other = lang === 'de' ? 'ja' : 'de';
        const w = await page.evaluate((o) => window.rareshock.setInputs({ lang: o }), other);
        const still = await page.evaluate(() => window.rareshock.getResults().language);
        assert(w.some((m) => m.startsWith('lang:')) && still === lang, `lang=${other} later warns and keeps ${lang}: ${JSON.stringify(w)} ${still}`);
        const faces = await facesLoaded(page);
        assert(lang === 'ja' ? faces === 1 : faces === 0, `the Japanese face is fetched for Japanese only (${faces})`);
        // A request of the English page that the move to this edition cancelled (its favicon, say:
        // NS_BINDING_ABORTED, net::ERR_ABORTED) did not fail; any other failure counts.
        const log = await page.logs();
        const failed = log.failed.filter((f) => !/\((NS_BINDING_ABORTED|net::ERR_ABORTED)\)$/.test(f));
        assert(log.errors.length === 0 && failed.length === 0, `no errors: ${log.errors.join(' | ')} ${failed.join(' ')}`);
      } finally {
        await context.close();
      }
    }]);

    tests.push([`lang: ${lang}: the embed follows lang= (embed.${lang}.html)`, async () => {
      const { page, context } = await openWith(engine, `${site.url}/embed.html?lang=${lang}&approval=40`);
      try {
        await waitForUrl(page, new RegExp(`/embed\\.${lang}\\.html`));
        await waitReady(page);
        const r = await page.evaluate(() => ({ lang: document.documentElement.lang, title: document.title,
          approval: window.rareshock.getInputs().approval, language: window.rareshock.getResults().language }));
        assert(r.lang === lang && r.language === lang && r.title === t['shell.embed_title'], JSON.stringify(r));
        assert(r.approval === 40, `the other parameters come along: ${r.approval}`);
        const log = await page.logs();
        assert(log.errors.length === 0, log.errors.join(' | '));
      } finally {
        await context.close();
      }
    }]);

    for (const width of [360, 1280]) {
      for (const dark of [false, true]) {
        const label = `${lang}-${width}-${dark ? 'dark' : 'light'}`;
        tests.push([`lang: screenshot ${label}`, async () => {
          const { page, context } = await openWith(engine, `${site.url}/index.${lang}.html`,
            { width, height: 900, dpr: width < 600 ? 2 : 1, dark, touch: width < 600 });
          try {
            await waitReady(page);
            await page.waitFor(() => !window.rareshock.getResults().provisional, null, 30000);
            await waitIdle(page);
            fs.writeFileSync(artifact(`${engine.name}-lang-${label}.png`), await page.screenshot({ selector: '#rs-widget' }));
            const scroll = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
            assert(scroll <= 0, `no horizontal scroll (${scroll})`);
            const log = await page.logs();
            assert(log.errors.length === 0, log.errors.join(' | '));
          } finally {
            await context.close();
          }
        }]);
      }
    }
  }

  tests.push(['lang: data-lang="de" on the loader gives a German embed', async () => {
    const fx = await serveFixtures({ SITE: site.url });
    const { page, context } = await openWith(engine, `${fx.url}/embed-lang.html`);
    try {
      await page.waitFor(() => !!document.querySelector('#e1 iframe'), null, 15000);
      const frame = page.frame('#e1 iframe');
      await waitForUrl(frame, /\/embed\.de\.html\?/);
      await waitFrameReady(frame);
      const r = await frame.evaluate(() => ({ lang: document.documentElement.lang, results: window.rareshock.getResults() }));
      assert(r.lang === 'de' && r.results.language === 'de' && r.results.inputs.approval === 30, `German, approval 30: ${r.lang} ${r.results.language} ${r.results.inputs.approval}`);
      assert(FORMS.de.date.test(r.results.summary), `a German date: ${r.results.summary}`);
      // The loader names the frame in its language (shell.title of the German table).
      const title = await page.evaluate(() => document.querySelector('#e1 iframe').title);
      assert(title === table('de')['shell.title'] && title !== table('en')['shell.title'], `the frame's title is German: ${title}`);
      const log = await page.logs();
      assert(log.errors.length === 0, log.errors.join(' | '));
    } finally {
      await context.close();
      await fx.close();
    }
  }]);

  tests.push(['lang: the Japanese offline file works from file:// with its face and table inside', async () => {
    const { page, context } = await openWith(engine, `file://${path.join(SITE, 'rareshock-offline.ja.html')}`);
    try {
      await waitReady(page);
      const r = await page.evaluate(() => ({ lang: document.documentElement.lang, results: window.rareshock.getResults(),
        caption: document.getElementById('rs-fallback-caption').textContent }));
      assert(r.lang === 'ja' && r.results.language === 'ja', `Japanese: ${r.lang} ${r.results.language}`);
      assert(FORMS.ja.date.test(r.results.summary), `a Japanese date: ${r.results.summary}`);
      assert(FORMS.ja.date.test(r.caption), `the placeholder's headline is Japanese: ${r.caption}`);
      const log = await page.logs();
      const other = log.requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:') && !u.startsWith('blob:'));
      assert(other.length === 0, `only file: and data: requests: ${other.join(' ')}`);
      assert(log.errors.length === 0, `no console errors: ${log.errors.join(' | ')}`);
    } finally {
      await context.close();
    }
  }]);

  // lang= in another case or with a space selects that edition in one navigation, to a URL
  // whose lang= is the edition's code; what is no language is ignored with one warning, and
  // nothing navigates. (Was: 12-19 reloads in 6 s, forever: the raw value was compared with
  // the page's language, the edition looked up with a cleaned one.)
  const VARIANTS = [  // [lang=, the edition it gives, navigates, warns]
    ['JA', 'ja', true, false], ['EN', 'en', false, false], ['de%20', 'de', true, false], ['ja%00', 'en', false, true], ['e.n', 'en', false, true],
  ];
  for (const page of ['index', 'embed']) {
    tests.push([`lang: ${page}.html with lang=JA, EN, de%20, ja%00, e.n settles in one navigation at most`, async () => {
      const counting = await countingSite();
      try {
        for (const [value, lang, moves, warns] of VARIANTS) {
          const first = counting.pages.length;
          const o = await openWith(engine, `${counting.url}/${page}.html?lang=${value}&approval=40`);
          try {
            const loads = () => counting.pages.length - first;
            // Ready, or still navigating past the one allowed move.
            await until(async () => loads() > 2 || await o.page.evaluate(calculatorReady), 60000, `${page}.html?lang=${value} to be ready`);
            assert(loads() <= 2, `lang=${value}: ${loads() - 1} navigations (${counting.pages.slice(first, first + 4).join(' ')} …)`);
            await animationFrames(o.page, 30);
            const r = await o.page.evaluate(() => ({ path: location.pathname, search: location.search, html: document.documentElement.lang,
              language: window.rareshock.getResults().language, approval: window.rareshock.getInputs().approval }));
            assert(loads() === (moves ? 2 : 1), `lang=${value}: ${moves ? 'one navigation' : 'no navigation'} (${counting.pages.slice(first).join(' ')})`);
            const edition = lang === 'en' ? `/${page}.html` : `/${page}.${lang}.html`;
            assert(r.path === edition && r.html === lang && r.language === lang, `lang=${value}: the ${lang} edition: ${JSON.stringify(r)}`);
            if (moves) assert(r.search === `?lang=${lang}&approval=40`, `lang=${value}: the new address has lang=${lang}: ${r.search}`);
            assert(r.approval === 40, `lang=${value}: the other parameters come along (${r.approval})`);
            const log = await o.page.logs();
            const about = log.warnings.filter((w) => /\blang\b/.test(w));
            assert(about.length === (warns ? 1 : 0), `lang=${value}: ${warns ? 'one warning' : 'no warning'} about lang: ${about.join(' | ')}`);
            assert(log.errors.length === 0, `no console errors: ${log.errors.join(' | ')}`);
          } finally {
            await o.context.close();
          }
        }
      } finally {
        await counting.close();
      }
    }]);
  }

  tests.push(['lang: data-lang="DE", "Ja", "de " on the loader: German, Japanese, German embeds, one navigation each', async () => {
    const counting = await countingSite();
    const fx = await serveFixtures({ SITE: counting.url });
    const { page, context } = await openWith(engine, `${fx.url}/embed-lang-variants.html`, { width: 1000, height: 900 });
    try {
      for (const [id, lang] of [['upper', 'de'], ['mixed', 'ja'], ['space', 'de']]) {
        const f = page.frame(`#${id} iframe`);
        // A lazy iframe loads near the viewport; the embeds above grow to their heights meanwhile.
        await until(async () => {
          await page.evaluate((id) => document.getElementById(id).scrollIntoView(), id);
          return new RegExp(`/embed\\.${lang}\\.html`).test(await f.url()) && await f.evaluate(calculatorReady);
        }, 60000, `the ${lang} embed in #${id}`);
        const r = await f.evaluate(() => ({ path: location.pathname, search: new URLSearchParams(location.search).get('lang'),
          language: window.rareshock.getResults().language }));
        assert(r.path === `/embed.${lang}.html` && r.search === lang && r.language === lang, `${id}: the ${lang} embed: ${JSON.stringify(r)}`);
        const frameTitle = await page.evaluate((id) => document.querySelector(`#${id} iframe`).title, id);
        assert(frameTitle === table(lang)['shell.title'], `${id}: the frame's title is in ${lang}: ${frameTitle}`);
      }
      await animationFrames(page, 30);
      assert(counting.pages.length === 6, `each embed loaded twice (embed.html, then its edition): ${counting.pages.join(' ')}`);
      const log = await page.logs();
      assert(log.errors.length === 0, log.errors.join(' | '));
    } finally {
      await context.close();
      await fx.close();
      await counting.close();
    }
  }]);

  tests.push(['lang: English asks for no Japanese face; a language the page lacks warns and stays English', async () => {
    const { page, context } = await openWith(engine, `${site.url}/index.html?lang=fr`);
    try {
      await waitReady(page);
      const r = await page.evaluate(() => ({ url: location.pathname, lang: document.documentElement.lang, language: window.rareshock.getResults().language }));
      assert(r.url.endsWith('/index.html') && r.lang === 'en' && r.language === 'en', JSON.stringify(r));
      assert(await facesLoaded(page) === 0, 'no Japanese face');
      const log = await page.logs();
      assert(log.warnings.some((w) => w.includes('lang')), `a warning names lang: ${log.warnings.join(' | ')}`);
    } finally {
      await context.close();
    }
  }]);
  return tests;
}
