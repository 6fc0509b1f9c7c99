#!/usr/bin/env node
// Rare Earth Shock — the methodology's copies of the calibration report, checked against it.
//   build/native/bench/calibration | node tools/check-calibration.mjs [DOCS_DIR] [STRINGS_DIR]
// scripts/calibrate.sh prints the tables that docs/methodology.md (and its German and Japanese
// editions) reproduce by hand. This compares the numbers of two of them in every edition with
// the report, so that a model change that moves them fails a test until the docs follow:
// - "What moves the answer" (section 4): per assumption, its row's two numbers, in the report's
//   order; an edition names each assumption as its strings table does (driver.*).
// - "Sensitivity to the assumptions" (section 7): row by row, the numbers of its last three
//   columns (vehicles not built with their range, car plants, supplier lines at the worst).
// Numbers are compared as digits, whatever an edition's separators ("10,000", "10.000").
// Exits 1, listing each difference, when an edition differs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [docsDir = path.join(ROOT, 'docs'), stringsDir = path.join(ROOT, 'assets/strings')] = process.argv.slice(2);

// A Markdown table row's cells ("| a | b |" -> ['a', 'b']).
const cells = (line) => line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
// The whole numbers in a text, thousands separators dropped ("10.000 (3.700–25.000)" -> [10000, 3700, 25000]).
const numbers = (text) => (text.replace(/(\d)[.,](?=\d{3}(?!\d))/g, '$1').match(/\d+/g) || []).map(Number);
const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

// The rows of the report's table under a heading that starts with `title`.
function reportTable(report, title) {
  const lines = report.split('\n');
  const at = lines.findIndex((l) => l.startsWith(`## ${title}`));
  if (at < 0) throw new Error(`the calibration report has no "## ${title}" table`);
  const rows = [];
  for (let i = at + 1; i < lines.length && !lines[i].startsWith('## '); i++) {
    if (/^\|/.test(lines[i]) && !/^\|[-| ]+\|$/.test(lines[i])) rows.push(cells(lines[i]));
  }
  return rows.slice(1);  // less its header
}

const report = fs.readFileSync(0, 'utf8');
const drivers = reportTable(report, 'What moves the answer');
const sensitivity = reportTable(report, 'Sensitivity to the assumptions');
const english = JSON.parse(fs.readFileSync(path.join(stringsDir, 'en.json'), 'utf8'));
const keyOf = Object.fromEntries(Object.entries(english).filter(([k]) => /^driver\.[a-z_]+$/.test(k)).map(([k, v]) => [v, k]));

const problems = [];
const editions = fs.readdirSync(docsDir).filter((f) => /^methodology(\.[a-z]{2,3})?\.md$/.test(f)).sort();
for (const file of editions) {
  const lang = (/^methodology\.([a-z]{2,3})\.md$/.exec(file) || [null, 'en'])[1];
  const table = JSON.parse(fs.readFileSync(path.join(stringsDir, `${lang}.json`), 'utf8'));
  const lines = fs.readFileSync(path.join(docsDir, file), 'utf8').split('\n');
  // What moves the answer: one row per assumption, under its own name, in the report's order.
  let previous = -1;
  for (const [name, low, high] of drivers) {
    const key = keyOf[name];
    if (!key) { problems.push(`the report's assumption "${name}" has no driver.* string`); continue; }
    const local = table[key] || english[key];
    // (not the uncertainty table's row of the same name: this one's cells are two numbers)
    const at = lines.findIndex((l) => { const c = cells(l); return l.startsWith('|') && c.length === 3 && c[0] === local && /^[\d.,]+$/.test(c[1]) && /^[\d.,]+$/.test(c[2]); });
    if (at < 0) { problems.push(`${file}: no row for "${local}" in the table of what moves the answer`); continue; }
    const want = numbers(`${low} ${high}`), got = numbers(cells(lines[at]).slice(1).join(' '));
    if (!same(want, got)) problems.push(`${file}:${at + 1}: "${local}" is ${got.join(' / ')}, the report says ${want.join(' / ')}`);
    if (at < previous) problems.push(`${file}:${at + 1}: "${local}" is out of the report's order (largest swing first)`);
    previous = at;
  }
  // Sensitivity: the table whose first row is the published scenario, row by row.
  const first = lines.findIndex((l) => { const c = cells(l); return l.startsWith('|') && c.length === 5 && /^[-—–]$/.test(c[1]); });
  if (first < 0) { problems.push(`${file}: no table of what the assumptions do (a first row with "—" as its value)`); continue; }
  sensitivity.forEach((row, i) => {
    const line = lines[first + i];
    if (!line || !line.startsWith('|')) { problems.push(`${file}: the table of what the assumptions do ends after ${i} of ${sensitivity.length} rows`); return; }
    const want = numbers(row.slice(2).join(' ')), got = numbers(cells(line).slice(2).join(' '));
    if (!same(want, got)) problems.push(`${file}:${first + i + 1}: "${cells(line)[0]} ${cells(line)[1]}" is ${got.join(' ')}, the report says ${want.join(' ')}`);
  });
  const after = lines[first + sensitivity.length];
  if (after && after.startsWith('|')) problems.push(`${file}:${first + sensitivity.length + 1}: a row the report does not have`);
}

for (const p of problems) console.error(`check-calibration: ${p}`);
if (problems.length) {
  console.error('check-calibration: run scripts/calibrate.sh and copy its numbers into each edition of the methodology');
  process.exit(1);
}
console.log(`check-calibration: ${editions.join(', ')} carry the report's numbers (${drivers.length} assumptions, ${sensitivity.length} sensitivity rows)`);
