// Rare Earth Shock — measures the embed's content height by column width, and
// writes every figure that depends on it from that one measurement.
//   node tools/site/main.mjs heights            measure build/web/site, write assets/embed-heights.json and the README
//   node tools/site/main.mjs heights --readme   rewrite the README's generated blocks from the JSON (no browser)
//   node tools/site/main.mjs heights --check    exit 1 if the README's blocks differ from what the JSON gives
//
// How it measures: embed.html and each language's edition (embed.de.html, …: longer
// words make a taller calculator), each as it is and with each option that changes its
// height (OPTIONS: headline=off leaves the sentence out) (default scenario, panels closed, light theme) in
// headless Chromium, once with a mouse and once as a touch phone (coarse pointer:
// bigger touch targets, so a taller calculator), at widths from 320 px to 1600 px
// in the UI's three layouts. The height is the embed document's (what the embed
// posts to its host). One page per pointer type is resized from width to width;
// each height is read once the app has drawn its last frame for that width.
//
// Who reads assets/embed-heights.json: the site build puts it into embed.js (the
// loader reserves the height for the real column width before the embed reports
// its own), the README's snippets and table (generated here), and the e2e tests
// (which fail when the measured heights drift from the file: measure again).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { syncReadme } from '../readme-blocks.mjs';
import { serveSite } from '../server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// The README's blocks this writes: <!-- {{heights:NAME}} --> … <!-- {{/heights:NAME}} -->.
export const README_TOOL = 'heights';
export const HEIGHTS_FILE = path.join(ROOT, 'assets/embed-heights.json');

// The UI's three layouts (one column, stacked, two columns), from the layout
// breakpoints the build writes into the shared facts (src/ui/facts.h), each
// measured at its edges and at common column widths inside it. The first width
// of a band is its narrowest column, where the calculator is tallest.
const FACTS_FILE = path.join(ROOT, 'build/web/facts/rareshock-facts.json');
const NARROWEST = 320;
const COMMON_WIDTHS = [360, 390, 414, 480, 540, 680, 720, 768, 834, 1024, 1280, 1600];
function layoutBands() {
  if (!fs.existsSync(FACTS_FILE)) throw new Error(`${FACTS_FILE} not found: build the site first (cmake --build --preset web)`);
  const { narrow_below_px: narrow, wide_from_px: wide } = JSON.parse(fs.readFileSync(FACTS_FILE, 'utf8')).breakpoints;
  const band = (min, max) => ({
    min_width: min, max_width: max,
    widths: [...new Set([min, ...COMMON_WIDTHS.filter((w) => w > min && (max === null || w < max)), ...(max === null ? [] : [max])])],
  });
  return [band(NARROWEST, narrow - 1), band(narrow, wide - 1), band(wide, null)];
}
// The embed options that change its height, as the query a producer writes (data-headline="off"
// on the loader's placeholder); the loader reserves each one's own measured heights.
export const OPTIONS = ['headline=off'];
const TYPICAL_COLUMN = 720;  // a desktop article column: the loader snippet's CSS reserve before the script runs
const SITE_URL = 'https://graphics.example.com/rareshock/';
const ARTICLE_URL = 'https://news.example.com/2025/rare-earths';
const TITLE = 'Rare Earth Shock: which car factories stop';

// ---- figures derived from the JSON (shared with the tests) ------------------------------
const roundUp = (h, step = 10) => Math.ceil(h / step) * step;
export function loadHeights(file = HEIGHTS_FILE) { return JSON.parse(fs.readFileSync(file, 'utf8')); }
// The tallest content in a band, either pointer: what a fixed frame for that band needs.
export function bandMax(band) { return Math.max(...band.fine.map((p) => p[1]), ...band.coarse.map((p) => p[1])); }
// A fixed iframe that never cuts the calculator off in a column of 320 px or more.
export function fixedHeight(h) {
  const all = Object.values(loaderHeights(h)).flat();
  return roundUp(Math.max(...all.map(bandMax)));
}
// One language's bands: English's are `bands`, the other editions' are under `editions`;
// with an option (OPTIONS), under `options[option][lang]`.
export function bandsFor(h, lang = 'en', option = '') {
  if (option) {
    if (!h.options || !h.options[option] || !h.options[option][lang]) throw new Error(`no heights measured for "${lang}" with ${option}`);
    return h.options[option][lang];
  }
  if (lang === 'en') return h.bands;
  if (!h.editions || !h.editions[lang]) throw new Error(`no heights measured for the "${lang}" edition`);
  return h.editions[lang];
}
// What the loader reads (embed.js HEIGHTS): each language's bands by its code, and with an
// option by the code and the option ("de headline=off").
export function loaderHeights(h) {
  const out = { en: h.bands, ...(h.editions || {}) };
  for (const [option, byLang] of Object.entries(h.options || {})) {
    for (const [lang, bands] of Object.entries(byLang)) out[`${lang} ${option}`] = bands;
  }
  return out;
}
// The measured content height at one of the measured widths.
export function heightAt(h, width, coarse, lang = 'en', option = '') {
  for (const b of bandsFor(h, lang, option)) {
    const p = (coarse ? b.coarse : b.fine).find((q) => q[0] === width);
    if (p) return p[1];
  }
  throw new Error(`${width} px is not a measured width`);
}

const fmt = (n) => n.toLocaleString('en-GB');
const range = (pts) => {
  const hs = pts.map((p) => p[1]);
  const hi = Math.max(...hs), lo = Math.min(...hs);
  return hi === lo ? `${fmt(hi)}` : `${fmt(hi)} to ${fmt(lo)}`;
};
const wrap = (text, width = 80) => text.split(' ').reduce((lines, word) => {
  const last = lines[lines.length - 1];
  if (last && (last + ' ' + word).length <= width) lines[lines.length - 1] = last + ' ' + word; else lines.push(word);
  return lines;
}, []).join('\n');
const bandName = (b) => (b.max_width === null ? `${fmt(b.min_width)} px and wider` : `${b.min_width}–${b.max_width} px`);

// ---- README blocks -----------------------------------------------------------------------
export function readmeBlocks(h) {
  const fixed = fixedHeight(h);
  const reserve = roundUp(heightAt(h, TYPICAL_COLUMN, false));
  const blocks = {};
  blocks['loader-snippet'] = [
    '```html',
    `<div data-rareshock data-src="${SITE_URL}embed.html"`,
    `     data-approval="25" data-inventory="45" data-theme="auto" style="min-height:${reserve}px"></div>`,
    `<script src="${SITE_URL}embed.js" defer></script>`,
    '```',
  ].join('\n');
  blocks['iframe-snippet'] = [
    '```html',
    `<iframe src="${SITE_URL}embed.html?approval=25&inventory=45&share=${encodeURIComponent(ARTICLE_URL)}"`,
    `        title="${TITLE}" width="100%" height="${fixed}"`,
    '        style="border:0" loading="lazy"></iframe>',
    '```',
  ].join('\n');
  blocks['amp-snippet'] = [
    '```html',
    `<amp-iframe src="${SITE_URL}embed.html?approval=25&inventory=45&resize=host&share=${encodeURIComponent(ARTICLE_URL)}"`,
    `    title="${TITLE}" layout="fixed-height" height="${fixed}" resizable frameborder="0"`,
    '    sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox">',
    '  <div overflow tabindex="0" role="button" aria-label="Show the whole calculator">Show the whole calculator</div>',
    '</amp-iframe>',
    '```',
  ].join('\n');
  const rows = h.bands.map((b) => `| ${bandName(b)} | ${range(b.fine)} | ${range(b.coarse)} | ${fmt(roundUp(bandMax(b)))} |`);
  blocks['heights-table'] = [
    '| column width | content height, mouse (px) | content height, touch (px) | fixed `height` for this band |',
    '|---|---|---|---|',
    ...rows,
  ].join('\n');
  blocks['heights-summary'] = wrap(`The loader reserves the measured height for the real column width at once ` +
    `(${fmt(heightAt(h, 360, true))} px in a 360 px phone column, ${fmt(heightAt(h, TYPICAL_COLUMN, false))} px ` +
    `in a ${TYPICAL_COLUMN} px desktop column, ${fmt(heightAt(h, 1280, false))} px at 1,280 px) and follows the ` +
    `embed's own height messages from then on; the \`min-height\` (the height at a ${TYPICAL_COLUMN} px column) only ` +
    `holds the space until the script runs.`);
  return blocks;
}

// ---- measuring -----------------------------------------------------------------------------
// The height of an element once settled: the app drew its frames for this width and
// the height held still over two looks 150 ms apart (a measuring tool, not a test).
async function settledHeight(page, width, selector) {
  let last = null;
  for (let i = 0; i < 200; i++) {
    await new Promise((r) => setTimeout(r, 150));
    const now = await page.evaluate((sel) => ({ frames: window.rareshock.stats().framesRendered, width: innerWidth,
      height: Math.ceil(document.querySelector(sel).getBoundingClientRect().height) }), selector);
    if (last && now.width === width && now.frames === last.frames && now.height === last.height) break;
    last = now;
  }
  return last.height;
}

// The article page (index.html) reserves the canvas's own height per layout band
// until the app sets it: measured at a typical screen of each band, with the pointer
// such screens have (phones and tablets touch, desktops a mouse). The site build
// writes them into style.css as --rs-reserve-narrow / -medium / -wide.
export const PAGE_SCREENS = [
  { name: 'narrow', width: 390, coarse: true },
  { name: 'medium', width: 768, coarse: true },
  { name: 'wide', width: 1280, coarse: false },
];

async function measure(site) {
  const BANDS = layoutBands();
  const { editionName } = await import('./editions.mjs');
  const languages = JSON.parse(fs.readFileSync(FACTS_FILE, 'utf8')).languages || ['en'];
  const { launchChromium, openPage } = await import('../browser.mjs');
  for (const f of ['embed.html', 'rareshock.js', 'rareshock.wasm', 'app.js']) {
    if (!fs.existsSync(path.join(site, f))) throw new Error(`${path.join(site, f)} not found: build the site first (cmake --build --preset web)`);
  }
  const server = await serveSite(site);
  const url = server.url;
  const browser = await launchChromium();  // the measurement is Chromium's (the reference engine)
  const out = { page: {} };
  try {
    for (const lang of languages) for (const option of ['', ...OPTIONS]) {
      const key = option ? `${lang} ${option}` : lang;
      out[key] = { fine: {}, coarse: {} };
      for (const coarse of [false, true]) {
        const { page, errors, close } = await openPage(browser, `${url}/${editionName('embed.html', lang)}?theme=light${option ? '&' + option : ''}`,
          { width: BANDS[0].widths[0], height: 900, touch: coarse });
        await page.waitForFunction(() => window.rareshock && window.rareshock.stats().framesRendered > 0 &&
          !window.rareshock.getResults().provisional &&
          window.rareshock.stats().detailGeneration === window.rareshock.stats().generation, null, { timeout: 120000 });
        const pointer = await page.evaluate(() => matchMedia('(pointer: coarse)').matches);
        if (pointer !== coarse) throw new Error(`expected (pointer: coarse) to be ${coarse}`);
        for (const band of BANDS) {
          for (const width of band.widths) {
            await page.setViewportSize({ width, height: 900 });
            const height = await settledHeight(page, width, 'html');
            out[key][coarse ? 'coarse' : 'fine'][width] = height;
            process.stdout.write(`heights: ${key} ${coarse ? 'touch' : 'mouse'} ${width} px → ${height} px\n`);
          }
        }
        if (errors.length) throw new Error(`errors in the embed: ${errors.join(' | ')}`);
        await close();
      }
    }
    for (const screen of PAGE_SCREENS) {
      const { page, errors, close } = await openPage(browser, `${url}/index.html?theme=light`,
        { width: screen.width, height: 900, touch: screen.coarse });
      await page.waitForFunction(() => window.rareshock && window.rareshock.stats().framesRendered > 0 &&
        !window.rareshock.getResults().provisional &&
        window.rareshock.stats().detailGeneration === window.rareshock.stats().generation, null, { timeout: 120000 });
      out.page[screen.name] = await settledHeight(page, screen.width, '#rareshock-canvas');
      process.stdout.write(`heights: page canvas, ${screen.name} (${screen.width} px) → ${out.page[screen.name]} px\n`);
      if (errors.length) throw new Error(`errors on the page: ${errors.join(' | ')}`);
      await close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const model = fs.readFileSync(path.join(ROOT, 'src/model/inputs.h'), 'utf8').match(/kModelVersion = "([^"]+)"/);
  const bandsOf = (o) => BANDS.map((b) => ({
    min_width: b.min_width, max_width: b.max_width,
    fine: b.widths.map((w) => [w, o.fine[w]]),
    coarse: b.widths.map((w) => [w, o.coarse[w]]),
  }));
  return {
    generated_by: 'tools/site/main.mjs heights',
    scenario: 'default inputs, panels closed, light theme',
    model_version: model ? model[1] : '',
    page: out.page,
    bands: bandsOf(out.en),
    editions: Object.fromEntries(languages.filter((l) => l !== 'en').map((l) => [l, bandsOf(out[l])])),
    options: Object.fromEntries(OPTIONS.map((o) => [o, Object.fromEntries(languages.map((l) => [l, bandsOf(out[`${l} ${o}`])]))])),
  };
}

function writeJson(h) {
  // One band per line: small diffs when a height changes.
  const lines = (bands, indent) => bands.map((b) => indent + JSON.stringify(b)).join(',\n');
  const byLang = (o, indent) => Object.entries(o || {})
    .map(([lang, bands]) => `${indent}${JSON.stringify(lang)}: [\n${lines(bands, indent + '  ')}\n${indent}]`).join(',\n');
  const options = Object.entries(h.options || {})
    .map(([option, o]) => `    ${JSON.stringify(option)}: {\n${byLang(o, '      ')}\n    }`).join(',\n');
  const head = JSON.stringify({ generated_by: h.generated_by, scenario: h.scenario, model_version: h.model_version, page: h.page }, null, 2)
    .replace(/\n}$/, ',\n  "bands": [\n' + lines(h.bands, '    ') + '\n  ],\n  "editions": {\n' + byLang(h.editions, '    ') +
      '\n  },\n  "options": {\n' + options + '\n  }\n}\n');
  fs.writeFileSync(HEIGHTS_FILE, head);
}

// `node tools/site/main.mjs heights [--readme | --check] [--site DIR]`.
export async function heightsCommand(args) {
  const check = args.includes('--check'), readmeOnly = args.includes('--readme');
  let h;
  if (check || readmeOnly) {
    h = loadHeights();
  } else {
    const i = args.indexOf('--site');
    h = await measure(path.resolve(i >= 0 ? args[i + 1] : path.join(ROOT, 'build/web/site')));
    writeJson(h);
    console.log(`heights: wrote ${path.relative(ROOT, HEIGHTS_FILE)}`);
  }
  const changed = syncReadme({ tool: README_TOOL, blocks: readmeBlocks(h), check,
    source: 'assets/embed-heights.json', command: 'node tools/site/main.mjs heights --readme' });
  if (check) return;
  for (const b of h.bands) {
    console.log(`heights: ${bandName(b)}: mouse ${range(b.fine)}, touch ${range(b.coarse)}; fixed frame ${roundUp(bandMax(b))}`);
  }
  console.log(`heights: iframe-only and AMP snippet height ${fixedHeight(h)}; README.md ${changed ? 'updated' : 'unchanged'}`);
}
