// Rare Earth Shock — what a page's calculator reads of a strings table: all but the CLI's
// text report ("report.*", read only by the native rareshock --format text), the
// methodology's tables ("method.*", read only by rareshock_facts: src/ui/method_tables.h)
// and the page shells' texts ("shell.*", written into the HTML by the site build), as compact
// JSON. The site generator inlines it in the other languages' pages (editions.mjs); the
// web build embeds the English one in the app (src/model/CMakeLists.txt runs this file on
// its own, so that a change elsewhere in the generator does not relink the app).
//   node tools/site/page-table.mjs assets/strings/en.json OUT.json
import fs from 'node:fs';

export function pageTable(table) {
  return Object.fromEntries(Object.entries(table).filter(([key]) => !/^(report|method|shell)\./.test(key)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) {
    console.error('usage: node tools/site/page-table.mjs IN.json OUT.json');
    process.exit(2);
  }
  fs.writeFileSync(output, JSON.stringify(pageTable(JSON.parse(fs.readFileSync(input, 'utf8')))));
}
