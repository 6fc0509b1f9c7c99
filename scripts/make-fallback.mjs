#!/usr/bin/env node
// Rare Earth Shock — makes the static fallback from the real app (run by the web build).
//   node scripts/make-fallback.mjs [build/web/site]
// Serves the built site, opens index.html in headless Chromium at 1280 px, DPR 1,
// light theme, waits for the default scenario with its bands, screenshots the
// widget, scales it to at most 1000 px wide and saves it as fallback.png (or
// fallback.jpg when that is much smaller). Then rewrites index.html and embed.html
// in the site: the fallback <img> elements get that picture, its real width and
// height, and the summary sentence as alt text; <figcaption id="rs-fallback-caption">
// gets the same sentence. Readers without JavaScript, WebGL2 or WebAssembly see it.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { createServer } from './serve.mjs';
import { CHROMIUM_ARGS } from '../tests/e2e/harness.mjs';

const MAX_WIDTH = 1000;
const site = path.resolve(process.argv[2] || 'build/web/site');

function fail(msg) {
  console.error(`make-fallback: ${msg}`);
  process.exit(1);
}
for (const f of ['index.html', 'embed.html', 'rareshock.js', 'rareshock.wasm', 'app.js']) {
  if (!fs.existsSync(path.join(site, f))) fail(`${path.join(site, f)} not found: build the site first`);
}

const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

// Puts the picture's name, real size and the summary (as alt text) on every fallback
// <img> (the one with id="rs-fallback-img", which may load it lazily through
// data-src, and any class="rs-fallback-static" one, e.g. inside <noscript>) and the
// summary in <figcaption id="rs-fallback-caption">. Returns null if the markup is missing.
function setAttr(tag, name, value) {
  const re = new RegExp(`(\\s${name}=)"[^"]*"`);
  if (re.test(tag)) return tag.replace(re, `$1"${value}"`);
  return tag.replace(/\s*\/?>$/, (end) => ` ${name}="${value}"${end}`);
}
export function rewriteHtml(html, { src, width, height, summary }) {
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
  const cap = /(<figcaption\b[^>]*\bid="rs-fallback-caption"[^>]*>)[\s\S]*?(<\/figcaption>)/;
  if (!images || !cap.test(html)) return null;
  return html.replace(cap, (m, open, close) => `${open}${text}${close}`);
}

async function main() {
  const server = createServer(site);
  await new Promise((resolve, reject) => { server.once('error', reject); server.listen(0, '127.0.0.1', resolve); });
  const url = `http://127.0.0.1:${server.address().port}/index.html?theme=light`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, colorScheme: 'light' });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(url);
    await page.waitForFunction(() => window.rareshock && window.rareshock.stats().framesRendered > 0 &&
      window.rareshock.getResults().regions.length > 0, null, { timeout: 60000 }).catch(() => fail(`the app did not start: ${errors.join(' | ')}`));
    // Bands landed and nothing left to draw: the frame count stops moving.
    await page.mouse.move(0, 0);
    let last = -1;
    for (let i = 0; i < 40; i++) {
      await page.waitForTimeout(250);
      const n = await page.evaluate(() => window.rareshock.stats().framesRendered);
      if (n === last) break;
      last = n;
    }
    const summary = await page.evaluate(() => window.rareshock.getResults().summary);
    if (!summary || summary.length < 20) fail(`no summary sentence (${JSON.stringify(summary)})`);
    const shot = await (await page.$('.rs-widget')).screenshot({ type: 'png' });

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
    }, [shot.toString('base64'), MAX_WIDTH]);
    const png = Buffer.from(scaled.png, 'base64'), jpg = Buffer.from(scaled.jpg, 'base64');
    const useJpg = jpg.length < png.length * 0.6;
    const name = useJpg ? 'fallback.jpg' : 'fallback.png';
    for (const old of ['fallback.png', 'fallback.jpg']) fs.rmSync(path.join(site, old), { force: true });
    fs.writeFileSync(path.join(site, name), useJpg ? jpg : png);

    for (const file of ['index.html', 'embed.html']) {
      const p = path.join(site, file);
      const out = rewriteHtml(fs.readFileSync(p, 'utf8'), { src: name, width: scaled.width, height: scaled.height, summary });
      if (out === null) fail(`${file}: no <img id="rs-fallback-img"> or <figcaption id="rs-fallback-caption">`);
      fs.writeFileSync(p, out);
    }
    console.log(`make-fallback: ${name} ${scaled.width}×${scaled.height}, ${(useJpg ? jpg : png).length} bytes ` +
      `(png ${png.length}, jpeg ${jpg.length}); alt/caption: "${summary}"`);
    await context.close();
  } finally {
    await browser.close();
    server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => fail(e && e.stack ? e.stack : String(e)));
}
