// Rare Earth Shock — the README's table of what each engine cannot express is generated
// from tests/e2e/exceptions.mjs (node tests/e2e/exceptions.mjs --readme): one place for each fact.
import fs from 'node:fs';
import { assert } from './harness.mjs';
import { README, applyBlocks } from '../../scripts/readme-blocks.mjs';
import { README_TOOL, readmeBlocks } from './exceptions.mjs';

export function exceptionsTests() {
  return [['exceptions: README.md\'s table of what an engine cannot express is the one exceptions.mjs gives', async () => {
    const before = fs.readFileSync(README, 'utf8');
    const { text, missing } = applyBlocks(before, readmeBlocks(), README_TOOL);
    assert(missing.length === 0, `README.md has the markers of the generated blocks ${missing.join(', ')}`);
    if (text !== before) {
      const a = before.split('\n'), b = text.split('\n');
      const i = a.findIndex((line, k) => line !== b[k]);
      assert(false, `README.md's exceptions table differs from tests/e2e/exceptions.mjs at line ${i + 1}: ` +
        `"${a[i]}" where the list gives "${b[i]}": run node tests/e2e/exceptions.mjs --readme`);
    }
    console.log(`     ${readmeBlocks().table.split('\n').length - 2} capabilities in the table`);
  }, { needs: ['noBrowser'] }]];
}
