// Rare Earth Shock — one edition of each page per language: the strings tables
// (assets/strings/<code>.json, en.json the source), the file names of the editions, and
// the parts of an edition that are not placeholders (its <html lang>, the other
// languages' tables inline, its <link rel="alternate" hreflang> to the others).
import fs from 'node:fs';
import path from 'node:path';
import { escapeHtml } from './fill.mjs';
import { pageTable } from './page-table.mjs';

export { pageTable };

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

// A text of `lang`'s table (English where it lacks the key), HTML-escaped; a key no table
// has is an error.
export function textOf(key, lang, tables, where) {
  const table = tables.find((t) => t.lang === lang).table, english = tables[0].table;
  const text = table[key] !== undefined ? table[key] : english[key];
  if (text === undefined) throw new Error(`${where}: no text for {{${key}}} in ${lang}.json or en.json`);
  return escapeHtml(text);
}

// Where an edition of the shell `html` differs from it, as pieces for fillAround():
// <html lang> set to `lang`; in a language other than English its table, inline before the
// first <script> (as JSON that cannot end the script element: "<\/"); unless `alternates`
// is false, <link rel="alternate" hreflang> to every edition before </head>.
export function editionPieces(html, page, lang, tables, { alternates = true } = {}) {
  const pieces = [];
  const langAttr = /(<html\b[^>]*\blang=")([^"]*)"/.exec(html);
  if (!langAttr) throw new Error(`${page}: no <html lang="…">`);
  const at = langAttr.index + langAttr[1].length;
  pieces.push([at, at + langAttr[2].length, lang]);
  if (lang !== 'en') {
    const script = html.search(/<script\b/);
    const json = JSON.stringify(pageTable(tables.find((t) => t.lang === lang).table)).replace(/</g, '\\u003c');
    if (script >= 0) pieces.push([script, script, `<script type="application/json" id="rs-strings">${json}</script>\n`]);
  }
  if (alternates) {
    const head = html.search(/<\/head>/);
    const links = tables.map((t) => `<link rel="alternate" hreflang="${t.lang}" href="${escapeHtml(editionName(page, t.lang))}">`).join('\n');
    if (head >= 0) pieces.push([head, head, `${links}\n`]);
  }
  return pieces;
}
