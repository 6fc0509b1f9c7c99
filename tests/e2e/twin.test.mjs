// Rare Earth Shock — the accessible twin is complete: every input of the field
// table (the advanced ones too), the presets with aria-pressed, Copy link, CSV
// and PNG downloads, a visible hint for the arrow keys, and the canvas described
// by the live summary. Driven through the twin's real controls and page-level
// JavaScript, so the tests port to other engines.
import fs from 'node:fs';
import path from 'node:path';
import { openWith, waitReady, artifact, assert, noErrors, focusOn, ROOT } from './harness.mjs';
import { facts } from './facts.mjs';

export function twinTests({ engine, site }) {
  const tests = [];

  tests.push(['twin: every field with its field range; presets say aria-pressed; the canvas is described by the live summary; a hint for the arrow keys', async () => {
    const { page, context, log } = await openWith(engine, `${site.url}/index.html`);
    try {
      await waitReady(page);
      const twin = await page.evaluate(() => [...document.querySelectorAll('.rs-twin input')].map((el) => ({
        field: el.getAttribute('data-field'), type: el.type, min: el.min, max: el.max, step: el.step,
        named: !!(el.labels && el.labels.length) || !!el.getAttribute('aria-label'), advanced: !!el.closest('details') })));
      for (const f of facts.fields) {
        const els = twin.filter((t) => t.field === f.key);
        assert(els.length >= 1 && els.every((el) => el.named), `the twin has ${f.key}, with an accessible name`);
        for (const el of els) {
          assert(Number(el.min) === f.min && Number(el.max) === f.max && Number(el.step) === f.step,
                 `${f.key}: the twin's ${el.type} covers ${el.min}–${el.max} step ${el.step}, the field ${f.min}–${f.max} step ${f.step}`);
          assert(el.advanced === f.advanced, `${f.key} is ${f.advanced ? '' : 'not '}under Advanced assumptions`);
        }
      }
      // Presets: aria-pressed follows the inputs (the defaults are "2025 as reported").
      const pressed = () => page.evaluate(() => [...document.querySelectorAll('.rs-twin [data-preset]')]
        .filter((b) => b.getAttribute('aria-pressed') === 'true').map((b) => b.getAttribute('data-preset')));
      assert((await page.evaluate(() => document.querySelectorAll('.rs-twin [data-preset][aria-pressed]').length)) === facts.presets.length,
             'every preset button has aria-pressed');
      assert(JSON.stringify(await pressed()) === JSON.stringify([facts.presets[0].id]), `the first preset is pressed: ${await pressed()}`);
      const other = facts.presets[2].id;
      await focusOn(page, `.rs-twin [data-preset="${other}"]`);
      await page.keyboard.press('Enter');
      await page.waitFor((id) => document.querySelector(`.rs-twin [data-preset="${id}"]`).getAttribute('aria-pressed') === 'true',
                                 other, 10000);
      assert(JSON.stringify(await pressed()) === JSON.stringify([other]), `only ${other} is pressed: ${await pressed()}`);
      await page.evaluate(() => window.rareshock.setInputs({ approval: 33 }));  // no preset matches
      await page.waitFor(() => ![...document.querySelectorAll('.rs-twin [data-preset]')].some((b) => b.getAttribute('aria-pressed') === 'true'),
                                 null, 10000);
      // The canvas is described by the live summary, not by the static caption.
      const described = await page.evaluate(() => {
        const id = document.getElementById('rareshock-canvas').getAttribute('aria-describedby');
        const el = id && document.getElementById(id);
        return { id, live: !!el && el.getAttribute('aria-live') === 'polite' };
      });
      assert(described.live, `the canvas's aria-describedby (${described.id}) is the aria-live summary`);
      // An advanced input from the twin reaches the model.
      const lag = facts.fields.find((f) => f.advanced && f.kind === 'real');
      const v = Math.min(lag.max, lag.default + 7 * lag.step);
      await page.evaluate(([key, v]) => {
        document.querySelector('.rs-twin-advanced').open = true;
        const el = document.querySelector(`.rs-twin input[type=number][data-field="${key}"]`);
        el.value = String(v);
        el.dispatchEvent(new Event('change', { bubbles: true }));
      }, [lag.key, v]);
      assert((await page.evaluate((k) => window.rareshock.getInputs()[k], lag.key)) === v, `${lag.key} = ${v} from the twin`);
      // The hint shows with the focused twin.
      await focusOn(page, '#rs-twin-approval');
      const hint = await page.evaluate(() => {
        const h = document.querySelector('.rs-twin-hint');
        const r = h.getBoundingClientRect();
        return { text: h.textContent, visible: r.width > 100 && r.height > 10,
                 describes: document.getElementById('rs-twin-approval').getAttribute('aria-describedby').split(' ').includes(h.id) };
      });
      assert(hint.visible && /arrow/i.test(hint.text) && hint.describes, `a visible arrow-key hint describes the slider: ${JSON.stringify(hint)}`);
      await noErrors(page);
    } finally {
      await context.close();
    }
  }]);

  tests.push(['twin: its table of results is C++\'s text in the page\'s language (German: 1.234, "bis"), a row per region', async () => {
    const { page, context } = await openWith(engine, `${site.url}/index.de.html`);
    try {
      await waitReady(page);
      await page.waitFor(() => !window.rareshock.getResults().provisional && /P10/.test(document.querySelector('.rs-twin table caption').textContent),
                         null, 20000);
      const { rows, results } = await page.evaluate(() => ({
        rows: [...document.querySelectorAll('.rs-twin table tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent)),
        results: window.rareshock.getResults() }));
      assert(rows.length === facts.regions.length && rows.every((r) => r.length === 4), `a row of four cells per region: ${JSON.stringify(rows)}`);
      // The oracle: German groups thousands with "." (assets/strings/de.json "number.group"), "{p50} ({p10} bis {p90})".
      const de = (n) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
      const table = JSON.parse(fs.readFileSync(path.join(ROOT, 'assets/strings/de.json'), 'utf8'));
      results.regions.forEach((r, i) => {
        const name = table[`region.${facts.regions[i].key}.name`];
        assert(rows[i][0] === name, `row ${i} is ${name}: ${rows[i][0]}`);
        const v = r.vehicles_lost;
        assert(rows[i][3] === `${de(v.p50)} (${de(v.p10)} bis ${de(v.p90)})`, `${r.name}: vehicles ${rows[i][3]} (results ${JSON.stringify(v)})`);
      });
      assert(rows.some((r) => /\d\.\d{3}/.test(r[3])), `some region's vehicles are in the thousands, grouped with a dot: ${JSON.stringify(rows.map((r) => r[3]))}`);
      await noErrors(page);
    } finally {
      await context.close();
    }
  }]);

  tests.push(['twin: Copy link, Data (CSV) and Image (PNG) work from the twin with the canvas offscreen', async () => {
    const { page, context, log } = await openWith(engine, `${site.url}/index.html`, { width: 390, height: 844, dpr: 3, touch: true, mobile: true });
    try {
      await page.nativeContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
      await waitReady(page);
      // The twin focused at the top of the page: the canvas is far below the fold.
      await focusOn(page, '.rs-twin [data-action="share"]');
      await page.evaluate(() => window.scrollTo(0, 0));
      const offscreen = await page.evaluate(() => document.getElementById('rareshock-canvas').getBoundingClientRect().top > window.innerHeight + 200);
      assert(offscreen, 'the canvas is offscreen');
      await page.keyboard.press('Enter');
      await page.waitFor(() => /Link copied/.test(document.querySelector('.rs-twin-status').textContent), null, 10000);
      const copied = await page.evaluate(async () => ({ clip: await navigator.clipboard.readText(), url: window.rareshock.shareUrl() }));
      assert(copied.clip === copied.url, `the link on the clipboard is the share link (${copied.clip} vs ${copied.url})`);
      const download = async (action) => {
        const wait = page.native.waitForEvent('download', { timeout: 15000 });
        await focusOn(page, `.rs-twin [data-action="${action}"]`);
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.keyboard.press('Enter');
        const d = await wait;
        const file = await d.path();
        return { name: d.suggestedFilename(), data: fs.readFileSync(file) };
      };
      const csv = await download('csv');
      assert(/\.csv$/.test(csv.name) && csv.data.toString('utf8').split('\n').length > 100, `a CSV download (${csv.name}, ${csv.data.length} B)`);
      const png = await download('png');
      const sig = png.data.subarray(1, 4).toString('latin1');
      const width = png.data.readUInt32BE(16), height = png.data.readUInt32BE(20);
      fs.writeFileSync(artifact('twin-download.png'), png.data);
      console.log(`     downloads from the twin: ${csv.name} (${csv.data.length} B), ${png.name} (${width}×${height})`);
      assert(sig === 'PNG' && width > 300 && height > 300, `a PNG of the scenario (${png.name}, ${width}×${height})`);
      await noErrors(page);
    } finally {
      await context.close();
    }
  }, { needs: ['downloads'] }]);

  // Screenshots of the focused twin, to look at: phone and desktop, light and dark.
  for (const [width, dark] of [[360, false], [360, true], [1280, false], [1280, true]]) {
    tests.push([`twin: focused, ${width} px ${dark ? 'dark' : 'light'} (screenshot)`, async () => {
      const { page, context, log } = await openWith(engine, `${site.url}/index.html`, { width, height: 900, dpr: 2, dark });
      try {
        await waitReady(page);
        await focusOn(page, '#rs-twin-approval');
        await page.evaluate(() => { document.querySelector('.rs-twin-advanced').open = true; });
        const box = await page.evaluate(() => { const r = document.querySelector('.rs-twin').getBoundingClientRect(); return { width: r.width, height: r.height }; });
        assert(box && box.width > width * 0.8 && box.height > 300, `the focused twin is shown (${JSON.stringify(box)})`);
        fs.writeFileSync(artifact(`${engine.name}-twin-${width}-${dark ? 'dark' : 'light'}.png`), await page.screenshot({ selector: '.rs-twin' }));
        const colours = await page.evaluate(() => {
          const cs = getComputedStyle(document.querySelector('.rs-twin'));
          return { fg: cs.color, bg: getComputedStyle(document.body).backgroundColor };
        });
        const expected = dark ? facts.themes.dark : facts.themes.light;
        const rgb = (hex) => `rgb(${parseInt(hex.slice(1, 3), 16)}, ${parseInt(hex.slice(3, 5), 16)}, ${parseInt(hex.slice(5, 7), 16)})`;
        assert(colours.fg === rgb(expected.text) && colours.bg === rgb(expected.background),
               `the twin uses the theme's generated colours: ${JSON.stringify(colours)}`);
        await noErrors(page);
      } finally {
        await context.close();
      }
    }]);
  }

  return tests;
}
