// Rare Earth Shock — the exports. Each download, from the canvas and from the
// accessible twin, gives exactly one file, named after the scenario, holding what
// it promises: the picture at 1× (800 px wide) and 2× for print, the CSV in
// sections a spreadsheet opens. The page names its social card (og:image); print
// gives the headline, the picture and the link on the first page.
import fs from 'node:fs';
import zlib from 'node:zlib';
import { openWith, waitReady, artifact, assert, noErrors, focusOn } from './harness.mjs';
import { bringIntoView, waitIdle } from './gestures.mjs';
import { imageStats } from '../../tools/png.mjs';

const STEM = 'rare-earth-shock_2025_approval-25_inventory-65';
const FILES = { csv: `${STEM}.csv`, png: `${STEM}.png`, png2x: `${STEM}@2x.png` };

export function pngSize(buf) {
  assert(buf.subarray(1, 4).toString('latin1') === 'PNG', 'the file is a PNG');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

// RFC 4180 rows, then sections: a title alone on its row, a header, rows, a blank line.
export function csvSections(text) {
  assert(text.charCodeAt(0) === 0xfeff, 'the CSV starts with a byte-order mark (Excel then reads it as UTF-8)');
  text = text.slice(1);
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; } else cell += c;
  }
  assert(!quoted && row.length === 0 && cell === '', 'the CSV ends with a line break, no open quote');
  const sections = [];
  for (let i = 0; i < rows.length;) {
    assert(rows[i].length === 1 && i + 1 < rows.length, `a section starts with its title alone (row ${i}: ${rows[i]})`);
    const s = { title: rows[i][0], header: rows[i + 1], rows: [] };
    for (i += 2; i < rows.length && !(rows[i].length === 1 && rows[i][0] === ''); i++) s.rows.push(rows[i]);
    i++;
    for (const r of s.rows) assert(r.length === s.header.length, `${s.title}: ${r.length} cells under ${s.header.length} columns (${r[0]})`);
    sections.push(s);
  }
  return sections;
}

// The pages of a PDF: its page objects (/Type /Page) counted in the file and in its
// compressed object streams (Firefox's PDFs keep them there), and their MediaBox sizes (pt).
export function pdfPages(buf) {
  assert(buf.subarray(0, 5).toString('latin1') === '%PDF-', 'the file is a PDF');
  const text = buf.toString('latin1');
  const parts = [text];
  const stream = /stream\r?\n/g;
  for (let m; (m = stream.exec(text));) {
    const start = m.index + m[0].length, end = text.indexOf('endstream', start);
    if (end < 0) break;
    try { parts.push(zlib.inflateSync(buf.subarray(start, end)).toString('latin1')); } catch { /* not a Flate stream */ }
    stream.lastIndex = end + 'endstream'.length;
  }
  const all = parts.join('\n');
  const pages = (all.match(/\/Type\s*\/Page(?![A-Za-z])/g) || []).length;
  const sizes = [...all.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
  return { pages, sizes };
}

// Runs `act` and returns the one file it downloads; fails on none or a second one.
// The file's bytes come from Playwright's download events (Chromium; see exceptions.mjs).
async function downloadOne(driverPage, act) {
  const page = driverPage.native;
  const got = [];
  const listener = (d) => got.push(d);
  page.on('download', listener);
  try {
    const first = page.waitForEvent('download', { timeout: 20000 });
    await act();
    const d = await first;
    // A second file would follow the same path (one more image decode and encode): wait for one round trip.
    await page.evaluate(() => new Promise((resolve) => {
      const img = new Image();
      img.onload = () => { const c = document.createElement('canvas'); c.width = c.height = 8; c.getContext('2d').drawImage(img, 0, 0); c.toBlob(resolve); };
      img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>');
    }));
    await waitIdle(driverPage);
    assert(got.length === 1, `exactly one file: ${got.map((x) => x.suggestedFilename()).join(', ')}`);
    return { name: d.suggestedFilename(), data: fs.readFileSync(await d.path()) };
  } finally {
    page.off('download', listener);
  }
}

// The three files a producer gets, checked the same way whichever button made them.
async function checkFiles(files, where) {
  assert(files.csv.name === FILES.csv, `${where}: CSV named after the scenario (${files.csv.name})`);
  const sections = csvSections(files.csv.data.toString('utf8'));
  assert(JSON.stringify(sections.map((s) => s.title)) === JSON.stringify(['Scenario', 'Regions', 'World (export regions)', 'Components', 'Timeline']),
    `${where}: the CSV's sections (${sections.map((s) => s.title)})`);
  const scenario = Object.fromEntries(sections[0].rows.map((r) => [r[0], r[1]]));
  assert(scenario.approval === '25' && scenario.inventory === '65' && scenario.bands === 'P10-P90' && /^http:\/\/.*\?/.test(scenario.link),
    `${where}: the CSV's scenario has the inputs, ranges and link: ${JSON.stringify(scenario).slice(0, 300)}`);
  const regions = sections[1];
  const p90 = regions.header.indexOf('vehicles_lost_p90');
  assert(regions.rows.length === 6 && /^\d+$/.test(regions.rows[0][p90]), `${where}: regions with plain-number ranges`);

  assert(files.png.name === FILES.png && files.png2x.name === FILES.png2x, `${where}: PNGs named after the scenario (${files.png.name}, ${files.png2x.name})`);
  const one = pngSize(files.png.data), two = pngSize(files.png2x.data);
  assert(one.width === 800 && one.height > 600 && one.height < 1400, `${where}: the picture is 800 px wide (${one.width}×${one.height})`);
  assert(two.width === 1600 && two.height === 2 * one.height, `${where}: the print picture is 2× (${two.width}×${two.height} for ${one.width}×${one.height})`);
  const stats = imageStats(files.png.data);
  assert(stats.colours > 30, `${where}: the picture has text and a chart in it (${stats.colours} colours)`);
  return { one, two };
}

export function exportTests({ engine, site }) {
  const tests = [];

  tests.push(['export: the canvas buttons download one CSV, one PNG and one 2× PNG each, named after the scenario', async () => {
    const { page, context } = await openWith(engine, `${site.url}/index.html`, { width: 1280, height: 900 });
    try {
      await waitReady(page);
      await waitIdle(page);
      const files = {};
      for (const name of ['csv', 'png', 'png2x']) {
        files[name] = await downloadOne(page, async () => {
          const box = await bringIntoView(page, name);
          assert(box, `the ${name} button is drawn`);
          await page.mouse.click((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2);
        });
      }
      const { one, two } = await checkFiles(files, 'canvas');
      fs.writeFileSync(artifact('export-1x.png'), files.png.data);
      fs.writeFileSync(artifact('export-2x.png'), files.png2x.data);
      fs.writeFileSync(artifact('export.csv'), files.csv.data);
      console.log(`     canvas: ${files.csv.name} (${files.csv.data.length} B), ${files.png.name} ${one.width}×${one.height} ` +
        `(${files.png.data.length} B), ${files.png2x.name} ${two.width}×${two.height} (${files.png2x.data.length} B)`);
      await noErrors(page);
    } finally {
      await context.close();
    }
  }, { needs: ['downloads'] }]);

  tests.push(['export: the twin downloads the same files with the canvas offscreen, right after a change', async () => {
    const { page, context } = await openWith(engine, `${site.url}/index.html?theme=dark`, { width: 390, height: 844, dpr: 3 });
    try {
      await waitReady(page);
      const files = {};
      for (const name of ['csv', 'png', 'png2x']) {
        files[name] = await downloadOne(page, async () => {
          await focusOn(page, `.rs-twin [data-action="${name}"]`);
          await page.evaluate(() => window.scrollTo(0, 0));
          await page.keyboard.press('Enter');
        });
      }
      await checkFiles(files, 'twin');
      fs.writeFileSync(artifact('export-dark-1x.png'), files.png.data);
      // Right after a change the download waits for nothing: it holds the new inputs with their ranges.
      const csv = await downloadOne(page, async () => {
        await page.evaluate(() => window.rareshock.setInputs({ approval: 40 }));
        await focusOn(page, '.rs-twin [data-action="csv"]');
        await page.keyboard.press('Enter');
      });
      const scenario = Object.fromEntries(csvSections(csv.data.toString('utf8'))[0].rows.map((r) => [r[0], r[1]]));
      assert(csv.name === 'rare-earth-shock_custom_approval-40_inventory-65.csv' && scenario.approval === '40' && scenario.bands === 'P10-P90',
        `the new inputs with their ranges (${csv.name}, ${scenario.approval}, ${scenario.bands})`);
      await noErrors(page);
    } finally {
      await context.close();
    }
  }, { needs: ['downloads'] }]);

  // The German and Japanese editions' files speak their language (section titles, labels,
  // names; keys and numbers as in English); their pictures are kept to be looked at.
  tests.push(['export: the German and Japanese editions download a CSV and a PNG in their language', async () => {
    const WORDS = { de: ['Szenario', 'Regionen', 'Genehmigungsquote', 'Europa'], ja: ['シナリオ', '地域', '輸出許可の承認率', '欧州'] };
    for (const lang of ['de', 'ja']) {
      const { page, context } = await openWith(engine, `${site.url}/index.${lang}.html`, { width: 1280, height: 900 });
      try {
        await waitReady(page);
        const csv = await downloadOne(page, async () => {
          await focusOn(page, '.rs-twin [data-action="csv"]');
          await page.keyboard.press('Enter');
        });
        const sections = csvSections(csv.data.toString('utf8'));
        const scenario = Object.fromEntries(sections[0].rows.map((r) => [r[0], r]));
        const [title, regions, label, europe] = WORDS[lang];
        assert(sections[0].title === title && sections[1].title === regions, `${lang}: section titles ${sections.map((x) => x.title)}`);
        assert(scenario.approval[1] === '25' && scenario.approval[3] === label, `${lang}: the approval row ${scenario.approval}`);
        assert(sections[1].rows[0][0] === 'europe' && sections[1].rows[0][1] === europe, `${lang}: region key and name ${sections[1].rows[0].slice(0, 2)}`);
        assert(sections[0].header.join() === 'key,value,unit,label', `${lang}: the header row as in English`);
        const png = await downloadOne(page, async () => {
          await focusOn(page, '.rs-twin [data-action="png"]');
          await page.keyboard.press('Enter');
        });
        assert(pngSize(png.data).width === 800, `${lang}: an 800 px picture`);
        fs.writeFileSync(artifact(`export-${lang}-1x.png`), png.data);
        await noErrors(page);
      } finally {
        await context.close();
      }
    }
  }, { needs: ['downloads'] }]);

  tests.push(['export: each edition names its own 1200×630 social card, made at build time, and its words in its language', async () => {
    const cards = {};
    for (const [lang, file, locale] of [['en', 'index.html', 'en_GB'], ['de', 'index.de.html', 'de_DE'], ['ja', 'index.ja.html', 'ja_JP']]) {
      const { page, context } = await openWith(engine, `${site.url}/${file}`);
      try {
        const meta = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('meta[property^="og:"], meta[name^="twitter:"]')]
          .map((m) => [m.getAttribute('property') || m.getAttribute('name'), m.getAttribute('content')])));
        const head = await page.evaluate(() => ({ title: document.title, description: document.querySelector('meta[name="description"]').content }));
        const want = lang === 'en' ? 'social-card.png' : `social-card.${lang}.png`;
        assert(meta['og:image'] === want && meta['twitter:image'] === want && meta['twitter:card'] === 'summary_large_image' &&
          meta['og:image:width'] === '1200' && meta['og:image:height'] === '630', `${file}: og:image ${want} and twitter:card: ${JSON.stringify(meta)}`);
        // The card's words are the edition's: title, description, alt text and locale.
        assert(meta['og:title'] === head.title && meta['og:description'] === head.description && meta['og:locale'] === locale,
          `${file}: og:title, og:description and og:locale follow the page (${JSON.stringify(meta)})`);
        assert(meta['og:image:alt'] && meta['twitter:image:alt'] === meta['og:image:alt'], `${file}: the card has alt text`);
        if (lang === 'ja') assert(/[\u3040-\u30ff\u4e00-\u9fff]/.test(meta['og:image:alt'] + meta['og:title']), `${file}: Japanese words (${meta['og:image:alt']})`);
        if (lang === 'de') assert(meta['og:image:alt'] !== cards.en.alt, `${file}: German alt text`);
        const res = await fetch(new URL(meta['og:image'], `${site.url}/${file}`).href);
        assert(res.ok && res.headers.get('content-type') === 'image/png', `${file}: the card is served (${res.status})`);
        const card = Buffer.from(await res.arrayBuffer());
        const size = pngSize(card);
        assert(size.width === 1200 && size.height === 630, `${file}: the card is 1200×630 (${size.width}×${size.height})`);
        const stats = imageStats(card);
        assert(stats.colours > 30, `${file}: the card has text and a chart (${stats.colours} colours)`);
        cards[lang] = { bytes: card, alt: meta['og:image:alt'] };
        fs.writeFileSync(artifact(want), card);
        await noErrors(page);
      } finally {
        await context.close();
      }
    }
    assert(!cards.de.bytes.equals(cards.en.bytes) && !cards.ja.bytes.equals(cards.en.bytes) && !cards.ja.bytes.equals(cards.de.bytes),
      'three different cards');
  }]);

  // The print layout in every engine, through one path: the page's own `@media print` rules
  // applied as a screen style sheet (constructed, as CSSOM is not style-src under the page's
  // CSP) on a viewport of an A4 sheet at 96 px per inch, after the beforeprint the browser
  // would send. (Rules under other media queries still follow the screen; the page has none
  // that touch what print shows.)
  tests.push(['export: print shows the headline and the scenario as vector SVG on the first page, not the canvas or the twin', async () => {
    const { page, context } = await openWith(engine, `${site.url}/index.html?approval=40&inventory=30`);
    try {
      await waitReady(page);
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      const rules = await page.evaluate(() => {
        const css = [];
        for (const sheet of document.styleSheets) {
          for (const rule of sheet.cssRules) {
            if (rule.media && /\bprint\b/.test(rule.media.mediaText)) css.push(...[...rule.cssRules].map((r) => r.cssText));
          }
        }
        const printSheet = new CSSStyleSheet();
        printSheet.replaceSync(css.join('\n'));
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, printSheet];
        return css.length;
      });
      assert(rules > 0, 'the page has @media print rules');
      await page.setViewport(794, 1123);
      await page.waitFor(() => innerWidth === 794);
      const shown = await page.evaluate(() => {
        const visible = (el) => !!el && el.getBoundingClientRect().height > 0 && getComputedStyle(el).display !== 'none';
        const svg = document.querySelector('.rs-print svg');
        return { h1: visible(document.querySelector('h1')), canvas: visible(document.getElementById('rareshock-canvas')),
                 twin: visible(document.querySelector('.rs-twin')), svg: visible(svg), svgTop: svg ? Math.round(svg.getBoundingClientRect().top) : null };
      });
      assert(shown.h1 && shown.svg && !shown.canvas && !shown.twin, `print shows the headline and picture, not the canvas or controls: ${JSON.stringify(shown)}`);
      assert(shown.svgTop < 400, `the picture starts on the first page (top ${shown.svgTop} px)`);
      fs.writeFileSync(artifact(`print-preview-${engine.name}.png`), await page.screenshot({ fullPage: true }));
      console.log(`     print layout: ${rules} @media print rules, the picture from ${shown.svgTop} px`);
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      await noErrors(page);
    } finally {
      await context.close();
    }
  }]);

  // Printing for real (page.pdf: the browser's own print to PDF): beforeprint makes the
  // picture with the reader's scenario, and the whole prints on one or two A4 pages.
  tests.push(['export: print gives one or two A4 pages, beforeprint making the picture with the reader\'s scenario, sources and link', async () => {
    const { page, context } = await openWith(engine, `${site.url}/index.html?approval=40&inventory=30`);
    try {
      await waitReady(page);
      await page.evaluate(() => window.addEventListener('beforeprint', () => {
        const svg = document.querySelector('.rs-print svg');
        window.__printed = { svg: !!svg, text: svg ? [...svg.querySelectorAll('text')].map((t) => t.textContent).join(' ') : '' };
      }));
      const pdf = await page.pdf();
      fs.writeFileSync(artifact(`print-${engine.name}.pdf`), pdf);
      const { pages, sizes } = pdfPages(pdf);
      const printed = await page.evaluate(() => window.__printed);
      const link = await page.evaluate(() => window.rareshock.shareUrl());
      assert(printed && printed.svg, 'printing made the scenario\'s picture');
      assert(printed.text.includes(link.slice(0, 30)) && /Sources: /.test(printed.text) && /Licence approval rate: 40/.test(printed.text),
        `the printed picture holds the reader's scenario, the sources and the link: ${printed.text.slice(0, 200)}`);
      assert(pages >= 1 && pages <= 2, `print is one or two pages (${pages})`);
      // A4 is 595.28 × 841.89 pt; each engine rounds it its own way (to the point, or to a device pixel).
      assert(sizes.length > 0 && sizes.every(([w, h]) => Math.abs(w - 595.28) < 1.5 && Math.abs(h - 841.89) < 1.5),
        `the pages are A4: ${JSON.stringify(sizes)}`);
      assert(await page.evaluate(() => document.querySelector('.rs-print').childElementCount === 0), 'afterprint took the picture away');
      console.log(`     print: ${pages} page(s) of A4, ${pdf.length} B`);
      await noErrors(page);
    } finally {
      await context.close();
    }
  }, { needs: ['printToPdf'] }]);

  return tests;
}
