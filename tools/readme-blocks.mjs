// Rare Earth Shock — the README's generated blocks: the text between <!-- {{TOOL:NAME}} -->
// and <!-- {{/TOOL:NAME}} --> (the site generator's placeholder syntax: tools/site/fill.mjs)
// is written by a tool from the one place its facts live (tools/site/heights.mjs from
// assets/embed-heights.json, tests/e2e/exceptions.mjs from its list); the tool's --check
// fails when the README has drifted from them.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { blockBegin as BEGIN, blockEnd as END } from './site/fill.mjs';

export const README = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'README.md');

// `text` with each block of `blocks` ({NAME: body}) put between its markers; `missing`
// names the blocks whose markers are not there.
export function applyBlocks(text, blocks, tool) {
  const missing = [];
  for (const [name, body] of Object.entries(blocks)) {
    const a = text.indexOf(BEGIN(tool, name)), b = text.indexOf(END(tool, name));
    if (a < 0 || b < a) { missing.push(name); continue; }
    text = text.slice(0, a) + BEGIN(tool, name) + '\n' + body + '\n' + text.slice(b);
  }
  return { text, missing };
}

// Rewrites README.md's blocks of `tool`, or with `check` exits 1 when they differ from
// `blocks` (`source`: where the facts live; `command`: what rewrites them). Exits 1 when a
// block's markers are missing. Returns whether README.md changed.
export function syncReadme({ tool, blocks, check = false, source, command }) {
  const before = fs.readFileSync(README, 'utf8');
  const { text, missing } = applyBlocks(before, blocks, tool);
  if (missing.length) { console.error(`${tool}: README.md lacks the blocks ${missing.join(', ')}`); process.exit(1); }
  if (check) {
    if (text !== before) {
      console.error(`${tool}: README.md differs from ${source}: run ${command}`);
      process.exit(1);
    }
    console.log(`${tool}: README.md matches ${source}`);
    return false;
  }
  if (text !== before) fs.writeFileSync(README, text);
  return text !== before;
}
