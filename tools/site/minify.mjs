// Rare Earth Shock — the site's own JavaScript and CSS minified (readers download them on
// every embed, and their comments are for maintainers). JavaScript: the closure compiler
// (npm, as emcc uses it) in WHITESPACE_ONLY mode, which removes comments and spaces and
// renames nothing, in place. CSS: comments, indentation and blank lines removed; nothing
// inside a rule is rewritten.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLOSURE = process.env.EM_CLOSURE_COMPILER || path.join(ROOT, 'node_modules/.bin/google-closure-compiler');

export function minifyJs(file) {
  if (!fs.existsSync(CLOSURE)) throw new Error(`${CLOSURE} not found: run scripts/setup.sh`);
  const out = `${file}.min`;
  execFileSync(CLOSURE, ['--compilation_level', 'WHITESPACE_ONLY', '--language_in', 'ECMASCRIPT_2020',
    '--language_out', 'ECMASCRIPT_2020', '--js', file, '--js_output_file', out], { stdio: ['ignore', 'inherit', 'inherit'] });
  fs.renameSync(out, file);
}

export function minifyCss(css) {
  return css.replace(/\/\*[\s\S]*?\*\//g, '').split('\n').map((l) => l.trim()).filter((l) => l).join('\n') + '\n';
}
