// Rare Earth Shock — the event sequences real phones send, replayed as DOM events
// inside the page (so they work the same in every engine), and waits on the app's state.
//
// What a phone sends (Chrome on Android, Safari on iOS):
//   tap:            pointerdown, touchstart, pointerup, touchend, then the
//                   compatibility events mousemove, mousedown, mouseup, click at
//                   the same spot (at once, or a few frames later);
//   vertical swipe: pointerdown, touchstart, pointermove/touchmove while the
//                   finger moves, pointercancel when the browser starts to scroll
//                   the page, the page scrolls, more touchmoves, then touchend
//                   (Chrome, Safari) or touchcancel (some Android browsers);
//   horizontal drag (touch-action: pan-y, so the page does not scroll): pointer
//                   and touch moves, pointerup, touchend; no mouse events.
// CDP's Input.dispatchTouchEvent sends only the touch events (tidy, no
// compatibility mouse events), which hid a double press on every tap.

// Runs `steps` in the page. A step is {type, x, y} for an event at viewport
// coordinates (touch*, pointer*, mouse*, click), {type: 'scroll', dy} to scroll
// the page as the browser would, {type: 'frames', n} to let n animation frames
// pass, or {type: 'wait', ms} for the pause a browser leaves between events.
export async function replay(frameOrPage, steps) {
  await frameOrPage.evaluate(async (steps) => {
    const frames = (n) => new Promise((resolve) => {
      let i = 0;
      const step = () => (++i >= n ? resolve() : requestAnimationFrame(step));
      requestAnimationFrame(step);
    });
    let touchTarget = null;
    const id = 7, pointerId = 11;
    for (const s of steps) {
      if (s.type === 'frames') { await frames(s.n); continue; }
      if (s.type === 'wait') { await new Promise((r) => setTimeout(r, s.ms)); continue; }
      if (s.type === 'scroll') { window.scrollBy(0, s.dy); continue; }
      const at = document.elementFromPoint(s.x, s.y) || document.body;
      const common = { bubbles: true, cancelable: true, composed: true, clientX: s.x, clientY: s.y, screenX: s.x, screenY: s.y };
      if (s.type.startsWith('touch')) {
        if (s.type === 'touchstart') touchTarget = at;
        const target = touchTarget || at;
        // WebKit has no Touch constructor (nor Safari): its document.createTouch and
        // createTouchList make the same objects.
        let touch, list;
        try {
          touch = new Touch({ identifier: id, target, clientX: s.x, clientY: s.y, pageX: s.x + scrollX, pageY: s.y + scrollY,
                              screenX: s.x, screenY: s.y, radiusX: 10, radiusY: 10, force: 1 });
          list = (...ts) => ts;
        } catch (e) {
          touch = document.createTouch(window, target, id, s.x + scrollX, s.y + scrollY, s.x, s.y, 10, 10, 0, 1);
          list = (...ts) => document.createTouchList(...ts);
        }
        const lifted = s.type === 'touchend' || s.type === 'touchcancel';
        // A touchmove during a scroll cannot be cancelled, as in a real browser.
        const cancelable = !(s.type === 'touchmove' && s.scrolling) && s.type !== 'touchcancel';
        target.dispatchEvent(new TouchEvent(s.type, { bubbles: true, cancelable, composed: true,
          touches: lifted ? list() : list(touch), targetTouches: lifted ? list() : list(touch), changedTouches: list(touch) }));
        if (lifted) touchTarget = null;
      } else if (s.type.startsWith('pointer')) {
        (touchTarget || at).dispatchEvent(new PointerEvent(s.type, { ...common, pointerId, pointerType: 'touch', isPrimary: true,
          button: s.type === 'pointermove' ? -1 : 0, buttons: s.type === 'pointerdown' || s.type === 'pointermove' ? 1 : 0 }));
      } else {
        const down = s.type === 'mousedown';
        at.dispatchEvent(new MouseEvent(s.type, { ...common, button: 0, buttons: down ? 1 : 0, detail: 1, view: window }));
      }
    }
  }, steps);
}

// A tap as a phone sends it, the compatibility mouse events `delayMs` later
// (0: Chrome on Android; about 350 ms: iOS Safari waiting for a double tap).
export function tapSteps(x, y, delayMs = 0) {
  const steps = [
    { type: 'pointerdown', x, y }, { type: 'touchstart', x, y },
    { type: 'pointerup', x, y }, { type: 'touchend', x, y },
  ];
  if (delayMs > 0) steps.push({ type: 'wait', ms: delayMs });
  steps.push({ type: 'mousemove', x, y }, { type: 'mousedown', x, y }, { type: 'mouseup', x, y }, { type: 'click', x, y });
  return steps;
}

// A vertical swipe that scrolls the page (the finger moves up by `distance` px in
// steps; the browser cancels the pointer and scrolls), ending in touchcancel or touchend.
export function verticalSwipeSteps(x, y, { distance = 180, end = 'touchcancel', drift = 3 } = {}) {
  const steps = [{ type: 'pointerdown', x, y }, { type: 'touchstart', x, y }, { type: 'frames', n: 1 }];
  // The first few px, before the browser decides to scroll: still cancelable.
  for (const dy of [4, 8]) steps.push({ type: 'pointermove', x: x + drift * dy / 8, y: y - dy }, { type: 'touchmove', x: x + drift * dy / 8, y: y - dy });
  steps.push({ type: 'frames', n: 1 }, { type: 'pointercancel', x: x + drift, y: y - 12 });
  let moved = 12;
  while (moved < distance) {
    moved = Math.min(distance, moved + 24);
    steps.push({ type: 'touchmove', x: x + drift, y: y - moved, scrolling: true }, { type: 'scroll', dy: 24 }, { type: 'frames', n: 1 });
  }
  steps.push({ type: end, x: x + drift, y: y - moved });
  return steps;
}

// Waits until the calculator draws nothing and the page does not scroll for `quiet`
// animation frames in a row (it draws only when something changed, and a swipe's fling
// may go on after the finger lifts: so this is "settled", measured in frames).
// The timeout is generous: WebKit under load draws a tall DPR 3 canvas a few times a second.
export async function waitIdle(frameOrPage, { quiet = 10, timeout = 60000 } = {}) {
  await frameOrPage.evaluate(({ quiet, timeout }) => new Promise((resolve, reject) => {
    const t0 = performance.now();
    let last = '', still = 0;
    const tick = () => {
      const now = `${window.rareshock.stats().framesRendered} ${window.scrollX} ${window.scrollY}`;
      still = now === last ? still + 1 : 0;
      last = now;
      if (still >= quiet) resolve();
      else if (performance.now() - t0 > timeout) reject(new Error(`still drawing or scrolling after ${timeout} ms`));
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }), { quiet, timeout });
}

// Scrolls so that a named control of the calculator is in the middle third of the
// viewport; returns its box in viewport coordinates.
export async function bringIntoView(page, name) {
  const box0 = await page.evaluate((n) => window.rareshock.debugItem(n), name);
  if (!box0) return null;
  const vh = await page.evaluate(() => window.innerHeight);
  if (box0.y0 < vh * 0.2 || box0.y1 > vh * 0.8) {
    await page.evaluate((dy) => window.scrollBy(0, dy), Math.round(box0.y0 - vh / 3));
    await waitIdle(page);
  }
  return page.evaluate((n) => window.rareshock.debugItem(n), name);
}

// Scrolls so that an element of the page (a CSS selector) is in the middle third of the
// viewport; returns its box in viewport coordinates, as bringIntoView does for the canvas's controls.
export async function elementIntoView(page, selector) {
  const box = (sel) => page.evaluate((q) => {
    const e = document.querySelector(q);
    if (!e) return null;
    const r = e.getBoundingClientRect();
    return { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom };
  }, sel);
  const box0 = await box(selector);
  if (!box0) return null;
  const vh = await page.evaluate(() => window.innerHeight);
  if (box0.y0 < vh * 0.2 || box0.y1 > vh * 0.8) {
    await page.evaluate((dy) => window.scrollBy(0, dy), Math.round(box0.y0 - vh / 3));
    await waitIdle(page);
  }
  return box(selector);
}
