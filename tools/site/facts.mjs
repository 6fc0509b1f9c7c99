// Rare Earth Shock — the model's facts manifest (rareshock_facts --json: build/web/facts/
// rareshock-facts.json; src/ui/facts.h), as the site generator reads it, and the check
// that no file keeps a hand-typed copy of what it holds (`node tools/site/main.mjs
// check-facts FILE`, a CTest: tests/ui/CMakeLists.txt).
import fs from 'node:fs';
import path from 'node:path';

export function readFacts(file) {
  let facts;
  try { facts = JSON.parse(fs.readFileSync(file, 'utf8')); } catch (e) { throw new Error(`${file}: ${e.message} (rareshock_facts --json writes it)`); }
  if (!facts.csp) throw new Error(`${file}: no "csp" (an older rareshock_facts wrote it: build again)`);
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

// The problems found in the repository at `source`: a copy of a fact typed by hand.
export function copiesOfFacts(source) {
  const problems = [];
  const web = path.join(source, 'web');
  for (const f of fs.readdirSync(web).filter((n) => n.endsWith('.html'))) {
    for (const m of fs.readFileSync(path.join(web, f), 'utf8').matchAll(CSP_META)) {
      if (!/^\{\{csp:[a-z_]+\}\}$/.test(m[1])) problems.push(`web/${f}: a Content-Security-Policy typed by hand ("${m[1].slice(0, 40)}…"): write {{csp:page}}, the facts' policy`);
    }
  }
  const server = fs.readFileSync(path.join(source, 'tools/server.mjs'), 'utf8');
  if (/default-src/.test(server)) problems.push('tools/server.mjs: a Content-Security-Policy typed by hand: read the facts\' "csp.page"');
  return problems;
}
