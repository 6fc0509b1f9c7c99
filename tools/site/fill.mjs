// Rare Earth Shock — the site's one placeholder syntax, in every file the site generator
// fills (web/*.html, web/embed.js) and in the README's generated blocks:
//   {{key}}          a text of the strings tables (assets/strings/<lang>.json), HTML-escaped
//   {{name:arg}}     a part the generator makes: {{page:embed.html}} (that file's edition in
//                    the page's language), {{url:social-card.png}}, {{method:inline}},
//                    {{method:lazy}}, {{offline:app}}, {{embed:heights}} … (tools/site/site.mjs)
//   <!-- {{name:block}} --> … <!-- {{/name:block}} -->
//                    a README block that a tool rewrites between its two markers
//                    (tools/readme-blocks.mjs), or a methodology edition's table of model
//                    facts ({{facts:method-inputs}} …: tools/site/method-tables.mjs)
// A file is filled in one pass: what a placeholder puts in is never read for placeholders.
export const PLACEHOLDER = /\{\{(?:([a-z][a-z0-9-]*):)?([a-z0-9_.-]+)\}\}/gi;

// `text` with every placeholder replaced by resolve(name, arg) (name null for a text key);
// `where` names the file in errors. A resolver returning undefined, or "{{" that is not a
// placeholder, is an error: nothing is left unfilled.
export function fill(text, resolve, where) {
  let count = 0;
  const out = text.replace(PLACEHOLDER, (m, name, arg) => {
    count++;
    const value = resolve(name ? name.toLowerCase() : null, arg, m);
    if (value === undefined) throw new Error(`${where}: nothing fills ${m}`);
    return value;
  });
  const opened = text.split('{{').length - 1;
  if (opened !== count) throw new Error(`${where}: ${opened - count} "{{" that is not a placeholder ({{key}} or {{name:arg}})`);
  return out;
}

// `text` with pieces put in at places found in it ([[start, end, piece]]: text[start, end)
// replaced by piece, in order), the rest filled as fill() does, the pieces not read.
export function fillAround(text, pieces, resolve, where) {
  let out = '', at = 0;
  for (const [start, end, piece] of [...pieces].sort((a, b) => a[0] - b[0])) {
    out += fill(text.slice(at, start), resolve, where) + piece;
    at = end;
  }
  return out + fill(text.slice(at), resolve, where);
}

// The README's block markers (what tools/readme-blocks.mjs rewrites between).
export const blockBegin = (tool, name) => `<!-- {{${tool}:${name}}} -->`;
export const blockEnd = (tool, name) => `<!-- {{/${tool}:${name}}} -->`;

export const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
