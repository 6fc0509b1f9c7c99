// Rare Earth Shock — the JS API at its edges (issue 11): setInputs never throws,
// whatever it is given, and createRareShock works with any canvas (no id, ids
// that need CSS escaping, ids with spaces) without touching other instances.
// Driven through page-level JavaScript only, so the tests port to other engines.
import { openWith, waitReady, assert, noErrors, focusOn } from './harness.mjs';
import { facts } from './facts.mjs';

export function apiTests({ engine, site }) {
  const tests = [];

  tests.push(['api: setInputs never throws: throwing getters, Proxies, revoked Proxies, cycles, symbols, 20,000 keys', async () => {
    const { page, context, log } = await openWith(engine, `${site.url}/index.html`);
    try {
      await waitReady(page);
      const r = await page.evaluate(() => {
        const api = window.rareshock;
        const cyclic = { approval: 41 };
        cyclic.self = cyclic;
        const revocable = Proxy.revocable({ approval: 50 }, {});
        revocable.revoke();
        const many = {};
        for (let i = 0; i < 20000; i++) many['k' + i] = i;
        const cases = {
          'a getter that throws': { get approval() { throw new Error('boom'); }, inventory: 50 },
          'a Proxy whose get throws': new Proxy({ approval: 1 }, { get() { throw new Error('get trap'); } }),
          'a Proxy whose ownKeys throws': new Proxy({}, { ownKeys() { throw new Error('ownKeys trap'); } }),
          'a revoked Proxy': revocable.proxy,
          'a cyclic object': cyclic,
          'a symbol, a bigint and a function': { approval: Symbol('x'), inventory: 10n, lag: () => 1 },
          'a value whose toString throws': { approval: { toString() { throw new Error('toString'); } } },
          'a lone surrogate': { ['\uD800']: 1, approval: '\uDC00' },
          '20,000 keys': many,
          'null': null,
          'undefined': undefined,
          'a number': 42,
          'an array': [1, 2],
        };
        const out = {};
        for (const [name, value] of Object.entries(cases)) {
          const t0 = performance.now();
          let result, threw = null;
          try { result = api.setInputs(value); } catch (e) { threw = String(e); }
          out[name] = { threw, ok: Array.isArray(result) && result.every((w) => typeof w === 'string'),
                        warnings: Array.isArray(result) ? result.length : -1, first: Array.isArray(result) ? result[0] : '',
                        ms: performance.now() - t0 };
        }
        out.inputs = api.getInputs();
        return out;
      });
      const inputs = r.inputs;
      delete r.inputs;
      for (const [name, x] of Object.entries(r)) {
        assert(x.threw === null, `setInputs(${name}) did not throw (${x.threw})`);
        assert(x.ok && x.warnings >= 1, `setInputs(${name}) returned its warnings (${x.warnings}: ${x.first})`);
      }
      assert(/threw|could not be read/.test(r['a getter that throws'].first), `the throwing getter is named: ${r['a getter that throws'].first}`);
      assert(r['20,000 keys'].warnings === 1, `20,000 keys give one warning (${r['20,000 keys'].warnings})`);
      const printed = (await page.logs()).warnings.filter((w) => w.startsWith('rareshock:')).length;
      assert(printed < 60, `the console got a few warnings, not thousands (${printed})`);
      // What could be read was applied: the cyclic object's approval (the last case with one), the getter case's inventory.
      assert(inputs.approval === 41 && inputs.inventory === 50, `readable values applied: ${JSON.stringify(inputs)}`);
      console.log(`     ${Object.keys(r).length} cases, each returned warnings; 20,000 keys took ${r['20,000 keys'].ms.toFixed(1)} ms; ${printed} console warnings`);
      await noErrors(page);
    } finally {
      await context.close();
    }
  }]);

  tests.push(['api: setInputs warns once for a Map and for the page\'s share and origins; an object without a prototype works', async () => {
    const { page, context, log } = await openWith(engine, `${site.url}/index.html`);
    try {
      await waitReady(page);
      const r = await page.evaluate(() => {
        const api = window.rareshock;
        const bare = Object.create(null);
        bare.approval = 33;
        return { map: api.setInputs(new Map([['approval', 40]])), afterMap: api.getInputs().approval,
          page: api.setInputs({ share: 'https://x.example/', origins: 'https://a.example', inventory: 50 }),
          bare: api.setInputs(bare), inputs: api.getInputs() };
      });
      assert(r.map.length === 1 && /plain object/.test(r.map[0]) && /Map/.test(r.map[0]) && r.afterMap === 25,
        `a Map: one warning that names it, nothing applied: ${JSON.stringify(r.map)} (approval ${r.afterMap})`);
      assert(r.page.length === 2 && /^share: .*not an input/.test(r.page[0]) && /^origins: .*not an input/.test(r.page[1]),
        `share and origins: one warning each: ${JSON.stringify(r.page)}`);
      assert(r.bare.length === 0 && r.inputs.approval === 33 && r.inputs.inventory === 50, `the rest applies: ${JSON.stringify(r)}`);
      const printed = (await page.logs()).warnings.filter((w) => /plain object|not an input/.test(w));
      assert(printed.length === 3, `each warning printed once: ${printed.join(' | ')}`);
      assert(log.errors.length === 0, `no console errors: ${log.errors.join(' | ')}`);
    } finally {
      await context.close();
    }
  }]);

  tests.push(['api: setTheme takes the facts\' theme modes; anything else is one warning that names them, and the theme stays', async () => {
    const { page, context } = await openWith(engine, `${site.url}/index.html`);
    try {
      await waitReady(page);
      const dark = facts.theme_modes.find((m) => m === 'dark');
      for (const mode of [...facts.theme_modes.filter((m) => m !== dark), dark]) {
        const r = await page.evaluate((m) => window.rareshock.setTheme(m), mode);
        assert(Array.isArray(r) && r.length === 0, `setTheme('${mode}') is taken without a warning: ${JSON.stringify(r)}`);
      }
      await page.waitFor((d) => document.documentElement.getAttribute('data-rs-theme') === d, dark, 10000);
      const bad = await page.evaluate(() => window.rareshock.setTheme('purple'));
      assert(bad.length === 1 && facts.theme_modes.every((m) => bad[0].includes(`"${m}"`)),
        `one warning naming every theme of the facts (${facts.theme_modes.join(', ')}): ${JSON.stringify(bad)}`);
      const printed = (await page.logs()).warnings.filter((w) => /setTheme expects/.test(w));
      assert(printed.length === 1, `printed once: ${printed.join(' | ')}`);
      assert((await page.evaluate(() => document.documentElement.getAttribute('data-rs-theme'))) === dark, 'the theme stays');
      await noErrors(page);
    } finally {
      await context.close();
    }
  }]);

  tests.push(['api: createRareShock works with any canvas: no id, "calc.1", "1abc", "a b"; other instances untouched', async () => {
    const { page, context, log } = await openWith(engine, `${site.url}/index.html`);
    try {
      await waitReady(page);
      const pageBefore = await page.evaluate(() => {
        const c = document.getElementById('rareshock-canvas');
        window.rareshock.setInputs({ approval: 25 });
        return { width: c.width, height: c.height, inputs: window.rareshock.getInputs() };
      });
      const made = await page.evaluate(async () => {
        const ids = [null, 'calc.1', '1abc', 'a b'];
        const out = [];
        for (let i = 0; i < ids.length; i++) {
          const box = document.createElement('div');
          box.style.width = '600px';
          const c = document.createElement('canvas');
          if (ids[i] !== null) c.id = ids[i];
          box.appendChild(c);
          document.querySelector('main').appendChild(box);
          const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), 30000));
          let result;
          try {
            result = await Promise.race([window.createRareShock(c, { approval: 70 + i }), timeout]);
          } catch (e) {
            result = 'rejected: ' + e.message;
          }
          const ok = result && typeof result === 'object';
          out.push({ id: ids[i], ok, result: ok ? '' : String(result), approval: ok ? result.getInputs().approval : null,
                     idAfter: c.id, twinBefore: !!(box.previousElementSibling && box.previousElementSibling.matches('section.rs-twin')) ||
                       !!(c.previousElementSibling && c.previousElementSibling.matches('section.rs-twin')) });
          window['__made' + i] = ok ? result : null;
          window['__canvas' + i] = c;
        }
        return out;
      });
      for (const m of made) {
        assert(m.ok, `createRareShock on a canvas with id ${JSON.stringify(m.id)} resolved (${m.result})`);
        assert(m.approval === 70 + made.indexOf(m), `its own inputs (${m.approval})`);
        assert(m.idAfter === (m.id === null ? '' : m.id), `its id is left as it was (${JSON.stringify(m.idAfter)})`);
        assert(m.twinBefore, 'its own twin sits before it');
      }
      // The id-less one draws on its own canvas once it is on screen.
      await page.evaluate(() => window.__canvas0.scrollIntoView());
      await page.waitFor(() => window.__made0.stats().framesRendered > 0 && window.__canvas0.width === 600, null, 20000);
      await page.evaluate(() => document.getElementById('rareshock-canvas').scrollIntoView());
      await page.waitFor(() => window.rareshock.stats().framesRendered > 0, null, 20000);
      const pageAfter = await page.evaluate(() => {
        const c = document.getElementById('rareshock-canvas');
        return { width: c.width, height: c.height, inputs: window.rareshock.getInputs(), ids: document.querySelectorAll('#rareshock-canvas').length };
      });
      assert(pageAfter.ids === 1, `one #rareshock-canvas on the page (${pageAfter.ids})`);
      assert(pageAfter.width === pageBefore.width, `the page's canvas kept its drawing buffer (${pageBefore.width} → ${pageAfter.width})`);
      assert(JSON.stringify(pageAfter.inputs) === JSON.stringify(pageBefore.inputs), 'the page\'s calculator kept its inputs');
      const twins = await page.evaluate(() => [...document.querySelectorAll('section.rs-twin input[type=range]')].map((e) => e.id));
      assert(new Set(twins).size === twins.length, `the twins' ids are unique: ${twins.join(', ')}`);
      console.log(`     five calculators on one page; their twins' approval sliders: ${twins.filter((id) => id.endsWith('-approval')).join(', ')}`);
      await noErrors(page);
    } finally {
      await context.close();
    }
  }]);

  // Creates a calculator on a new canvas of the page: {ok, error, warnings (rareshock's, printed
  // while it started), heap (capacity in bytes)}; the instance stays as window.__made.
  const makeOne = async (page, args) => page.evaluate(async ([inputsArg, optionsArg, huge, where]) => {
    const big = huge ? 'x'.repeat(huge) : '';
    if (where) {  // the huge string goes where the test says: an input, the query, a table, the share base
      if (where === 'input') inputsArg = { approval: big };
      if (where === 'query') optionsArg = { query: 'inventory=' + big };
      if (where === 'strings') optionsArg = { lang: 'de', strings: { lang: 'de', text: big } };
      if (where === 'shareBase') optionsArg = { shareBase: 'https://news.example.com/' + big };
    }
    if (optionsArg && optionsArg.testHooks) optionsArg.testHooks = window.__hooks = { failMallocs: optionsArg.testHooks.failMallocs };
    const box = document.createElement('div');
    box.style.width = '600px';
    const c = document.createElement('canvas');
    box.appendChild(c);
    document.querySelector('main').appendChild(box);
    const warnings = [], warn = console.warn;
    console.warn = (...a) => { warnings.push(a.join(' ')); warn.apply(console, a); };
    try {
      const made = await window.createRareShock(c, inputsArg, optionsArg);
      window.__made = made;
      made.shareUrl();  // the share base is used (and checked) when a link is made
      return { ok: true, warnings: warnings.filter((w) => w.startsWith('rareshock:')), heap: made.stats().heapCapacityBytes };
    } catch (e) {
      return { ok: false, error: String(e && e.message), warnings: warnings.filter((w) => w.startsWith('rareshock:')) };
    } finally {
      console.warn = warn;
    }
  }, args);
  const MiB = 1024 * 1024;

  // Each was copied into the heap before any limit applied: past the heap's 128 MiB, malloc
  // returned 0 and the copy wrote through it ("memory access out of bounds").
  for (const where of ['input', 'query', 'strings', 'shareBase']) {
    tests.push([`api: a 140 MB string through createRareShock (${where}) is refused before it is copied; the calculator starts and works`, async () => {
      const { page, context } = await openWith(engine, `${site.url}/index.html`);
      try {
        await waitReady(page);
        const r = await makeOne(page, [null, null, 140e6, where]);
        assert(r.ok, `createRareShock resolved: ${r.error}`);
        // The initial inputs go through setInputs's encoder, which refuses the value before encoding it.
        const expected = { input: /input "approval" ignored: 140000009 characters long, more than a whole query takes \(\d+ bytes\)/,
                           query: /URL parameters: \["query string is too long \(140000010 bytes; at most \d+\)/,
                           strings: /text table for 'de' is longer than the \d+ bytes taken; showing English/,
                           shareBase: /shareBase ignored: not a string of at most \d+ bytes \(140000025 characters\)/ }[where];
        // With its table refused, the query's lang=de also says the German texts are not loaded.
        const alsoLang = (w) => where === 'strings' && /lang: the de texts are not loaded/.test(w);
        assert(expected.test(r.warnings[0]) && r.warnings.slice(1).every(alsoLang) && r.warnings.length <= (where === 'strings' ? 2 : 1),
               `one warning that says so: ${JSON.stringify(r.warnings)}`);
        assert(r.heap < 40 * MiB, `the heap did not grow (${r.heap / MiB} MiB)`);
        const after = await page.evaluate(() => ({ w: window.__made.setInputs({ approval: 33 }), approval: window.__made.getInputs().approval,
                                                   link: window.__made.shareUrl(), language: window.__made.getResults().language }));
        assert(after.w.length === 0 && after.approval === 33, `setInputs works: ${JSON.stringify(after)}`);
        assert(/^http:\/\/127\.0\.0\.1:\d+\/index\.html\?v=1&.*approval=33/.test(after.link), `share links open this page: ${after.link}`);
        assert(after.language === 'en', `English shows (${after.language})`);
        await noErrors(page);
      } finally {
        await context.close();
      }
    }]);
  }

  // Encoding a 200 MB value before the model refused it froze the page for seconds.
  tests.push(['api: setInputs with a 200 MB value is refused at once, before it is encoded; the other values apply', async () => {
    const { page, context } = await openWith(engine, `${site.url}/index.html`);
    try {
      await waitReady(page);
      const r = await page.evaluate(() => {
        const big = 'x'.repeat(200e6);
        const before = window.rareshock.stats().heapCapacityBytes;
        const t0 = performance.now();
        const w = window.rareshock.setInputs({ approval: big, inventory: 77 });
        const ms = performance.now() - t0;
        return { w, ms, before, after: window.rareshock.stats().heapCapacityBytes, inventory: window.rareshock.getInputs().inventory };
      });
      assert(r.w.length === 1 && /input "approval" ignored: 200000009 characters long, more than a whole query takes \(\d+ bytes\)/.test(r.w[0]),
             `one warning: ${JSON.stringify(r.w)}`);
      assert(r.ms < 250, `refused at once (${r.ms.toFixed(1)} ms)`);
      assert(r.inventory === 77 && r.after === r.before, `the other value applied (${r.inventory}); the heap stayed (${r.before} → ${r.after})`);
      await noErrors(page);
    } finally {
      await context.close();
    }
  }]);

  // One encoder of inputs as a query (page.js RSPage.query): createRareShock's initial
  // inputs get exactly setInputs's warnings for the same object (the factory had an encoder
  // of its own, which took an array's text and a Map's nothing without a word).
  tests.push(['api: createRareShock\'s initial inputs are encoded as setInputs encodes them, with the same warnings', async () => {
    const { page, context } = await openWith(engine, `${site.url}/index.html`);
    try {
      await waitReady(page);
      const r = await page.evaluate(async () => {
        const objects = {
          mixed: () => ({ approval: 31, inventory: [45], lag: { days: 70 }, get transit() { throw new Error('no'); }, draws: 120 }),
          map: () => new Map([['approval', 40]]),
        };
        const out = {};
        for (const [name, make] of Object.entries(objects)) {
          const box = document.createElement('div');
          const c = document.createElement('canvas');
          box.appendChild(c);
          document.querySelector('main').appendChild(box);
          const warnings = [], warn = console.warn;
          console.warn = (...a) => { warnings.push(a.join(' ')); warn.apply(console, a); };
          let made;
          try { made = await window.createRareShock(c, make()); } finally { console.warn = warn; }
          out[name] = { started: warnings.filter((w) => w.startsWith('rareshock:')).map((w) => w.slice('rareshock: '.length)),
                        later: window.rareshock.setInputs(make()), inputs: made.getInputs() };
          window.rareshock.setInputs({ preset: '2025' });
        }
        return out;
      });
      const same = (a, b) => a.length === b.length && a.every((w, i) => w === b[i].replace(/^setInputs/, 'createRareShock'));
      assert(r.mixed.started.length === 3 && same(r.mixed.started, r.mixed.later),
             `the same three warnings (inventory, lag, transit): ${JSON.stringify(r.mixed)}`);
      assert(r.mixed.inputs.approval === 31 && r.mixed.inputs.draws === 120 && r.mixed.inputs.inventory === 65,
             `what could be read applies, the rest keeps its default: ${JSON.stringify(r.mixed.inputs)}`);
      assert(r.map.started.length === 1 && /^createRareShock expects a plain object/.test(r.map.started[0]) && same(r.map.started, r.map.later),
             `a Map: one warning that names it: ${JSON.stringify(r.map)}`);
      await noErrors(page);
    } finally {
      await context.close();
    }
  }]);

  // The page's every allocation in the WebAssembly heap is checked: with the heap full
  // (testHooks.failMallocs, the next N allocations fail) each call answers without throwing,
  // and once memory is back everything works as before.
  tests.push(['api: with no memory left in the heap every call answers (testHooks); afterwards all works again', async () => {
    const { page, context } = await openWith(engine, `${site.url}/index.html`);
    try {
      await waitReady(page);
      const start = await makeOne(page, [null, { testHooks: { failMallocs: 1000 } }, 0, '']);
      assert(!start.ok && /no memory/.test(start.error), `with no memory at start, createRareShock rejects with a clear error: ${JSON.stringify(start)}`);
      const made = await makeOne(page, [{ approval: 44 }, { testHooks: { failMallocs: 0 } }, 0, '']);
      assert(made.ok, `createRareShock resolved: ${made.error}`);
      const r = await page.evaluate(() => {
        const api = window.__made, out = {};
        window.__hooks.failMallocs = 1000;
        const calls = { getInputs: () => api.getInputs().approval, shareUrl: () => api.shareUrl(), setInputs: () => api.setInputs({ approval: 55 }),
                        setTheme: () => api.setTheme('dark'), debugItem: () => api.debugItem('share'), getResults: () => api.getResults().inputs.approval };
        for (const [name, call] of Object.entries(calls)) {
          try { out[name] = call(); } catch (e) { out[name] = 'threw: ' + e; }
        }
        window.__hooks.failMallocs = 0;
        out.again = api.setInputs({ approval: 55 });
        out.approval = api.getInputs().approval;
        out.link = api.shareUrl();
        return out;
      });
      assert(r.getInputs === 44 && r.getResults === 44, `getInputs and getResults answer: ${JSON.stringify(r)}`);
      assert(/^\?v=1&.*approval=44/.test(r.shareUrl), `shareUrl gives the scenario's query at least: ${r.shareUrl}`);
      assert(r.setInputs.length === 1 && /no memory left/.test(r.setInputs[0]) && /no memory left/.test(r.setTheme[0]), `setInputs and setTheme say why nothing was applied: ${JSON.stringify(r)}`);
      assert(r.debugItem === null, `debugItem answers null: ${r.debugItem}`);
      assert(r.again.length === 0 && r.approval === 55 && /^http:.*approval=55/.test(r.link), `then all works again: ${JSON.stringify(r)}`);
      await noErrors(page);
    } finally {
      await context.close();
    }
  }]);

  return tests;
}
