#!/usr/bin/env node
// Rare Earth Shock — browser tests, one suite in three engines, on Node's test runner.
//   node tests/e2e/run.mjs [--engine chromium|firefox|webkit|all] [--reporter spec|tap] [NAME.test.mjs...] [filter]
// (default engine chromium, reporter spec, every file; filter: run only the tests whose name
// contains it, e.g. "embed:", as --test-name-pattern). Each engine is one stage: suite.mjs in its own Node,
// ending with "e2e-<engine>: N passed, N failed, N skipped" (report.mjs) and its time.
// Exceptions (what an engine cannot express) are listed in exceptions.mjs and printed as skips.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ENGINES } from '../../tools/engines.mjs';

const here = (f) => fileURLToPath(new URL(f, import.meta.url));
const args = process.argv.slice(2);
let engineArg = 'chromium', reporter = 'spec', filter;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--engine') engineArg = args[++i];
  else if (args[i].startsWith('--engine=')) engineArg = args[i].slice(9);
  else if (args[i] === '--reporter') reporter = args[++i];
  else if (args[i].startsWith('--reporter=')) reporter = args[i].slice(11);
  else if (args[i].endsWith('.test.mjs')) files.push(args[i].replace(/^.*\//, '').replace(/\.test\.mjs$/, ''));
  else filter = args[i];
}
const names = engineArg === 'all' ? ENGINES : [engineArg];
if (!names.every((n) => ENGINES.includes(n)) || !['spec', 'tap'].includes(reporter)) {
  console.error(`run: unknown engine "${engineArg}" (${ENGINES.join(', ')} or all) or reporter "${reporter}" (spec, tap)`);
  process.exit(2);
}
// The filter is a plain substring: every character that means something in a RegExp is escaped.
const pattern = filter === undefined ? [] : [`--test-name-pattern=${filter.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`];

const missing = files.filter((f) => !fs.existsSync(here(`${f}.test.mjs`)));
if (missing.length) {
  console.error(`run: no test file ${missing.map((f) => `tests/e2e/${f}.test.mjs`).join(', ')}`);
  process.exit(2);
}
const env = { ...process.env, RS_E2E_REPORTER: reporter };
if (files.length) env.RS_E2E_FILES = files.join(',');

let ok = true;
for (const name of names) {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [`--test-reporter=${here('report.mjs')}`, '--test-reporter-destination=stdout',
    ...pattern, here('suite.mjs')], { stdio: 'inherit', env: { ...env, RS_E2E_ENGINE: name } });
  ok = r.status === 0 && ok;
  console.log(`e2e-${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s${r.status === 0 ? '' : ` (exit ${r.status ?? r.signal})`}`);
}
process.exit(ok ? 0 : 1);
