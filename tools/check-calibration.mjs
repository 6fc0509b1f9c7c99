#!/usr/bin/env node
// Rare Earth Shock — the methodology's copies of the calibration report, checked against it
// (or rewritten from it).
//   build/native/bench/calibration | node tools/check-calibration.mjs [--write] [DOCS_DIR] [STRINGS_DIR]
// scripts/calibrate.sh prints the tables that docs/methodology.md (and its German and Japanese
// editions) reproduce. This compares the numbers of three of them in every edition with the
// report, so that a model change that moves them fails a test until the docs follow:
// - the fit of the stock shape (section 6): each row an edition shows, by its shape (an
//   edition may leave rows out); its NA and Japan days and the squared error ("—" only where
//   a first stop is "none"), and the report's best shape is the row in bold;
// - "What moves the answer" (section 4): per assumption, its row's two numbers, in the report's
//   order; an edition names each assumption as its strings table does (driver.*);
// - "Sensitivity to the assumptions" (section 7): row by row, the numbers of its last three
//   columns (vehicles not built with their range, car plants, supplier lines at the worst).
// Numbers are compared as digits, whatever an edition's separators ("10,000", "10.000").
// Exits 1, listing each difference, when an edition differs.
// With --write, it puts the report's numbers into each edition's cells instead, in the
// edition's own separators and words (scripts/calibrate.sh --write), and lists what it could
// not write: a row whose cell has a different count of numbers than the report's ("none"
// where the report has a day), or a driver row out of the report's order. Those take a hand.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const write = args.includes('--write');
const [docsDir = path.join(ROOT, 'docs'), stringsDir = path.join(ROOT, 'assets/strings')] = args.filter((a) => a !== '--write');

// A Markdown table row's cells ("| a | b |" -> ['a', 'b']).
const cells = (line) => line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
const row = (cs) => `| ${cs.join(' | ')} |`;
// A whole number as a cell writes it: thousands separated ("10,000", German "10.000").
const NUMBER = /\d{1,3}(?:[.,]\d{3})+(?!\d)|\d+/g;
// The whole numbers in a text, thousands separators dropped ("10.000 (3.700–25.000)" -> [10000, 3700, 25000]).
const numbers = (text) => (text.match(NUMBER) || []).map((n) => Number(n.replace(/[.,]/g, '')));
const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
// The text with its numbers replaced, in order, by `values`, in the edition's separator.
const withNumbers = (text, values, separator) => {
  let i = 0;
  return text.replace(NUMBER, () => {
    const v = values[i++];
    return v >= 1000 ? String(v).replace(/\B(?=(\d{3})+(?!\d))/g, separator) : String(v);
  });
};

// The rows of the report's table under a heading that starts with `title`, and the lines after it.
function reportSection(report, title) {
  const lines = report.split('\n');
  const at = lines.findIndex((l) => l.startsWith(`## ${title}`));
  if (at < 0) throw new Error(`the calibration report has no "## ${title}" table`);
  const rows = [], rest = [];
  for (let i = at + 1; i < lines.length && !lines[i].startsWith('## '); i++) {
    if (/^\|/.test(lines[i])) { if (!/^\|[-| ]+\|$/.test(lines[i])) rows.push(cells(lines[i])); } else rest.push(lines[i]);
  }
  return { rows: rows.slice(1), rest };  // less its header
}

const report = fs.readFileSync(0, 'utf8');
const fit = reportSection(report, 'Fit of the cover shape');
const bestMatch = fit.rest.join('\n').match(/Best shape: ([\d.]+)/);
if (!bestMatch) throw new Error('the calibration report names no "Best shape"');
const best = Number(bestMatch[1]);
const fitByShape = new Map(fit.rows.map((r) => [Number(r[0]), r]));
const drivers = reportSection(report, 'What moves the answer').rows;
const sensitivity = reportSection(report, 'Sensitivity to the assumptions').rows;
const english = JSON.parse(fs.readFileSync(path.join(stringsDir, 'en.json'), 'utf8'));
const keyOf = Object.fromEntries(Object.entries(english).filter(([k]) => /^driver\.[a-z_]+$/.test(k)).map(([k, v]) => [v, k]));

const problems = [];
const written = [];
const editions = fs.readdirSync(docsDir).filter((f) => /^methodology(\.[a-z]{2,3})?\.md$/.test(f)).sort();
for (const file of editions) {
  const lang = (/^methodology\.([a-z]{2,3})\.md$/.exec(file) || [null, 'en'])[1];
  const table = JSON.parse(fs.readFileSync(path.join(stringsDir, `${lang}.json`), 'utf8'));
  const docPath = path.join(docsDir, file);
  const lines = fs.readFileSync(docPath, 'utf8').split('\n');
  const separator = lang === 'de' ? '.' : ',';
  let changed = 0;
  // Compares a line's cells from `from` on with the report's numbers, cell by cell (`want`:
  // one list of numbers per cell); with --write puts them in, where each cell has as many.
  const compare = (at, from, want, what) => {
    const cs = cells(lines[at]);
    const got = cs.slice(from).map(numbers);
    const cellsAgree = (test) => got.length === want.length && got.every((g, i) => test(g, want[i]));
    if (cellsAgree(same)) return;
    if (write && cellsAgree((g, w) => g.length === w.length)) {
      want.forEach((w, i) => { cs[from + i] = withNumbers(cs[from + i], w, separator); });
      lines[at] = row(cs);
      changed++;
      return;
    }
    const shown = (list) => list.map((n) => n.join(' ') || '—').join(' / ');  // a cell's numbers, cells apart
    problems.push(`${file}:${at + 1}: ${what} is ${shown(got)}, the report says ${shown(want)}`);
  };

  // The fit of the stock shape: rows of four cells whose first is a shape (bold for the best).
  const header = lines.findIndex((l) => l.startsWith('|') && cells(l).length === 4 && cells(l)[0].includes('β'));
  if (header < 0) problems.push(`${file}: no table of the fit of the stock shape (a header "… β | … | … | …")`);
  else {
    let bold = null;
    for (let at = header + 2; at < lines.length && lines[at].startsWith('|'); at++) {
      const cs = cells(lines[at]).map((c) => c.replace(/\*\*/g, ''));
      const shape = Number(cs[0].replace(',', '.'));
      if (/\*\*/.test(cells(lines[at])[0])) bold = shape;
      const r = fitByShape.get(shape);
      if (!r) { problems.push(`${file}:${at + 1}: shape ${cs[0]} is not in the report's fit`); continue; }
      const none = r[1] === 'none' || r[2] === 'none';
      // A first stop the report has as "none" is a word in the edition; the error of such a row may be "—".
      compare(at, 1, [numbers(r[1]), numbers(r[2]), none && /^[-—–]$/.test(cs[3]) ? [] : numbers(r[3])], `shape ${cs[0]}`);
    }
    if (bold !== best) problems.push(`${file}: the fit's row in bold is shape ${bold}, the report's best shape is ${best}`);
  }

  // What moves the answer: one row per assumption, under its own name, in the report's order.
  let previous = -1;
  for (const [name, low, high] of drivers) {
    const key = keyOf[name];
    if (!key) { problems.push(`the report's assumption "${name}" has no driver.* string`); continue; }
    const local = table[key] || english[key];
    // (not the uncertainty table's row of the same name: this one's cells are two numbers)
    const at = lines.findIndex((l) => { const c = cells(l); return l.startsWith('|') && c.length === 3 && c[0] === local && /^[\d.,]+$/.test(c[1]) && /^[\d.,]+$/.test(c[2]); });
    if (at < 0) { problems.push(`${file}: no row for "${local}" in the table of what moves the answer`); continue; }
    compare(at, 1, [numbers(low), numbers(high)], `"${local}"`);
    if (at < previous) problems.push(`${file}:${at + 1}: "${local}" is out of the report's order (largest swing first)`);
    previous = at;
  }

  // Sensitivity: the table whose first row is the published scenario, row by row.
  const first = lines.findIndex((l) => { const c = cells(l); return l.startsWith('|') && c.length === 5 && /^[-—–]$/.test(c[1]); });
  if (first < 0) problems.push(`${file}: no table of what the assumptions do (a first row with "—" as its value)`);
  else {
    sensitivity.forEach((r, i) => {
      const line = lines[first + i];
      if (!line || !line.startsWith('|')) { problems.push(`${file}: the table of what the assumptions do ends after ${i} of ${sensitivity.length} rows`); return; }
      compare(first + i, 2, r.slice(2).map(numbers), `"${cells(line)[0]} ${cells(line)[1]}"`);
    });
    const after = lines[first + sensitivity.length];
    if (after && after.startsWith('|')) problems.push(`${file}:${first + sensitivity.length + 1}: a row the report does not have`);
  }
  if (write && changed) {
    fs.writeFileSync(docPath, lines.join('\n'));
    written.push(`${file} (${changed} rows)`);
  }
}

for (const w of written) console.log(`check-calibration: wrote ${w}`);
for (const p of problems) console.error(`check-calibration: ${p}`);
if (problems.length) {
  console.error(write ? 'check-calibration: those rows need a hand (and a look at the words around them)'
    : 'check-calibration: run scripts/calibrate.sh --write, then read what changed in each edition of the methodology');
  process.exit(1);
}
console.log(`check-calibration: ${editions.join(', ')} carry the report's numbers (fit of ${fit.rows.length} shapes, ${drivers.length} assumptions, ${sensitivity.length} sensitivity rows)`);
