// Rare Earth Shock — Copy link on the canvas. WebKit (every iPhone browser) allows a
// clipboard write only inside a user gesture; the status (the canvas's line and the
// twin's role="status" line, read here) may say "Link copied" only once the clipboard
// has it, and a refused copy offers the link, selected, to copy by hand.
import { openWith, waitReady, settle, animationFrames, assert, noErrors } from './harness.mjs';
import { bringIntoView } from './gestures.mjs';

// Records every navigator.clipboard.writeText call. The real write happens at once (inside
// the gesture, as the page asked), but its promise is handed back to the page only when
// the test calls window.__release(): so the test can look at the status line in between.
const RECORD_COPIES = `window.__copies = [];
if (navigator.clipboard && navigator.clipboard.writeText) {
  var realWrite = navigator.clipboard.writeText.bind(navigator.clipboard);
  navigator.clipboard.writeText = function (text) {
    var rec = { text: text, state: 'pending' };
    window.__copies.push(rec);
    var p = realWrite(text);
    p.then(function () { rec.state = 'resolved'; }, function (e) { rec.state = 'rejected: ' + (e && e.name); });
    return new Promise(function (resolve, reject) { window.__release = function () { p.then(resolve, reject); }; });
  };
}`;
const REFUSE_COPIES = `if (navigator.clipboard) navigator.clipboard.writeText = function () {
  return Promise.reject(new DOMException('refused by the test', 'NotAllowedError')); };`;

async function clickShare(page) {
  // Scrolled into view first, as a reader would: the button may sit below the first screen.
  const b = await bringIntoView(page, 'share');
  assert(b, 'the share button is located');
  await page.mouse.click((b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2);
}

export function clipboardTests({ engine, site }) {
  const tests = [];

  tests.push(['copy link: a click writes the link to the clipboard inside the gesture, and says so only once it is there', async () => {
    const { page, context } = await openWith(engine, `${site.url}/index.html`, { init: [RECORD_COPIES] });
    try {
      await waitReady(page);
      await settle(page);
      const url = await page.evaluate(() => window.rareshock.shareUrl());
      await clickShare(page);
      await page.waitFor(() => window.__copies.length > 0 && window.__copies[0].state !== 'pending', null, 15000);
      // The clipboard has answered, but the page has not heard yet: no success on screen.
      await settle(page);
      const before = await page.evaluate(() => ({ copies: window.__copies, status: (document.querySelector('.rs-twin-status') || {}).textContent }));
      assert(before.copies.length === 1, `one clipboard write (${JSON.stringify(before.copies)})`);
      assert(before.copies[0].text === url, `the share link was written (${before.copies[0].text} vs ${url})`);
      assert(before.copies[0].state === 'resolved', `the browser accepted the write (${before.copies[0].state})`);
      assert(!/copied/i.test(before.status), `no "copied" before the clipboard's promise resolves (status "${before.status}")`);
      await page.evaluate(() => window.__release());
      await page.waitFor(() => /Link copied/.test((document.querySelector('.rs-twin-status') || {}).textContent), null, 10000)
        .catch(async () => { throw new Error(`status after the promise resolved: "${await page.evaluate(() => (document.querySelector('.rs-twin-status') || {}).textContent)}"`); });
      await animationFrames(page, 5);
      const after = await page.evaluate(() => window.__copies.length);
      assert(after === 1, `still one clipboard write after ImGui saw the press (${after})`);
      await noErrors(page);
    } finally {
      await context.close();
    }
  }]);

  tests.push(['copy link: when the browser refuses, the status says so and the link is offered, selected, to copy by hand', async () => {
    const { page, context } = await openWith(engine, `${site.url}/index.html`, { init: [REFUSE_COPIES] });
    try {
      await waitReady(page);
      await settle(page);
      const url = await page.evaluate(() => window.rareshock.shareUrl());
      await clickShare(page);
      await page.waitFor(() => document.querySelector('.rs-copy-link') && /by hand/.test((document.querySelector('.rs-twin-status') || {}).textContent), null, 15000)
        .catch(async () => { throw new Error(`no link offered (status "${await page.evaluate(() => (document.querySelector('.rs-twin-status') || {}).textContent)}")`); });
      const offer = await page.evaluate(() => {
        const el = document.querySelector('.rs-copy-link'), r = el.getBoundingClientRect();
        return { value: el.value, focused: document.activeElement === el, start: el.selectionStart, end: el.selectionEnd,
                 visible: r.width > 100 && r.height > 10, status: (document.querySelector('.rs-twin-status') || {}).textContent };
      });
      assert(offer.value === url, `the field holds the share link (${offer.value})`);
      assert(offer.focused && offer.start === 0 && offer.end === url.length, `the link is focused and selected (${JSON.stringify(offer)})`);
      assert(offer.visible, 'the field is visible');
      assert(!/Link copied/.test(offer.status), `the status does not claim success ("${offer.status}")`);
      await noErrors(page);
    } finally {
      await context.close();
    }
  }]);

  return tests;
}
