#!/usr/bin/env node
// Rare Earth Shock — tools/check-calibration.mjs --write puts a report's numbers into every
// edition of the methodology, in each edition's separators, and the check then passes.
//   build/native/bench/calibration | node tests/tools/check_calibration_test.mjs [DOCS_DIR] [STRINGS_DIR]
// On copies of the docs: a report whose numbers all differ (each number's first digit moved
// on) fails the check; --write from it passes it and fails the real one; --write from the
// real report gives back the editions byte for byte.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [docsDir = path.join(ROOT, 'docs'), stringsDir = path.join(ROOT, 'assets/strings')] = process.argv.slice(2);
const tool = path.join(ROOT, 'tools/check-calibration.mjs');
const report = fs.readFileSync(0, 'utf8');

// The report with every number of the three tables' value cells changed, digit count kept.
const moved = (() => {
  let section = '';
  return report.split('\n').map((line) => {
    if (line.startsWith('## ')) section = line;
    if (!line.startsWith('|') || /^\|[-| ]+\|$/.test(line)) return line;
    const cs = line.replace(/^\|/, '').replace(/\|$/, '').split('|');
    const from = section.startsWith('## Fit') || section.startsWith('## What moves') ? 1 : section.startsWith('## Sensitivity') ? 2 : cs.length;
    return `|${cs.map((c, i) => (i < from ? c : c.replace(/\d/, (d) => String((Number(d) % 9) + 1)))).join('|')}|`;
  }).join('\n');
})();

const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'rs-calibration-'));
const editions = fs.readdirSync(docsDir).filter((f) => /^methodology(\.[a-z]{2,3})?\.md$/.test(f));
for (const f of editions) fs.copyFileSync(path.join(docsDir, f), path.join(copy, f));
const run = (input, write) => {
  try {
    execFileSync(process.execPath, [tool, ...(write ? ['--write'] : []), copy, stringsDir], { input, stdio: ['pipe', 'pipe', 'pipe'] });
    return 0;
  } catch (e) {
    return e.status;
  }
};
const failures = [];
const expect = (ok, what) => { if (!ok) failures.push(what); };
expect(run(report, false) === 0, 'the docs carry the report (check, before)');
expect(run(moved, false) === 1, 'a report with other numbers fails the check');
expect(run(moved, true) === 0, '--write from the other report succeeds');
expect(run(moved, false) === 0, 'after --write, the docs carry the other report');
expect(run(report, false) === 1, 'after --write, the real report fails the check');
for (const f of editions) {
  const a = fs.readFileSync(path.join(docsDir, f), 'utf8'), b = fs.readFileSync(path.join(copy, f), 'utf8');
  expect(a !== b, `--write from the other report changed ${f}`);
}
expect(run(report, true) === 0, '--write from the real report succeeds');
for (const f of editions) {
  expect(fs.readFileSync(path.join(docsDir, f), 'utf8') === fs.readFileSync(path.join(copy, f), 'utf8'), `--write from the real report gives ${f} back byte for byte`);
}
fs.rmSync(copy, { recursive: true, force: true });
for (const f of failures) console.error(`check_calibration_test: FAILED: ${f}`);
if (failures.length) process.exit(1);
console.log(`check_calibration_test: ${editions.length} editions written from another report and back`);
