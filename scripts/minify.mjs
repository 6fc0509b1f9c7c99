#!/usr/bin/env node
// Rare Earth Shock — minifies the site's own JavaScript and CSS in place (run by
// the web build once they are final, before the offline file inlines them):
// readers download them on every embed, and their comments are for maintainers.
//   node scripts/minify.mjs FILE.js|FILE.css ...
// JavaScript: the closure compiler (npm, as emcc uses it) in WHITESPACE_ONLY
// mode, which removes comments and spaces and renames nothing. CSS: comments,
// indentation and blank lines removed; nothing inside a rule is rewritten.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLOSURE = process.env.EM_CLOSURE_COMPILER || path.join(ROOT, 'node_modules/.bin/google-closure-compiler');

function minifyJs(file) {
  if (!fs.existsSync(CLOSURE)) throw new Error(`${CLOSURE} not found: run scripts/setup.sh`);
  const out = `${file}.min`;
  execFileSync(CLOSURE, ['--compilation_level', 'WHITESPACE_ONLY', '--language_in', 'ECMASCRIPT_2020',
    '--language_out', 'ECMASCRIPT_2020', '--js', file, '--js_output_file', out], { stdio: ['ignore', 'inherit', 'inherit'] });
  fs.renameSync(out, file);
}

export function minifyCss(css) {
  return css.replace(/\/\*[\s\S]*?\*\//g, '').split('\n').map((l) => l.trim()).filter((l) => l).join('\n') + '\n';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = process.argv.slice(2);
  if (files.length === 0) { console.error('usage: node scripts/minify.mjs FILE.js|FILE.css ...'); process.exit(2); }
  for (const file of files) {
    const before = fs.statSync(file).size;
    if (file.endsWith('.js')) minifyJs(file);
    else if (file.endsWith('.css')) fs.writeFileSync(file, minifyCss(fs.readFileSync(file, 'utf8')));
    else { console.error(`minify: ${file}: neither .js nor .css`); process.exit(2); }
    console.log(`minify: ${path.basename(file)} ${before} -> ${fs.statSync(file).size} bytes`);
  }
}
