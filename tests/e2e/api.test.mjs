// Rare Earth Shock — the JS API at its edges (issue 11): setInputs never throws,
// whatever it is given, and createRareShock works with any canvas (no id, ids
// that need CSS escaping, ids with spaces) without touching other instances.
// Driven through page-level JavaScript only, so the tests port to other engines.
import { openWith, waitReady, assert, noErrors, focusOn } from './harness.mjs';

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

  return tests;
}
