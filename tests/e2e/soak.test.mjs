// Rare Earth Shock — robustness soak: 10,000 setInputs calls with random valid and
// invalid values leave the heap flat and the widget responsive.
import { waitReady, assert, noErrors } from './harness.mjs';
import { openWith } from './util.mjs';

export const soakNumbers = {};

export function soakTests({ engine, site }) {
  const tests = [];

  tests.push(['soak: 10,000 random setInputs calls keep the heap flat and the widget responsive', async () => {
    const { page, context } = await openWith(engine, `${site.url}/index.html`);
    try {
      await waitReady(page);
      const r = await page.evaluate(async () => {
        const api = window.rareshock;
        let s = 20250404;
        const rnd = () => { s = (s + 0x6D2B79F5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1);
          t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
        const pick = (a) => a[Math.floor(rnd() * a.length)];
        const RANGES = { approval: [0, 100], inventory: [0, 365], lag: [0, 180], transit: [0, 120], expedite: [1, 90],
          dep_europe: [0, 100], dep_japan: [0, 100], alt_supply: [0, 100], alt_ramp: [1, 730],
          controlled: [0, 100], horizon: [30, 730], draws: [1, 5000], seed: [0, 4294967295] };
        const KEYS = Object.keys(RANGES);
        const INVALID = [-1, 101, 1e9, -1e9, 'abc', '', NaN, Infinity, -Infinity, null, {}, [], true, '50%', ' 50', '1e400',
          '0x20', 'x'.repeat(200), 1e-320, undefined];
        const randomInputs = () => {
          const o = {};
          const n = 1 + Math.floor(rnd() * 3);
          for (let i = 0; i < n; i++) {
            const r = rnd();
            if (r < 0.06) o.preset = pick(['2025', 'fast-track', 'embargo', 'truce', 'nope', '']);
            else if (r < 0.1) o.theme = pick(['light', 'dark', 'auto', 'purple']);
            else if (r < 0.13) o[pick(['bogus', 'approvals', 'v', 'APPROVAL'])] = pick([1, 'x']);
            else {
              const k = r < 0.55 ? pick(['approval', 'inventory']) : pick(KEYS);
              const [lo, hi] = RANGES[k];
              o[k] = rnd() < 0.7 ? (k === 'draws' || k === 'horizon' || k === 'seed' ? Math.round(lo + rnd() * (hi - lo))
                                                                                      : Math.round((lo + rnd() * (hi - lo)) * 10) / 10)
                                  : pick(INVALID);
            }
          }
          return o;
        };
        const raf = () => new Promise((res) => requestAnimationFrame(() => res()));
        const canonical = api.getInputs();
        const settle = async () => {
          api.setInputs(Object.assign({ preset: '2025' }, canonical, { theme: 'light' }));
          // until the calculator stops drawing (its frame count still over 8 animation frames)
          let last = -1;
          for (let still = 0; still < 8;) { await raf(); const f = api.stats().framesRendered; if (f === last) still++; else { still = 0; last = f; } }
        };
        let calls = 0, thrown = 0, warnings = 0;
        const firstThrows = [];
        const run = async (n, samples) => {
          for (let i = 0; i < n; i++) {
            const inputs = randomInputs();
            try { warnings += api.setInputs(inputs).length; } catch (e) {
              thrown++;
              if (firstThrows.length < 3) firstThrows.push(String(e) + ' for ' + JSON.stringify(inputs));
            }
            calls++;
            if (calls % 500 === 0) {
              await raf();
              if (samples) samples.push(api.stats().heapBytes);
            }
          }
        };
        await run(500, null);                       // warm-up
        await settle();
        const before = api.stats().heapBytes;
        const samples = [];
        await run(10000, samples);
        await settle();
        const after = api.stats().heapBytes;
        // Still responsive.
        const f0 = api.stats().framesRendered;
        api.setInputs({ approval: 50 });
        for (let i = 0; i < 10; i++) await raf();
        return { before, after, min: Math.min(...samples), max: Math.max(...samples), capacity: api.stats().heapCapacityBytes,
                 calls, thrown, firstThrows, warnings, approval: api.getResults().inputs.approval,
                 framesDelta: api.stats().framesRendered - f0, lastModelMs: api.stats().lastModelMs };
      });
      Object.assign(soakNumbers, r);
      console.log(`     soak: ${r.calls} calls (${r.warnings} warnings returned, ${r.thrown} threw); heapBytes after warm-up ${r.before}, ` +
        `after 10,000 calls ${r.after} (growth ${r.after - r.before} B; sampled every 500 calls: min ${r.min}, max ${r.max}); ` +
        `heap capacity ${r.capacity}`);
      assert(r.after - r.before <= 64 * 1024, `heap growth ${r.after - r.before} B ≤ 64 KiB`);
      assert(r.approval === 50, `final setInputs reflected (${r.approval})`);
      assert(r.framesDelta > 0, 'frames still render');
      assert(r.thrown === 0, `setInputs never throws (${r.thrown} threw; e.g. ${r.firstThrows.join(' ; ')})`);
      await noErrors(page);
    } finally {
      await context.close();
    }
  }]);

  tests.push(['API: setInputs with strings that are not valid UTF-16 warns instead of throwing', async () => {
    const { page, context } = await openWith(engine, `${site.url}/index.html`);
    try {
      await waitReady(page);
      const r = await page.evaluate(() => {
        const out = [];
        for (const obj of [{ approval: '\ud800' }, { ['\udfff']: 1 }, { approval: 'a\udc00b', inventory: 30 }]) {
          try { out.push({ ok: true, msgs: window.rareshock.setInputs(obj) }); } catch (e) { out.push({ ok: false, error: String(e) }); }
        }
        return out;
      });
      const bad = r.filter((x) => !x.ok);
      assert(bad.length === 0, `setInputs threw: ${bad.map((x) => x.error).join(' | ')}`);
      assert(r.every((x) => x.msgs.length > 0), `each call returned a warning: ${JSON.stringify(r)}`);
      const log = await page.logs();
      assert(log.pageErrors.length === 0, `no page errors: ${log.pageErrors.join(' | ')}`);
    } finally {
      await context.close();
    }
  }]);

  // A value of tens of megabytes was copied into the heap before the model refused it
  // (the heap grew and never shrank); one of a few hundred megabytes did not fit, and the
  // copy wrote through a null pointer: every later call failed with "memory access out of
  // bounds". Now the page refuses a value longer than a query the model takes before encoding it.
  tests.push(['API: setInputs with a 40 MB value is refused with one warning; the heap does not grow; the widget goes on', async () => {
    const { page, context } = await openWith(engine, `${site.url}/index.html`);
    try {
      await waitReady(page);
      const r = await page.evaluate(() => {
        const before = window.rareshock.stats().heapCapacityBytes;
        let msgs, error = null;
        try { msgs = window.rareshock.setInputs({ approval: '7'.repeat(40e6) }); } catch (e) { error = String(e); }
        const after = window.rareshock.stats().heapCapacityBytes;
        const next = window.rareshock.setInputs({ approval: 40 });
        return { msgs, error, before, after, next, approval: window.rareshock.getInputs().approval };
      });
      assert(r.error === null, `setInputs threw: ${r.error}`);
      assert(r.msgs.length === 1 && /ignored: 40000009 characters long, more than a whole query takes \(\d+ bytes\)/.test(r.msgs[0]), `one warning: ${JSON.stringify(r.msgs)}`);
      assert(r.after === r.before, `the heap stayed at ${r.before} bytes (now ${r.after})`);
      assert(r.next.length === 0 && r.approval === 40, `the next call works: ${JSON.stringify(r.next)}, approval ${r.approval}`);
      const log = await page.logs();
      assert(log.pageErrors.length === 0, `no page errors: ${log.pageErrors.join(' | ')}`);
    } finally {
      await context.close();
    }
  }]);

  return tests;
}
