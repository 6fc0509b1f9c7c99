// Rare Earth Shock — "Method and sources" as real HTML, generated at build time from
// the methodology in Markdown, so readers can select, search, translate and hear it,
// and the WebAssembly carries none of it.
// Each file is one edition: docs/methodology.md is English, methodology.<lang>.md
// (methodology.de.md, methodology.ja.md) another language. Of each edition only the
// part for readers is used: everything before the first heading that starts (after an
// optional section number such as "8.") with the edition's developers' heading
// (DEVELOPER_HEADINGS below). A page's {{method:inline}} gets the edition in the page's
// language, or English if there is none; {{method:lazy}} (the embeds, whose download
// has a budget) a link to the edition's own page, method.html or method.<lang>.html,
// written beside it: app.js fetches that page's body when the reader opens the
// section, and the link stays if it cannot (the reader opens the page itself).
//
// The Markdown dialect (what docs/methodology.md uses): ATX headings (# … ######),
// paragraphs, "-", "*" or "1." list items with indented or lazy continuation lines
// and indented paragraphs inside an item, pipe tables with an alignment row,
// ``` fenced code, `code`, **bold** (CommonMark's flanking rules, so
// "xoshiro128** seeded" stays text) and [links](url). A line that is one HTML comment
// (<!-- … -->: the markers around the tables rareshock_facts writes, method-tables.mjs)
// is left out. Everything else is text, escaped. The output has no inline style or
// script (the pages' CSP forbids both).
import fs from 'node:fs';
import path from 'node:path';
import { escapeHtml } from './fill.mjs';

// The heading that starts the developers' part, per edition. A new language adds its own.
export const DEVELOPER_HEADINGS = { en: 'For developers', de: 'Für Entwickler', ja: '開発者向け' };

// The language of an edition from its file name: methodology.md → en, methodology.de.md → de.
export function editionLanguage(file) {
  const m = /\.([a-z]{2,3}(?:-[A-Za-z0-9]+)?)\.md$/.exec(path.basename(file));
  return m ? m[1] : 'en';
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const COMMENT_LINE = /^\s*<!--.*-->\s*$/;

// Everything before the developers' heading (the whole text if there is none).
export function readerPart(markdown, lang = 'en') {
  const prefix = (DEVELOPER_HEADINGS[lang] || DEVELOPER_HEADINGS.en).toLowerCase();
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let fence = false;
  for (let i = 0; i < lines.length; i++) {
    if (/^\s*```/.test(lines[i])) fence = !fence;
    const h = !fence && HEADING.exec(lines[i]);
    if (h && h[2].replace(/^(\d+(\.\d+)*\.?)\s+/, '').toLowerCase().startsWith(prefix)) return lines.slice(0, i).join('\n');
  }
  return lines.join('\n');
}

// Inline markup: `code`, **bold**, *emphasis*, [text](url); the rest escaped.
export function inlineHtml(text) {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '`') {
      const run = /^`+/.exec(text.slice(i))[0];
      const close = text.indexOf(run, i + run.length);
      if (close > 0) {
        out += `<code>${escapeHtml(text.slice(i + run.length, close).replace(/^ (.*) $/, '$1'))}</code>`;
        i = close + run.length;
        continue;
      }
      out += escapeHtml(run);
      i += run.length;
      continue;
    }
    // Text up to the next code span, with bold and links.
    const next = text.indexOf('`', i);
    const chunk = text.slice(i, next < 0 ? text.length : next);
    out += spanHtml(chunk);
    i += chunk.length;
  }
  return out;
}

function spanHtml(chunk) {
  const parts = [];
  // *emphasis*: a single asterisk not touching a letter, digit or another asterisk on its outer side.
  const re = /\[([^\]]+)\]\(([^)\s]+)\)|\*\*(?=\S)([\s\S]*?\S)\*\*|(?<![\p{L}\p{N}*])\*(?=[^\s*])([^*]*?[^\s*])\*(?![\p{L}\p{N}*])/gu;
  let last = 0, m;
  while ((m = re.exec(chunk))) {
    parts.push(escapeHtml(chunk.slice(last, m.index)));
    if (m[1] !== undefined) {
      const url = m[2];
      const safe = /^(https?:\/\/|#|\.{0,2}\/|[\w.-]+(\/|$|#))/i.test(url) && !/^\s*javascript:/i.test(url);
      parts.push(safe ? `<a href="${escapeHtml(url)}">${spanHtml(m[1])}</a>` : spanHtml(m[1]));
    } else if (m[3] !== undefined) {
      parts.push(`<strong>${spanHtml(m[3])}</strong>`);
    } else {
      parts.push(`<em>${spanHtml(m[4])}</em>`);
    }
    last = re.lastIndex;
  }
  parts.push(escapeHtml(chunk.slice(last)));
  return parts.join('');
}

// Cells of a table row: split on "|" outside code spans and not escaped.
function tableCells(row) {
  let s = row.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  const cells = [];
  let cell = '', code = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && s[i + 1] === '|') { cell += '|'; i++; continue; }
    if (c === '`') code = !code;
    if (c === '|' && !code) { cells.push(cell.trim()); cell = ''; continue; }
    cell += c;
  }
  cells.push(cell.trim());
  return cells;
}
const isTableRule = (line) => /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/.test(line) && line.includes('-');
const LIST_ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])\s+(.*)$/;
const startsBlock = (line, next) => HEADING.test(line) || LIST_ITEM.test(line) || /^\s*```/.test(line) ||
  (line.trim().startsWith('|') && next !== undefined && isTableRule(next));
const indentOf = (line) => /^ */.exec(line)[0].length;

// Block structure → HTML. `level` shifts headings (# → h(1 + level)); `slug` makes their ids.
function blocksHtml(lines, opts) {
  const out = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) { i++; continue; }
    const h = HEADING.exec(line);
    if (h) {
      const level = Math.min(6, h[1].length + opts.headingShift);
      const text = h[2];
      const id = opts.slug(text);
      out.push(`<h${level} id="${id}">${inlineHtml(text)}</h${level}>`);
      i++;
      continue;
    }
    if (/^\s*```/.test(line)) {
      const body = [];
      i++;
      while (i < lines.length && !/^\s*```/.test(lines[i])) body.push(lines[i++]);
      i++;
      out.push(`<pre><code>${escapeHtml(body.join('\n'))}</code></pre>`);
      continue;
    }
    if (line.trim().startsWith('|') && i + 1 < lines.length && isTableRule(lines[i + 1])) {
      const head = tableCells(line);
      const align = tableCells(lines[i + 1]).map((c) => (c.startsWith(':') && c.endsWith(':') ? 'c' : c.endsWith(':') ? 'r' : ''));
      const cls = (k) => (align[k] ? ` class="rs-al-${align[k]}"` : '');
      i += 2;
      const rows = [];
      while (i < lines.length && lines[i].trim().startsWith('|')) rows.push(tableCells(lines[i++]));
      const caption = opts.lastHeading();
      out.push(`<div class="rs-table-scroll" role="region" tabindex="0" aria-label="${escapeHtml(caption ? `Table: ${caption}` : 'Table')}">` +
        `<table><thead><tr>${head.map((c, k) => `<th scope="col"${cls(k)}>${inlineHtml(c)}</th>`).join('')}</tr></thead><tbody>` +
        rows.map((r) => `<tr>${head.map((_, k) => `<td${cls(k)}>${inlineHtml(r[k] || '')}</td>`).join('')}</tr>`).join('') +
        '</tbody></table></div>');
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      const ordered = /\d/.test(item[2]);
      const items = [];
      while (i < lines.length) {
        const m = LIST_ITEM.exec(lines[i]);
        if (!m || /\d/.test(m[2]) !== ordered) break;
        const contentIndent = m[1].length + m[2].length + 1;
        const body = [m[3]];
        i++;
        // Continuation: indented lines (and the blank lines between them), or lazy
        // unindented lines that do not start another block.
        while (i < lines.length) {
          const l = lines[i];
          if (!l.trim()) {
            let j = i;
            while (j < lines.length && !lines[j].trim()) j++;
            if (j >= lines.length || indentOf(lines[j]) < 2) break;
            for (; i < j; i++) body.push('');
            continue;
          }
          if (indentOf(l) >= 2) { body.push(l.slice(Math.min(indentOf(l), contentIndent))); i++; continue; }
          if (startsBlock(l, lines[i + 1])) break;
          body.push(l);
          i++;
        }
        const loose = body.some((b) => !b.trim());
        const inner = blocksHtml(body, opts);
        items.push(loose ? inner : inner.replace(/^<p>([\s\S]*)<\/p>$/, '$1'));
        // Items separated by blank lines still belong to one list.
        let j = i;
        while (j < lines.length && !lines[j].trim()) j++;
        if (j > i && j < lines.length && LIST_ITEM.test(lines[j])) i = j;
      }
      const tag = ordered ? 'ol' : 'ul';
      out.push(`<${tag}>${items.map((x) => `<li>${x}</li>`).join('')}</${tag}>`);
      continue;
    }
    const para = [line.trim()];
    i++;
    while (i < lines.length && lines[i].trim() && !startsBlock(lines[i], lines[i + 1])) para.push(lines[i++].trim());
    out.push(`<p>${inlineHtml(para.join('\n'))}</p>`);
  }
  return out.join('\n');
}

// The reader-facing part of one edition as an HTML fragment. The document's own
// title (its first "# " heading) is left out: the page's "Method and sources"
// names the section; "##" stays <h2> (a section of the article), "###" <h3>.
export function methodologyHtml(markdown, { lang = 'en', idPrefix = 'rs-m-' } = {}) {
  let text = readerPart(markdown, lang);
  text = text.replace(/^\s*#\s+[^\n]*\n/, '');
  const used = new Set();
  let last = '';
  const opts = {
    headingShift: 0,
    slug: (t) => {
      last = t.replace(/[`*]/g, '');
      const base = idPrefix + (last.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'section');
      let id = base, n = 2;
      while (used.has(id)) id = `${base}-${n++}`;
      used.add(id);
      return id;
    },
    lastHeading: () => last,
  };
  const lines = text.split('\n').filter((l) => !COMMENT_LINE.test(l));
  return `<div class="rs-method-body" lang="${escapeHtml(lang)}">\n${blocksHtml(lines, opts)}\n</div>`;
}

// The edition's own page: method.html (English) or method.<lang>.html.
export function methodPageName(lang) {
  return lang === 'en' ? 'method.html' : `method.${lang}.html`;
}

// A page of its own for one edition (what the lazy section fetches, and opens
// without script): the site's style sheet, no script; `policy`: its Content-Security-Policy
// (the facts' method_page policy).
export function methodPage(fragment, lang, title, policy) {
  return `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${policy.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">
<title>${escapeHtml(title)} · Rare Earth Shock</title>
<link rel="stylesheet" href="style.css">
</head>
<body class="rs-method-page">
<main>
<h1>${escapeHtml(title)}</h1>
${fragment}
</main>
</body>
</html>
`;
}

// The editions of `files` (docs/methodology*.md) as HTML fragments, by language.
export function readEditions(files) {
  const editions = {};
  for (const f of files) editions[editionLanguage(f)] = methodologyHtml(fs.readFileSync(f, 'utf8'), { lang: editionLanguage(f) });
  return editions;
}

// The language whose edition a page in `pageLang` shows: its own, its base language's, or English.
export function editionFor(editions, pageLang) {
  const lang = editions[pageLang] ? pageLang : editions[pageLang.split('-')[0]] ? pageLang.split('-')[0] : 'en';
  if (!editions[lang]) throw new Error(`no methodology edition for "${pageLang}" and no English one`);
  return lang;
}

// What {{method:lazy}} puts in a page: a link to the edition's own page (`title`: the
// page's "Method and sources" summary, HTML-escaped), which app.js replaces with its body.
export function lazyLink(lang, title) {
  const name = methodPageName(lang);
  return `<div class="rs-method-body" lang="${escapeHtml(lang)}" data-rs-method-src="${name}">` +
         `<p class="rs-method-later"><a href="${name}" target="_blank" rel="noopener">${title}</a></p></div>`;
}
