// Rare Earth Shock — the methodology's tables of model facts (the inputs, the regions,
// the parts, the presets, the uncertainty ranges), which rareshock_facts writes from
// the model in each language (src/ui/method_tables.h: the facts' "method_tables"). Each
// edition of the methodology (docs/methodology.md, methodology.<code>.md) holds each
// table between its block markers, <!-- {{facts:method-inputs}} --> … <!-- {{/facts:method-inputs}} -->
// (the one placeholder syntax: tools/site/fill.mjs; the README's blocks work alike,
// tools/readme-blocks.mjs). `node tools/site/main.mjs method-tables FACTS.json` (or
// `cmake --build --preset native --target method_tables`) rewrites them; check-facts
// (the facts_copies test) fails when an edition's table differs: a table typed by hand.
import fs from 'node:fs';
import path from 'node:path';
import { applyBlocks } from '../readme-blocks.mjs';

export const TOOL = 'facts';
export const COMMAND = 'cmake --build --preset native --target method_tables';

// The edition of `lang`: docs/methodology.md for English, docs/methodology.<code>.md else.
export const editionFile = (lang) => (lang === 'en' ? 'docs/methodology.md' : `docs/methodology.${lang}.md`);

// Each language's edition as it is and as the facts' tables make it:
// [{ file, before, after, missing: [block names without their markers] }].
export function methodTableEditions(source, facts) {
  const tables = facts.method_tables;
  if (!tables || typeof tables !== 'object') {
    throw new Error('the facts have no "method_tables" (the native build\'s rareshock_facts writes them: build/native/facts/rareshock-facts.json)');
  }
  return facts.languages.map((lang) => {
    const file = editionFile(lang);
    const own = tables[lang];
    if (!own) throw new Error(`the facts have no method tables for "${lang}"`);
    const blocks = Object.fromEntries(Object.entries(own).map(([name, text]) => [`method-${name}`, text.replace(/\n$/, '')]));
    const before = fs.readFileSync(path.join(source, file), 'utf8');
    const { text, missing } = applyBlocks(before, blocks, TOOL);
    return { file, before, after: text, missing };
  });
}

// The problems check-facts reports: an edition without a table's markers, or whose table
// differs from the model's.
export function methodTableCopies(source, facts) {
  const problems = [];
  for (const e of methodTableEditions(source, facts)) {
    if (e.missing.length) problems.push(`${e.file}: no block markers for ${e.missing.join(', ')} (<!-- {{${TOOL}:NAME}} --> … <!-- {{/${TOOL}:NAME}} -->)`);
    if (e.after !== e.before) {
      const line = e.before.split('\n').findIndex((l, i) => l !== e.after.split('\n')[i]) + 1;
      problems.push(`${e.file}:${line}: a table of model facts differs from the model's (typed by hand?): rewrite them with ${COMMAND}`);
    }
  }
  return problems;
}

// Rewrites every edition's tables; returns the files changed. Throws when markers are missing.
export function writeMethodTables(source, facts) {
  const changed = [];
  for (const e of methodTableEditions(source, facts)) {
    if (e.missing.length) throw new Error(`${e.file} lacks the block markers for ${e.missing.join(', ')}`);
    if (e.after !== e.before) {
      fs.writeFileSync(path.join(source, e.file), e.after);
      changed.push(e.file);
    }
  }
  return changed;
}
