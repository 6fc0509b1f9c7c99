// Rare Earth Shock — assembles the site (build/web/site) from web/, the strings tables,
// the methodology, the measured heights and the built app, filling every placeholder
// (tools/site/fill.mjs: one syntax) in one pass per file:
//   index.html, embed.html   one edition per language (index.de.html, embed.ja.html …)
//   offline.html             rareshock-offline.html (and .de, .ja): the app's JavaScript,
//                            CSS and boot script inline, the WebAssembly (and, in Japanese,
//                            the Japanese face) as gzip in base64, which app.js decompresses
//                            with the browser's DecompressionStream, and its own CSP
//   embed.js                 the measured heights and each language's frame title
//   style.css, app.js        minified (app.js with the facts' theme names: {{facts:theme-modes}});
//                            method[.<lang>].html for the embeds' lazy method
//   strings-<lang>.json      for calculators made with createRareShock on other pages
// The fallback pictures go in afterwards (tools/site/fallback.mjs).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fillAround, escapeHtml } from './fill.mjs';
import { readTables, pageTable, editionName, textOf, editionPieces } from './editions.mjs';
import { readEditions, editionFor, methodPageName, methodPage, lazyLink } from './methodology.mjs';
import { offlinePolicy } from './csp.mjs';
import { siteStyle } from './style.mjs';
import { minifyJs } from './minify.mjs';
import { loadHeights, loaderHeights } from './heights.mjs';
import { readFacts, documentPolicy, languagesDiffer } from './facts.mjs';

const SHELLS = ['index.html', 'embed.html'];   // one edition per language, with alternates
const OFFLINE = 'offline.html';                // one single file per language, no alternates
const CSP_SLOT = '\u0000csp\u0000';            // where the policy goes once the rest is final

// The languages' frame titles for embed.js ({"de":"…","en":"…"}, by language code).
function frameTitles(tables) {
  const q = (s) => `"${String(s).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  return `{${[...tables].sort((a, b) => a.lang.localeCompare(b.lang)).map((t) => `${q(t.lang)}:${q(t.table['shell.title'])}`).join(',')}}`;
}
// JSON with every object's keys in order, no spaces (embed.js's measured heights).
function sortedJson(v) {
  if (Array.isArray(v)) return `[${v.map(sortedJson).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${sortedJson(v[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

// options: source (the repository), site (the output folder), app (the linked rareshock.js,
// rareshock.wasm beside it), facts (rareshock_facts' output folder: the facts manifest
// with the pages' policies, theme.css, social cards), jaFace, jaLicense, siteUrl (absolute social card addresses; '' relative),
// publicUrl (where the offline file's share links lead; '' local).
export function assembleSite({ source, site, app, facts: factsDir, jaFace, jaLicense, siteUrl = '', publicUrl = '' }) {
  if (siteUrl && !/^https?:\/\/.*\/$/.test(siteUrl)) throw new Error(`RS_SITE_URL must be an http(s) URL ending in '/', got '${siteUrl}'`);
  const web = path.join(source, 'web');
  const facts = readFacts(path.join(factsDir, 'rareshock-facts.json'));
  const tables = readTables(path.join(source, 'assets/strings'));
  const tablesDiffer = languagesDiffer(facts, tables.map((t) => t.lang));
  if (tablesDiffer) throw new Error(`assets/strings has tables for ${tablesDiffer}`);
  const heights = loadHeights(path.join(source, 'assets/embed-heights.json'));
  const docs = path.join(source, 'docs');
  const methods = readEditions(fs.readdirSync(docs).filter((f) => /^methodology(\.[a-z]{2,3}(-[A-Za-z0-9]+)?)?\.md$/.test(f)).sort()
    .map((f) => path.join(docs, f)));
  const read = (f) => fs.readFileSync(f, 'utf8');
  const wasmFile = app.replace(/\.js$/, '.wasm');
  const gzipBase64 = (f) => zlib.gzipSync(fs.readFileSync(f), { level: 9 }).toString('base64');

  fs.mkdirSync(site, { recursive: true });
  fs.cpSync(web, site, { recursive: true });
  const copy = (from, to) => fs.copyFileSync(from, path.join(site, to));
  copy(app, 'rareshock.js');
  copy(wasmFile, 'rareshock.wasm');
  for (const { lang } of tables) copy(path.join(factsDir, editionName('social-card.png', lang)), editionName('social-card.png', lang));
  copy(jaFace, 'font-ja.ttf');
  copy(jaLicense, 'font-ja-LICENSE.txt');
  const style = siteStyle(path.join(factsDir, 'theme.css'), path.join(web, 'style.css'), heights);
  fs.writeFileSync(path.join(site, 'style.css'), style);
  // The page's boot, with the facts it checks messages against ({{facts:theme-modes}}) and the
  // page's own query keys ({{facts:page-options}}), which a share link's fragment may not set.
  const boot = fillAround(read(path.join(web, 'app.js')), [], (name, arg) => ({
    'facts:theme-modes': JSON.stringify(facts.theme_modes),
    'facts:page-options': JSON.stringify(facts.page_options),
  })[`${name}:${arg}`], 'web/app.js');
  fs.writeFileSync(path.join(site, 'app.js'), boot);
  minifyJs(path.join(site, 'app.js'));

  fs.writeFileSync(path.join(site, 'embed.js'), fillAround(read(path.join(web, 'embed.js')), [], (name, arg) => ({
    'embed:heights': sortedJson(loaderHeights(heights)), 'embed:titles': frameTitles(tables),
  })[`${name}:${arg}`], 'web/embed.js'));

  const offlineParts = {
    style, app: read(app), boot, 'noscript-style': read(path.join(web, 'noscript.css')).trim(),
    'public-url': `<meta name="rareshock-public-url" content="${publicUrl.replace(/&/g, '&amp;')}">`,
  };
  const wasm64 = gzipBase64(wasmFile);
  const made = [], methodPages = new Set();
  for (const shell of [...SHELLS, OFFLINE]) {
    const html = read(path.join(web, shell));
    for (const { lang } of tables) {
      const where = `web/${shell} (${lang})`;
      const text = (key) => textOf(key, lang, tables, where);
      const method = editionFor(methods, lang);
      const resolve = (name, arg) => {
        if (name === null) return text(arg);
        if (name === 'page') return escapeHtml(editionName(arg, lang));
        if (name === 'url') return escapeHtml(siteUrl + editionName(arg, lang));
        if (name === 'csp') return documentPolicy(facts, arg).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
        // The loading placeholder's answer: the default scenario's key figures and chart in
        // this language (rareshock_facts --figures, --chart; the build writes them).
        if (name === 'loading' && (arg === 'figures' || arg === 'chart')) return read(path.join(factsDir, `loading-${arg}.${lang}.html`)).trim();
        // The shell's own scripts (its <script src>), asked for from its <head> while it is
        // parsed: Chromium otherwise fetches app.js only once rareshock.js has come (scripts at
        // the end of <body> wait while <head> loads), and the wasm's fetch waits for both. Not
        // the wasm itself: WebKit does not hand a preload `as="fetch"` to the app's fetch() and
        // downloads it twice (tests/e2e/loading.test.mjs).
        if (name === 'loading' && arg === 'preload') {
          return [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => `<link rel="preload" href="${m[1]}" as="script">`).join('\n');
        }
        if (name === 'method' && arg === 'inline') return methods[method];
        if (name === 'method' && arg === 'lazy') {
          // The link's words: the page's own "Method and sources" summary.
          const summary = /<details[^>]*\bid="rs-method"[^>]*>\s*<summary>([^<]*)<\/summary>/.exec(html);
          const title = (summary ? fillAround(summary[1], [], resolve, where) : 'Method and sources').trim();
          const page = methodPageName(method);
          if (!methodPages.has(page)) {
            fs.writeFileSync(path.join(site, page), methodPage(methods[method], method, title.replace(/&amp;/g, '&'), documentPolicy(facts, 'method_page')));
            methodPages.add(page);
          }
          return lazyLink(method, title);
        }
        if (name === 'offline' && shell === OFFLINE) {
          if (arg === 'csp') return CSP_SLOT;
          if (arg === 'data') {
            let data = `<script type="application/octet-stream" id="rs-wasm" data-encoding="gzip">${wasm64}</script>`;
            if (lang === 'ja') data += `\n<script type="application/octet-stream" id="rs-japanese-face" data-encoding="gzip">${gzipBase64(jaFace)}</script>`;
            return data;
          }
          return offlineParts[arg];
        }
        return undefined;
      };
      let out = fillAround(html, editionPieces(html, shell, lang, tables, { alternates: shell !== OFFLINE }), resolve, where);
      let name = editionName(shell, lang);
      if (shell === OFFLINE) {
        // The policy is computed over the file as it ships: last, and only in its <head>.
        const at = out.indexOf(CSP_SLOT);
        if (at < 0 || at > out.search(/<\/head>/i)) throw new Error(`${where}: no {{offline:csp}} in its <head>`);
        const rest = out.slice(0, at) + out.slice(at + CSP_SLOT.length);
        out = out.slice(0, at) + `<meta http-equiv="Content-Security-Policy" content="${offlinePolicy(rest, facts.csp.offline, facts.csp.document)}">` + out.slice(at + CSP_SLOT.length);
        name = `rareshock-${name}`;
        fs.rmSync(path.join(site, shell), { force: true });
      }
      fs.writeFileSync(path.join(site, name), out);
      made.push(name);
    }
  }
  for (const { lang, table } of tables.slice(1)) {
    fs.writeFileSync(path.join(site, `strings-${lang}.json`), JSON.stringify(pageTable(table)));
    made.push(`strings-${lang}.json`);
  }
  const sizes = Object.entries(methods).map(([l, h]) => `${l} ${h.length} bytes`).join(', ');
  console.log(`site: ${made.join(', ')}, ${[...methodPages].join(', ')} (method and sources: ${sizes})`);
}
