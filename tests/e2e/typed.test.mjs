// Rare Earth Shock — typed entry with an on-screen keyboard. On a touch screen a tap on a
// slider's number field puts a real <input inputmode="decimal"> over it, focused (so a
// phone shows its keyboard); the value reaches the calculator as the reader types, Enter
// or leaving the field commits it, Escape puts the old value back. Touch comes from the
// engine (CDP in Chromium, WebDriver BiDi actions in Firefox; see exceptions.mjs).
import { openWith, waitReady, assert, noErrors } from './harness.mjs';
import { replay, tapSteps, waitIdle, bringIntoView } from './gestures.mjs';

const PHONE = { width: 390, height: 844, dpr: 2, touch: true, mobile: true };

// Taps the typed entry of slider `key`; waits until a text field has focus; returns the entry's box.
async function tapField(page, key) {
  const box = await bringIntoView(page, `typed:${key}`);
  assert(box, `the typed entry of ${key} is located`);
  await page.touch.tap(Math.round((box.x0 + box.x1) / 2), Math.round((box.y0 + box.y1) / 2));
  await page.waitFor(() => document.activeElement && document.activeElement.classList.contains('rs-typed'), null, 10000)
    .catch(async () => {
      throw new Error(`no text field took focus (active: ${await page.evaluate(() => document.activeElement && document.activeElement.outerHTML.slice(0, 80))})`);
    });
  return box;
}

const activeField = (page) => page.evaluate(() => {
  const el = document.activeElement, r = el.getBoundingClientRect();
  return { inputmode: el.getAttribute('inputmode'), type: el.type, value: el.value, field: el.getAttribute('data-field'),
           label: el.getAttribute('aria-label'), selected: el.selectionEnd - el.selectionStart, fontPx: parseFloat(getComputedStyle(el).fontSize),
           x0: r.left, y0: r.top, x1: r.right, y1: r.bottom };
});

export function typedTests({ engine, site }) {
  const tests = [];

  tests.push(['touch: a tap on a number field opens a real decimal text field over it; typing updates the calculator; Enter and blur commit', async () => {
    const { page, context } = await openWith(engine, `${site.url}/index.html`, PHONE);
    try {
      await waitReady(page);
      await waitIdle(page);
      const before = await page.evaluate(() => window.rareshock.getInputs().approval);
      const box = await tapField(page, 'approval');
      const field = await activeField(page);
      assert(field.inputmode === 'decimal' && field.type === 'text' && field.field === 'approval',
             `an <input type="text" inputmode="decimal"> for approval (${JSON.stringify(field)})`);
      assert(field.label && field.label.length > 3, `it has the field's label (${field.label})`);
      assert(field.fontPx >= 16, `16 px text, so iOS does not zoom into it (${field.fontPx})`);
      assert(field.value === String(before) && field.selected === field.value.length, `it holds the current value, selected (${JSON.stringify(field)})`);
      for (const [a, b] of [['x0', 'x0'], ['y0', 'y0'], ['x1', 'x1'], ['y1', 'y1']]) {
        assert(Math.abs(field[a] - box[b]) <= 1, `it covers the canvas's field (${JSON.stringify(field)} vs ${JSON.stringify(box)})`);
      }
      // As the reader types, the calculator follows.
      await page.keyboard.type('6');
      await page.waitFor(() => window.rareshock.getInputs().approval === 6, null, 10000);
      await page.keyboard.type('0');
      await page.waitFor(() => window.rareshock.getInputs().approval === 60, null, 10000);
      await page.keyboard.press('Enter');
      await page.waitFor(() => !document.querySelector('.rs-typed'), null, 10000);
      const r = await page.evaluate(() => window.rareshock.getResults());
      assert(r.inputs.approval === 60, `Enter committed 60 (${r.inputs.approval})`);
      // Leaving the field commits too; a decimal comma is read as a point.
      await tapField(page, 'inventory');
      await page.keyboard.type('90');
      await page.evaluate(() => document.activeElement.blur());
      await page.waitFor(() => !document.querySelector('.rs-typed') && window.rareshock.getInputs().inventory === 90, null, 10000);
      await noErrors(page);
    } finally {
      await context.close();
    }
  }, { needs: ['touch'] }]);

  tests.push(['touch: Escape puts the old value back; a swipe that starts on a number field scrolls and opens no field', async () => {
    const { page, context } = await openWith(engine, `${site.url}/index.html`, PHONE);
    try {
      await waitReady(page);
      await waitIdle(page);
      const before = await page.evaluate(() => window.rareshock.getInputs().inventory);
      await tapField(page, 'inventory');
      await page.keyboard.type('12');
      await page.waitFor(() => window.rareshock.getInputs().inventory === 12, null, 10000);
      await page.keyboard.press('Escape');
      await page.waitFor((b) => !document.querySelector('.rs-typed') && window.rareshock.getInputs().inventory === b, before, 10000)
        .catch(async () => { throw new Error(`Escape restored ${before} (now ${await page.evaluate(() => window.rareshock.getInputs().inventory)})`); });
      // A finger that moves is not a tap: no field, no change.
      await waitIdle(page);
      const box = await bringIntoView(page, 'typed:approval');
      const x = Math.round((box.x0 + box.x1) / 2), y = Math.round((box.y0 + box.y1) / 2);
      const inputs0 = await page.evaluate(() => JSON.stringify(window.rareshock.getInputs()));
      await page.touch.start(x, y);
      for (let k = 1; k <= 6; k++) await page.touch.move(x, y - 15 * k);
      await page.touch.end();
      await waitIdle(page);
      const after = await page.evaluate(() => ({ field: !!document.querySelector('.rs-typed'), inputs: JSON.stringify(window.rareshock.getInputs()) }));
      assert(!after.field, 'a swipe opened no text field');
      assert(after.inputs === inputs0, `a swipe changed no input (${inputs0} → ${after.inputs})`);
      await noErrors(page);
    } finally {
      await context.close();
    }
  }, { needs: ['touch'] }]);

  // The same tap replayed as phones and tablets send it (gestures.mjs: pointer and touch events,
  // then the compatibility mouse events), so that it runs in every engine, WebKit too, at a
  // tablet's width.
  tests.push(['touch (replayed as a tablet sends it): a tap on a number field opens a real decimal text field; typing updates the calculator', async () => {
    const { page, context } = await openWith(engine, `${site.url}/index.html`, { ...PHONE, width: 768, height: 1024 });
    try {
      await waitReady(page);
      await waitIdle(page);
      const box = await bringIntoView(page, 'typed:inventory');
      assert(box, 'the typed entry of inventory is located');
      await replay(page, tapSteps(Math.round((box.x0 + box.x1) / 2), Math.round((box.y0 + box.y1) / 2), 350));
      const field = await activeField(page);
      assert(field.inputmode === 'decimal' && field.field === 'inventory', `the decimal field for inventory has focus (${JSON.stringify(field)})`);
      await page.keyboard.type('77');
      await page.waitFor(() => window.rareshock.getInputs().inventory === 77, null, 10000);
      await page.keyboard.press('Enter');
      await page.waitFor(() => !document.querySelector('.rs-typed'), null, 10000);
      await waitIdle(page);
      assert((await page.evaluate(() => window.rareshock.getInputs().inventory)) === 77, 'Enter committed 77');
      await noErrors(page);
    } finally {
      await context.close();
    }
  }]);

  return tests;
}
