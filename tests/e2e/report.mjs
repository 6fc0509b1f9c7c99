// Rare Earth Shock — the browser tests' reporter for node:test (--test-reporter): Node's spec
// reporter (RS_E2E_REPORTER=tap: its TAP reporter, unchanged) without the tests a name filter
// left out and without its totals, then the stage's count: "e2e-<engine>: N passed, N failed, N skipped".
import { Readable } from 'node:stream';
import { spec, tap } from 'node:test/reporters';

const FILTERED = 'test name does not match pattern';   // node:test's skip reason for --test-name-pattern
const TOTALS = /^(tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) /;   // spec's closing counts

export default async function* report(source) {
  const count = { passed: 0, failed: 0, skipped: 0 };
  const tapOut = process.env.RS_E2E_REPORTER === 'tap';
  async function* counted() {
    let held = null;
    for await (const event of source) {
      const { type, data } = event;
      const filtered = !!data && data.skip === FILTERED;
      if (!filtered && (type === 'test:pass' || type === 'test:fail') && data.details.type !== 'suite') {
        if (data.skip) count.skipped++;
        else if (type === 'test:pass') count.passed++;
        else count.failed++;
      }
      if (tapOut) { yield event; continue; }
      // A test's start waits for its end: the spec reporter would print a left-out test's start
      // as a heading.
      if (type === 'test:start') { if (held) yield held; held = event; continue; }
      if (filtered) { held = null; continue; }
      if (type === 'test:diagnostic' && data.nesting === 0 && TOTALS.test(data.message)) continue;
      if (held) { yield held; held = null; }
      yield event;
    }
  }
  yield* tapOut ? tap(counted()) : Readable.from(counted()).pipe(spec());
  yield `e2e-${process.env.RS_E2E_ENGINE || 'chromium'}: ${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped\n`;
}
