#!/usr/bin/env node
// Rare Earth Shock — the site generator: the one entry to everything that makes the
// site, its pictures and the README's generated blocks (the web build runs its steps,
// each a CMake command with its inputs and outputs declared: src/platform/web/CMakeLists.txt).
//   node tools/site/main.mjs site SITE --app rareshock.js --facts DIR --ja-face TTF --ja-license TXT
//                                      [--site-url URL] [--public-url URL]
//        the pages in every language, embed.js, style.css, the offline files (site.mjs)
//   node tools/site/main.mjs fallback SITE --shots DIR [--inputs FILE...] | --apply DIR
//        the static fallback pictures taken by headless Chromium, and put into the pages (fallback.mjs)
//   node tools/site/main.mjs heights [--readme | --check]
//        the embed's heights measured into assets/embed-heights.json and the README (heights.mjs)
//   node tools/site/main.mjs check-facts FACTS.json
//        exit 1 when a file keeps a hand-typed copy of a fact the manifest holds (facts.mjs),
//        or a methodology edition's table of model facts differs from the model's
//   node tools/site/main.mjs method-tables FACTS.json
//        the methodology's tables of model facts written into each edition (method-tables.mjs)
// (The part of a strings table a page's calculator reads, which the app embeds too, is
// tools/site/page-table.mjs, run on its own by the app's build.)
// Every placeholder it fills has one syntax: tools/site/fill.mjs.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const USAGE = 'usage: node tools/site/main.mjs site|fallback|heights|check-facts|method-tables … (see tools/site/main.mjs)';

// The value after `name` in `args`, or `def` (also when the next word is another option).
const optionOf = (args) => (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length && !args[i + 1].startsWith('--') ? args[i + 1] : def;
};

const COMMANDS = {
  async site(args) {
    const value = optionOf(args);
    const required = (name) => {
      const v = value(name);
      if (!v) throw new Error(`site: ${name} is required (${USAGE})`);
      return path.resolve(v);
    };
    if (!args[0] || args[0].startsWith('--')) throw new Error(`site: no output folder (${USAGE})`);
    const { assembleSite } = await import('./site.mjs');
    assembleSite({ source: ROOT, site: path.resolve(args[0]), app: required('--app'), facts: required('--facts'),
      jaFace: required('--ja-face'), jaLicense: required('--ja-license'), siteUrl: value('--site-url', ''), publicUrl: value('--public-url', '') });
  },
  async fallback(args) {
    const { fallbackCommand } = await import('./fallback.mjs');
    await fallbackCommand(args);
  },
  async 'check-facts'(args) {
    const { readFacts, copiesOfFacts } = await import('./facts.mjs');
    if (!args[0]) throw new Error(`no facts file (${USAGE})`);
    const problems = await copiesOfFacts(ROOT, readFacts(path.resolve(args[0])));
    for (const p of problems) console.error(`check-facts: ${p}`);
    if (problems.length) process.exit(1);
    console.log('check-facts: no file keeps a copy of the facts');
  },
  async 'method-tables'(args) {
    const { readFacts } = await import('./facts.mjs');
    const { writeMethodTables } = await import('./method-tables.mjs');
    if (!args[0]) throw new Error(`no facts file (${USAGE})`);
    const changed = writeMethodTables(ROOT, readFacts(path.resolve(args[0])));
    console.log(`method-tables: ${changed.length ? `rewrote ${changed.join(', ')}` : 'every edition matches the model'}`);
  },
  async heights(args) {
    const { heightsCommand } = await import('./heights.mjs');
    await heightsCommand(args);
  },
};

const [command, ...rest] = process.argv.slice(2);
if (!COMMANDS[command]) {
  console.error(USAGE);
  process.exit(2);
}
COMMANDS[command](rest).catch((e) => {
  console.error(`${command}: ${e && e.message ? e.message : e}`);
  process.exit(1);
});
