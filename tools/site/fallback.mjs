// Rare Earth Shock — makes the static fallback from the real app (run by the web build).
//   node tools/site/main.mjs fallback [build/web/site]     both steps below, the pictures kept in build/web/fallback
//   node tools/site/main.mjs fallback SITE --shots DIR [--inputs FILE...]
//        takes the pictures into DIR (with DIR/fallback.json: names, sizes, summaries); with
//        --inputs (what the pictures show: the build names them), launches no browser when
//        those files' contents are the ones DIR's pictures were taken from
//   node tools/site/main.mjs fallback SITE --apply DIR     puts DIR's pictures and text into SITE (no browser)
// Serves the built site and opens index.html in headless Chromium, light theme,
// without the canvas's headline (the page's caption, in HTML, carries the sentence
// above the picture: drawn in the picture too, a reader saw it twice), twice: at 1280 px, DPR 1 (the desktop picture, 1248 px: one pixel per CSS pixel) and at
// 390 px, DPR 2, as a touch phone (the phone picture, at most 720 px wide). Each
// time it waits for the default scenario with its bands, screenshots the canvas
// and saves it as PNG or, when much smaller, JPEG: fallback.jpg (or .png) and
// fallback-phone.jpg (or .png), for every language of the site (index.de.html gives
// fallback.de.jpg, …). Then rewrites that language's index, embed and offline pages: the fallback <img> elements get the desktop picture, its real width and
// height, and the summary sentence as alt text; their <source class="rs-fallback-phone">
// (media="(max-width: 599px)") the phone picture and its size; and every
// <figcaption id="rs-fallback-caption"> (rareshock-offline.html's too, where it
// is the loading placeholder's headline) the same sentence. Readers without
// JavaScript, WebGL2 or WebAssembly see the picture that fits their screen.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { serveSite } from '../server.mjs';
import { launchChromium, openPage } from '../browser.mjs';
import { editionName } from './editions.mjs';
import { escapeHtml } from './fill.mjs';

const SHOTS = [
  { name: 'fallback', width: 1280, height: 900, dpr: 1, maxWidth: 1280 },
  { name: 'fallback-phone', width: 390, height: 844, dpr: 2, maxWidth: 720, touch: true },
];

function fail(msg) {
  console.error(`make-fallback: ${msg}`);
  process.exit(1);
}

// Puts the pictures' names, real sizes and the summary (as alt text) on every fallback
// <img> (the one with id="rs-fallback-img", which may load it lazily through
// data-src, and any class="rs-fallback-static" one, e.g. inside <noscript>), the
// phone picture on every <source class="rs-fallback-phone"> (srcset or data-srcset),
// and the summary in <figcaption id="rs-fallback-caption">. Returns null if the
// markup is missing (a page with no <img> needs only the caption: { captionOnly: true }).
function setAttr(tag, name, value) {
  const re = new RegExp(`(\\s${name}=)"[^"]*"`);
  if (re.test(tag)) return tag.replace(re, `$1"${value}"`);
  return tag.replace(/\s*\/?>$/, (end) => ` ${name}="${value}"${end}`);
}
// The detail under the canvas (ui/detail.h, as detail.js writes it) goes between the
// markers of <div id="rs-detail">: the default scenario's words before the WebAssembly
// arrives, and for good without it (its sections are plain <details>).
export const DETAIL_SLOT = /(<!--rs-detail-->)[\s\S]*?(<!--\/rs-detail-->)/;
export function rewriteHtml(html, { src, width, height, summary, phone = null, captionOnly = false, detail = null }) {
  if (detail !== null && DETAIL_SLOT.test(html)) html = html.replace(DETAIL_SLOT, (m, open, close) => `${open}${detail}${close}`);
  const text = escapeHtml(summary);
  let images = 0;
  html = html.replace(/<img\b[^>]*>/g, (tag) => {
    if (!/\bid="rs-fallback-img"/.test(tag) && !/\bclass="[^"]*\brs-fallback-static\b[^"]*"/.test(tag)) return tag;
    images++;
    let t = tag;
    if (/\sdata-src="/.test(t)) t = setAttr(t, 'data-src', escapeHtml(src));
    else t = setAttr(t, 'src', escapeHtml(src));
    t = setAttr(t, 'width', String(width));
    t = setAttr(t, 'height', String(height));
    return setAttr(t, 'alt', text);
  });
  if (phone) {
    html = html.replace(/<source\b[^>]*\bclass="[^"]*\brs-fallback-phone\b[^"]*"[^>]*>/g, (tag) => {
      let t = /\sdata-srcset="/.test(tag) ? setAttr(tag, 'data-srcset', escapeHtml(phone.src)) : setAttr(tag, 'srcset', escapeHtml(phone.src));
      t = setAttr(t, 'width', String(phone.width));
      return setAttr(t, 'height', String(phone.height));
    });
  }
  const cap = /(<figcaption\b[^>]*\bid="rs-fallback-caption"[^>]*>)[\s\S]*?(<\/figcaption>)/;
  if ((!images && !captionOnly) || !cap.test(html)) return null;
  return html.replace(cap, (m, open, close) => `${open}${text}${close}`);
}

// Opens the page as one of SHOTS, waits for the default scenario to settle, and
// returns the canvas as an encoded picture no wider than shot.maxWidth, and the summary.
async function takeShot(browser, url, shot) {
  const { page, errors, close } = await openPage(browser, url, { width: shot.width, height: shot.height, dpr: shot.dpr, touch: !!shot.touch });
  try {
    await page.waitForFunction(() => window.rareshock && window.rareshock.stats().framesRendered > 0 &&
      window.rareshock.getResults().regions.length > 0, null, { timeout: 60000 }).catch(() => fail(`the app did not start: ${errors.join(' | ')}`));
    // Bands landed and nothing left to draw: the frame count stops moving for 10 animation frames.
    if (!shot.touch) await page.mouse.move(0, 0);
    await page.evaluate(() => new Promise((resolve) => {
      let last = -1, still = 0;
      const tick = () => {
        const n = window.rareshock.stats().framesRendered;
        still = n === last && !window.rareshock.getResults().provisional ? still + 1 : 0;
        last = n;
        if (still >= 10) resolve(); else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }));
    // The caption carries the sentence: the picture must not (headline=off worked).
    if (await page.evaluate(() => window.rareshock.debugItem('headline'))) fail('the picture would show the headline under the caption');
    const summary = await page.evaluate(() => window.rareshock.getResults().summary);
    if (!summary || summary.length < 20) fail(`no summary sentence (${JSON.stringify(summary)})`);
    // The detail as the page wrote it for these results, without the page's own controls
    // (the phones' row of actions) and with every section folded.
    await page.waitForFunction(() => window.rareshock.stats().detailGeneration === window.rareshock.stats().generation,
      null, { timeout: 60000 }).catch(() => fail('the page did not write the detail'));
    const detail = await page.evaluate(() => {
      const body = document.querySelector('.rs-detail-body');
      if (!body) return '';
      const copy = body.cloneNode(true);
      copy.querySelectorAll('.rs-actions').forEach((e) => e.remove());
      copy.querySelectorAll('details[open]').forEach((d) => d.removeAttribute('open'));
      return copy.innerHTML;
    });
    if (!/data-rs-section="regions"/.test(detail)) fail('the detail has no regions');
    const shotPng = await (await page.$('#rareshock-canvas')).screenshot({ type: 'png' });
    // Scale in the browser (2D canvas, high-quality smoothing) and encode both ways.
    const scaled = await page.evaluate(async ([b64, maxWidth]) => {
      const img = new Image();
      img.src = 'data:image/png;base64,' + b64;
      await img.decode();
      const k = Math.min(1, maxWidth / img.naturalWidth);
      const c = document.createElement('canvas');
      c.width = Math.round(img.naturalWidth * k);
      c.height = Math.round(img.naturalHeight * k);
      const ctx = c.getContext('2d');
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, c.width, c.height);
      ctx.imageSmoothingEnabled = true;
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(img, 0, 0, c.width, c.height);
      const enc = (type, q) => new Promise((res) => c.toBlob((b) => {
        const r = new FileReader();
        r.onload = () => res(String(r.result).split(',')[1]);
        r.readAsDataURL(b);
      }, type, q));
      return { width: c.width, height: c.height, png: await enc('image/png'), jpg: await enc('image/jpeg', 0.85) };
    }, [shotPng.toString('base64'), shot.maxWidth]);
    const png = Buffer.from(scaled.png, 'base64'), jpg = Buffer.from(scaled.jpg, 'base64');
    const useJpg = jpg.length < png.length * 0.6;
    return { summary, detail, width: scaled.width, height: scaled.height, data: useJpg ? jpg : png, src: `${shot.name}.${useJpg ? 'jpg' : 'png'}`,
             sizes: `png ${png.length}, jpeg ${jpg.length}` };
  } finally {
    await close();
  }
}

// The languages of the site: index.html's <link rel="alternate" hreflang> (tools/site/editions.mjs), English alone without them.
function siteLanguages(site) {
  const html = fs.readFileSync(path.join(site, 'index.html'), 'utf8');
  const langs = [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)"/g)].map((m) => m[1]);
  return langs.length ? langs : ['en'];
}

// What the pictures were made from: one hash over the contents of `inputs` (the files the
// build names as what the pictures show). Equal hash, same pictures: no browser needed.
function inputsHash(inputs) {
  const h = crypto.createHash('sha256');
  for (const f of [...inputs].sort()) h.update(`${f}\0`).update(fs.readFileSync(f)).update('\0');
  return h.digest('hex');
}
const recordFile = (dir) => path.join(dir, 'fallback.json');
function readRecord(dir) {
  try { return JSON.parse(fs.readFileSync(recordFile(dir), 'utf8')); } catch { return null; }
}

// Takes every language's pictures from the built `site` into `dir`, with fallback.json
// (per language: the pictures' names and sizes and the summary). Skips the browser when
// `inputs` are given and their contents are those the pictures in `dir` were made from.
async function shoot(site, dir, inputs) {
  const hash = inputs.length ? inputsHash(inputs) : null;
  const old = readRecord(dir);
  if (hash && old && old.inputs === hash &&
      Object.values(old.languages).every((l) => [l.desktop, l.phone].every((p) => fs.existsSync(path.join(dir, p.src))))) {
    console.log(`make-fallback: pictures up to date (what they show is unchanged: ${inputs.length} inputs, same contents); no browser`);
    return;
  }
  for (const f of ['index.html', 'embed.html', 'rareshock-offline.html', 'rareshock.js', 'rareshock.wasm', 'app.js']) {
    if (!fs.existsSync(path.join(site, f))) fail(`${path.join(site, f)} not found: build the site first`);
  }
  fs.mkdirSync(dir, { recursive: true });
  const record = { generated_by: 'tools/site/main.mjs fallback', inputs: hash, languages: {} };
  const server = await serveSite(site);
  const browser = await launchChromium();
  try {
    // Each language's pictures, from its own edition of the page, and its summary as caption.
    for (const lang of siteLanguages(site)) {
      const url = `${server.url}/${editionName('index.html', lang)}?theme=light&headline=off`;
      const [desktop, phone] = [await takeShot(browser, url, SHOTS[0]), await takeShot(browser, url, SHOTS[1])];
      if (desktop.summary !== phone.summary) fail(`the two pictures disagree: "${desktop.summary}" vs "${phone.summary}"`);
      for (const shot of [desktop, phone]) {
        shot.src = editionName(shot.src, lang);
        fs.writeFileSync(path.join(dir, shot.src), shot.data);
        console.log(`make-fallback: ${shot.src} ${shot.width}×${shot.height}, ${shot.data.length} bytes (${shot.sizes})`);
      }
      const size = ({ src, width, height }) => ({ src, width, height });
      record.languages[lang] = { desktop: size(desktop), phone: size(phone), summary: desktop.summary, detail: desktop.detail };
      console.log(`make-fallback: ${lang} alt/caption: "${desktop.summary}"`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  fs.writeFileSync(recordFile(dir), JSON.stringify(record, null, 2) + '\n');
}

// Puts the pictures in `dir` into `site` (removing a picture of the other format) and
// rewrites each language's index, embed and offline pages from fallback.json. No browser.
function apply(site, dir) {
  const record = readRecord(dir);
  if (!record) fail(`${recordFile(dir)} not found: take the pictures first (--shots)`);
  for (const lang of siteLanguages(site)) {
    const l = record.languages[lang];
    if (!l) fail(`no pictures for "${lang}" in ${recordFile(dir)}: take them again (--shots)`);
    for (const shot of [l.desktop, l.phone]) {
      for (const ext of ['png', 'jpg']) fs.rmSync(path.join(site, shot.src.replace(/\.[a-z]+$/, `.${ext}`)), { force: true });
      fs.copyFileSync(path.join(dir, shot.src), path.join(site, shot.src));
    }
    const fields = { ...l.desktop, summary: l.summary, phone: l.phone, detail: l.detail || '' };
    for (const file of ['index.html', 'embed.html', 'rareshock-offline.html'].map((f) => editionName(f, lang))) {
      const p = path.join(site, file);
      if (!fs.existsSync(p)) fail(`${file} not found (the site generator makes one edition per language)`);
      const out = rewriteHtml(fs.readFileSync(p, 'utf8'), { ...fields, captionOnly: file.startsWith('rareshock-offline') });
      if (out === null) fail(`${file}: no <img id="rs-fallback-img"> or <figcaption id="rs-fallback-caption">`);
      fs.writeFileSync(p, out);
    }
  }
  console.log(`make-fallback: ${Object.keys(record.languages).join(', ')} pictures, sizes and alt/caption put into ${site}`);
}

// `node tools/site/main.mjs fallback [SITE] [--shots DIR [--inputs FILE...]] [--apply DIR]`.
export async function fallbackCommand(args) {
  const value = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : null; };
  const site = path.resolve(args[0] && !args[0].startsWith('--') ? args[0] : 'build/web/site');
  const shots = value('--shots'), applyFrom = value('--apply');
  const i = args.indexOf('--inputs');
  const inputs = i >= 0 ? args.slice(i + 1) : [];
  if (shots) await shoot(site, path.resolve(shots), inputs);
  if (applyFrom) apply(site, path.resolve(applyFrom));
  if (!shots && !applyFrom) {
    const dir = path.join(path.dirname(site), 'fallback');
    await shoot(site, dir, []);
    apply(site, dir);
  }
}
