// Rare Earth Shock — the README's table of what each engine cannot express is generated
// from tests/e2e/exceptions.mjs (node tests/e2e/exceptions.mjs --readme): one place for each fact.
import fs from 'node:fs';
import { assert, onceMoreOnDriverFailure } from './harness.mjs';
import { README, applyBlocks } from '../../tools/readme-blocks.mjs';
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
  }, { needs: ['noBrowser'] }],
  ['harness: a driver failure runs the test once more; a failed check, or a second driver failure, fails it', async () => {
    const driverDown = () => Object.assign(new Error('webdriver POST /url: no answer from WebKitWebDriver'), { driverFailure: true });
    let runs = 0;
    const log = console.log;
    const lines = [];
    console.log = (...a) => lines.push(a.join(' '));
    const outcome = (name, fn) => onceMoreOnDriverFailure(name, 'webkit', fn).then(() => true, () => false);
    let ok;
    try {
      ok = [
        await outcome('flaky driver', async () => { if (runs++ === 0) throw driverDown(); }),
        await outcome('a check fails', async () => { assert(false, 'checked'); }),
        await outcome('driver down twice', async () => { throw driverDown(); }),
      ];
    } finally {
      console.log = log;
    }
    assert(ok[0] === true && runs === 2, `a test whose driver failed once ran again and passed (${runs} runs)`);
    assert(lines.some((l) => l.includes('flaky driver: the webkit driver failed')), `the hiccup is printed: ${lines.join(' / ')}`);
    assert(ok[1] === false && ok[2] === false, 'a failed check and a driver that fails twice fail the test');
  }, { needs: ['noBrowser'] }]];
}
