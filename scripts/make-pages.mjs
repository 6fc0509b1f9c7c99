#!/usr/bin/env node
// Rare Earth Shock — one edition of each page per language, made at build time
// from the HTML shells and the text tables (run by the web build).
//   node scripts/make-pages.mjs SITE_DIR [STRINGS_DIR]
// STRINGS_DIR defaults to assets/strings: one table per language, <code>.json
// (en.json is the source). Each shell in SITE_DIR (index.html, embed.html,
// offline.html, copied from web/) holds its words as {{key}} placeholders; this
// writes the English edition under the shell's own name and the others beside it
// (index.de.html, embed.ja.html, offline.de.html), each with <html lang="…">, its
// words from its table (English where a table lacks a key; a key no table has is
// an error), {{page:embed.html}} as that page's edition in the same language, and,
// in the online pages, <link rel="alternate" hreflang> to every edition: app.js
// follows them when a link asks for another language (lang=). The app carries the
// English table only: each other edition brings its language's table inline
// (<script type="application/json" id="rs-strings">), and strings-<code>.json is
// written for calculators made with createRareShock elsewhere.
import fs from 'node:fs';
import path from 'node:path';
import { pageTable } from './page-table.mjs';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SHELLS = ['index.html', 'embed.html', 'offline.html'];
const OFFLINE = 'offline.html';  // one file per language: no alternates to go to

const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

// The tables, English first: [{ lang, table }].
export function readTables(dir) {
  const files = fs.readdirSync(dir).filter((f) => /^[a-z]{2,3}\.json$/.test(f)).sort((a, b) => (a === 'en.json' ? -1 : b === 'en.json' ? 1 : a.localeCompare(b)));
  if (files[0] !== 'en.json') throw new Error(`${dir}: no en.json`);
  return files.map((f) => ({ lang: f.slice(0, -5), table: JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) }));
}

// The file name of a file's edition: index.html (English), index.de.html,
// social-card.ja.png ({{page:…}} in a shell names the edition in the page's language).
export function editionName(page, lang) {
  return lang === 'en' ? page : page.replace(/(\.[a-z0-9]+)$/, `.${lang}$1`);
}

export function makeEdition(html, page, lang, tables) {
  const table = tables.find((t) => t.lang === lang).table, english = tables[0].table;
  let out = html.replace(/\{\{(page:)?([a-z0-9_.-]+)\}\}/gi, (m, isPage, key) => {
    if (isPage) return escapeHtml(editionName(key, lang));
    const text = table[key] !== undefined ? table[key] : english[key];
    if (text === undefined) throw new Error(`${page}: no text for {{${key}}} in ${lang}.json or en.json`);
    return escapeHtml(text);
  });
  if (!/<html\b[^>]*\blang="[^"]*"/.test(out)) throw new Error(`${page}: no <html lang="…">`);
  out = out.replace(/(<html\b[^>]*\blang=")[^"]*(")/, `$1${lang}$2`);
  // The app carries English only: another language's edition brings its table, inline
  // (no request, no wait), as JSON that cannot end the script element ("<\/").
  if (lang !== 'en') {
    const json = JSON.stringify(pageTable(table)).replace(/</g, '\\u003c');
    out = out.replace(/(<script\b)/, `<script type="application/json" id="rs-strings">${json}</script>\n$1`);
  }
  if (page !== OFFLINE) {
    const links = tables.map((t) => `<link rel="alternate" hreflang="${t.lang}" href="${escapeHtml(editionName(page, t.lang))}">`).join('\n');
    out = out.replace(/<\/head>/, `${links}\n</head>`);
  }
  return out;
}

function main() {
  const site = path.resolve(process.argv[2] || 'build/web/site');
  const tables = readTables(path.resolve(process.argv[3] || path.join(ROOT, 'assets/strings')));
  const made = [];
  for (const page of SHELLS) {
    const file = path.join(site, page);
    if (!fs.existsSync(file)) throw new Error(`${file} not found`);
    const html = fs.readFileSync(file, 'utf8');
    for (const { lang } of tables) {
      fs.writeFileSync(path.join(site, editionName(page, lang)), makeEdition(html, page, lang, tables));
      made.push(editionName(page, lang));
    }
  }
  // For calculators made with createRareShock on other pages: strings-<code>.json beside rareshock.js.
  for (const { lang, table } of tables.slice(1)) {
    fs.writeFileSync(path.join(site, `strings-${lang}.json`), JSON.stringify(pageTable(table)));
    made.push(`strings-${lang}.json`);
  }
  console.log(`make-pages: ${made.join(', ')}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try { main(); } catch (e) { console.error(`make-pages: ${e.message}`); process.exit(1); }
}
