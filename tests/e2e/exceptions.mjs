// Rare Earth Shock — the one list of what an engine's driver cannot express.
// A test names the capabilities it needs (`needs: [...]`); in an engine listed here
// it is not run and is printed as "skipped in <engine>: <reason>" and counted.
// Nothing else may skip a test.

export const EXCEPTIONS = {
  touch: {
    webkit: 'WebKitGTK\'s WebDriver delivers pointerType "touch" actions as mouse events (no touch emulation)',
  },
  coarsePointer: {
    webkit: 'WebKitGTK has no touch-screen emulation (MiniBrowser under Xvfb sees only a mouse): (pointer: coarse) is ' +
            'never true, so the touch layouts that assets/embed-heights.json records for phones and tablets (taller ' +
            'slider rows) cannot be laid out and compared',
  },
  touchScroll: {
    firefox: 'Firefox\'s WebDriver touch actions deliver the DOM touch events to the page but never pan it: a touch ' +
             'swipe leaves even a plain 5,000 px page unscrolled, with no pointercancel (measured with and without ' +
             'headless and APZ preferences); the replayed swipes (gestures.mjs) still run in Firefox',
  },
  layoutShiftApi: {
    firefox: 'Gecko has no Layout Instability API (PerformanceObserver "layout-shift"), so CLS cannot be measured',
    webkit: 'WebKit has no Layout Instability API (PerformanceObserver "layout-shift"), so CLS cannot be measured',
  },
  printToPdf: {
    webkit: 'WebKitWebDriver 2.50 cannot print: WebDriver\'s Print Page (POST /session/{id}/print) answers "unknown command: ' +
            'Unknown command: /session/<id>/print", and a session asking for WebDriver BiDi (webSocketUrl: true, for ' +
            'browsingContext.print) is refused with "session not created: Failed to match capabilities"; the print layout ' +
            '(the page\'s @media print rules after beforeprint) is tested in every engine',
  },
  noBrowser: {
    firefox: 'no browser involved (Node alone checks a file\'s size or content, or a build script): it runs once, in the chromium stage',
    webkit: 'no browser involved (Node alone checks a file\'s size or content, or a build script): it runs once, in the chromium stage',
  },
  downloads: {
    firefox: 'the test reads the clipboard and the downloaded files through Playwright (permissions, download events), ' +
             'which puppeteer\'s WebDriver BiDi does not offer',
    webkit: 'the test reads the clipboard and the downloaded files through Playwright (permissions, download events), ' +
            'which WebDriver classic does not offer',
  },
  crossEngine: {
    chromium: 'Chromium is the reference the other engines\' pixels are compared with',
  },
  dprChange: {
    webkit: 'WebKitGTK\'s devicePixelRatio is the GDK_SCALE its process started with (one WebKitWebDriver per scale); ' +
            'WebDriver has no command to change it or the page zoom in a live page, and MiniBrowser\'s zoom keys do not ' +
            'reach it through WebDriver actions (measured: devicePixelRatio and innerWidth stay put)',
  },
  webglEviction: {
    firefox: 'Firefox ESR 153 does not take the oldest WebGL context away when a page makes more: with 1,200 other live ' +
             'WebGL2 contexts (each cleared and finished) the calculator\'s context was not lost within a minute, nor was ' +
             'any context with webgl.max-contexts and webgl.max-contexts-per-principal set to 16 (Chromium and WebKit keep ' +
             '16 and lose the least recently used); the same loss made by the page and never restored is tested in every engine',
  },
};

// The reason `engine` cannot run a test that needs `needs`, or null.
export function exceptionFor(engine, needs = []) {
  for (const n of needs) {
    if (!(n in EXCEPTIONS)) throw new Error(`unknown capability "${n}" (tests/e2e/exceptions.mjs)`);
    if (EXCEPTIONS[n][engine]) return EXCEPTIONS[n][engine];
  }
  return null;
}
