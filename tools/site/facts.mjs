// Rare Earth Shock — the model's facts manifest (rareshock_facts --json: build/web/facts/
// rareshock-facts.json; src/ui/facts.h), as the site generator reads it, and the check
// that no file keeps a hand-typed copy of what it holds (`node tools/site/main.mjs
// check-facts FILE`, a CTest: tests/ui/CMakeLists.txt).
import fs from 'node:fs';
import path from 'node:path';

export function readFacts(file) {
  let facts;
  try { facts = JSON.parse(fs.readFileSync(file, 'utf8')); } catch (e) { throw new Error(`${file}: ${e.message} (rareshock_facts --json writes it)`); }
  if (!facts.csp || !Array.isArray(facts.languages) || !Array.isArray(facts.theme_modes) || !Array.isArray(facts.page_options)) {
    throw new Error(`${file}: no "csp", "languages", "theme_modes" or "page_options" (an older rareshock_facts wrote it: build again)`);
  }
  return facts;
}

// A document's own policy: the named one and what only a document's policy needs.
export function documentPolicy(facts, name) {
  const policy = facts.csp[name];
  if (typeof policy !== 'string') throw new Error(`the facts have no "${name}" policy (csp: ${Object.keys(facts.csp).join(', ')})`);
  return `${policy}; ${facts.csp.document}`;
}

// The files that must carry no hand-typed copy of a fact, and what a copy looks like.
// The shells name their policy ({{csp:page}}); the host page examples under web/examples
// are someone else's page, with a policy of their own.
const CSP_META = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi;

// The page's JavaScript (the app's, the boot's, the loader's): a line that names every
// theme of the manifest as a quoted string is a hand-typed list of them ("t !== 'light' &&
// t !== 'dark' && t !== 'auto'"): RSPage.facts.theme_modes (page.js) or {{facts:theme-modes}}
// (web/app.js) are the facts' list. Likewise a line naming every page option (theme, lang,
// accent, bg, headline): {{facts:page-options}}.
const PAGE_SCRIPTS = ['src/platform/web', 'web'];
// The page's JavaScript lays out no number either: C++ writes every number the page
// shows in the reader's language (ui/detail.h twin_rows, the detail, the summary), so a
// script that reads the strings tables' number layout ("number.group", "number.decimal",
// "number.percent") keeps a copy of src/model/results.cpp's formatting.
const NUMBER_LAYOUT = /(['"])number\.(group|decimal|percent)\1/;
function pageScriptCopies(source, facts) {
  const problems = [];
  const quoted = (name) => new RegExp(`(['"])${name}\\1`);
  for (const dir of PAGE_SCRIPTS) {
    for (const f of fs.readdirSync(path.join(source, dir)).filter((n) => n.endsWith('.js')).sort()) {
      fs.readFileSync(path.join(source, dir, f), 'utf8').split('\n').forEach((line, i) => {
        const where = `${dir}/${f}:${i + 1}`, shown = line.trim().slice(0, 60);
        if (facts.theme_modes.every((m) => quoted(m).test(line))) {
          problems.push(`${where}: a list of the themes typed by hand ("${shown}"): read the facts' theme_modes`);
        }
        if (facts.page_options.every((m) => quoted(m).test(line))) {
          problems.push(`${where}: a list of the page's options typed by hand ("${shown}"): read the facts' page_options`);
        }
        if (NUMBER_LAYOUT.test(line)) {
          problems.push(`${where}: lays out a number itself ("${shown}"): let C++ write the text (src/ui/detail.h, text.h)`);
        }
      });
    }
  }
  return problems;
}

// Whether the languages `have` (a file per language, a table's keys) are the model's.
export function languagesDiffer(facts, have) {
  const model = [...facts.languages].sort(), got = [...have].sort();
  return model.join(',') !== got.join(',') ? `${got.join(', ') || 'none'}, but the model's languages are ${model.join(', ')}` : null;
}

// The problems found in the repository at `source`: a copy of a fact typed by hand (also a
// methodology edition's table of model facts that differs from the model's: method-tables.mjs),
// or a list that should follow the facts and does not (one strings table and one developers'
// heading per language of the model: assets/strings/<code>.json, tools/site/methodology.mjs).
export async function copiesOfFacts(source, facts) {
  const problems = [];
  const tables = fs.readdirSync(path.join(source, 'assets/strings')).filter((f) => /^[a-z]{2,3}\.json$/.test(f)).map((f) => f.slice(0, -5));
  const tablesDiffer = languagesDiffer(facts, tables);
  if (tablesDiffer) problems.push(`assets/strings has tables for ${tablesDiffer}`);
  const { DEVELOPER_HEADINGS } = await import('./methodology.mjs');
  const headingsDiffer = languagesDiffer(facts, Object.keys(DEVELOPER_HEADINGS));
  if (headingsDiffer) problems.push(`tools/site/methodology.mjs: DEVELOPER_HEADINGS has ${headingsDiffer}`);
  const web = path.join(source, 'web');
  for (const f of fs.readdirSync(web).filter((n) => n.endsWith('.html'))) {
    for (const m of fs.readFileSync(path.join(web, f), 'utf8').matchAll(CSP_META)) {
      if (!/^\{\{csp:[a-z_]+\}\}$/.test(m[1])) problems.push(`web/${f}: a Content-Security-Policy typed by hand ("${m[1].slice(0, 40)}…"): write {{csp:page}}, the facts' policy`);
    }
  }
  problems.push(...pageScriptCopies(source, facts));
  const { methodTableCopies } = await import('./method-tables.mjs');
  problems.push(...methodTableCopies(source, facts));
  const server = fs.readFileSync(path.join(source, 'tools/server.mjs'), 'utf8');
  if (/default-src/.test(server)) problems.push('tools/server.mjs: a Content-Security-Policy typed by hand: read the facts\' "csp.page"');
  return problems;
}
