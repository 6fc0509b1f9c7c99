// Rare Earth Shock — the one list of what an engine's driver cannot express.
// A test names the capabilities it needs (`needs: [...]`); in an engine listed here
// it is not run and is printed as "skipped in <engine>: <reason>" and counted.
// Nothing else may skip a test.
//
// Each capability: `summary` (what it is, one line), `why` (short: one line for every
// engine listed, or {engine: line}), and per engine the measured reason the runner prints.
// The README's table is generated from this list:
//   node tests/e2e/exceptions.mjs --readme   rewrite the table in README.md
//   node tests/e2e/exceptions.mjs --check    exit 1 if README.md's table differs from this list
import { ENGINES, ENGINE_TITLES } from '../../tools/engines.mjs';
import { syncReadme } from '../../tools/readme-blocks.mjs';

export const EXCEPTIONS = {
  touch: {
    summary: 'touch input',
    why: 'WebKitGTK\'s WebDriver delivers touch pointer actions as mouse events',
    webkit: 'WebKitGTK\'s WebDriver delivers pointerType "touch" actions as mouse events (no touch emulation)',
  },
  coarsePointer: {
    summary: 'the layout of a touch screen, as on phones and tablets',
    why: 'no touch-screen emulation: the touch layouts (taller slider rows) and their heights cannot be laid out',
    webkit: 'WebKitGTK has no touch-screen emulation (MiniBrowser under Xvfb sees only a mouse): (pointer: coarse) is ' +
            'never true, so the touch layouts that assets/embed-heights.json records for phones and tablets (taller ' +
            'slider rows) cannot be laid out and compared',
  },
  touchScroll: {
    summary: 'touch swipes that pan the page',
    why: 'its WebDriver touch actions reach the page but never pan it (the replayed swipes of `gestures.mjs` still run)',
    firefox: 'Firefox\'s WebDriver touch actions deliver the DOM touch events to the page but never pan it: a touch ' +
             'swipe leaves even a plain 5,000 px page unscrolled, with no pointercancel (measured with and without ' +
             'headless and APZ preferences); the replayed swipes (gestures.mjs) still run in Firefox',
  },
  layoutShiftApi: {
    summary: 'layout shift (CLS)',
    why: 'neither engine has the Layout Instability API',
    firefox: 'Gecko has no Layout Instability API (PerformanceObserver "layout-shift"), so CLS cannot be measured',
    webkit: 'WebKit has no Layout Instability API (PerformanceObserver "layout-shift"), so CLS cannot be measured',
  },
  printToPdf: {
    summary: 'printing to PDF (pages, the picture made on `beforeprint`)',
    why: 'WebKitWebDriver has neither WebDriver\'s Print Page nor BiDi\'s `browsingContext.print`; the print layout runs everywhere',
    webkit: 'WebKitWebDriver 2.50 cannot print: WebDriver\'s Print Page (POST /session/{id}/print) answers "unknown command: ' +
            'Unknown command: /session/<id>/print", and a session asking for WebDriver BiDi (webSocketUrl: true, for ' +
            'browsingContext.print) is refused with "session not created: Failed to match capabilities"; the print layout ' +
            '(the page\'s @media print rules after beforeprint) is tested in every engine',
  },
  noBrowser: {
    summary: 'checks of files and build scripts',
    why: 'no browser involved: they run once, in the Chromium stage',
    firefox: 'no browser involved (Node alone checks a file\'s size or content, or a build script): it runs once, in the chromium stage',
    webkit: 'no browser involved (Node alone checks a file\'s size or content, or a build script): it runs once, in the chromium stage',
  },
  downloads: {
    summary: 'clipboard read-back and download events (twin\'s Copy link, CSV, PNG)',
    why: 'only Playwright\'s driver offers clipboard permissions and download events',
    firefox: 'the test reads the clipboard and the downloaded files through Playwright (permissions, download events), ' +
             'which puppeteer\'s WebDriver BiDi does not offer',
    webkit: 'the test reads the clipboard and the downloaded files through Playwright (permissions, download events), ' +
            'which WebDriver classic does not offer',
  },
  crossEngine: {
    summary: 'pixels compared with Chromium',
    why: 'it is the reference',
    chromium: 'Chromium is the reference the other engines\' pixels are compared with',
  },
  dprChange: {
    summary: 'a new devicePixelRatio in a live page (zoom, resize storm)',
    why: 'WebKitGTK\'s ratio is the `GDK_SCALE` its process started with; WebDriver cannot change it or the zoom',
    webkit: 'WebKitGTK\'s devicePixelRatio is the GDK_SCALE its process started with (one WebKitWebDriver per scale); ' +
            'WebDriver has no command to change it or the page zoom in a live page, and MiniBrowser\'s zoom keys do not ' +
            'reach it through WebDriver actions (measured: devicePixelRatio and innerWidth stay put)',
  },
  webglEviction: {
    summary: 'the browser evicting the oldest WebGL context',
    why: 'Firefox ESR 153 evicts none (measured with 1,200 contexts); the same loss made by the page runs everywhere',
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

// ---- the README's table ------------------------------------------------------------------------
export const README_TOOL = 'exceptions';   // its markers: <!-- exceptions:table --> … <!-- /exceptions:table -->

// The engines a capability is listed for (in ENGINES order); fails on an entry the table
// could not say truly (an unknown engine, no summary or why, a why for another engine).
function enginesOf(cap) {
  const e = EXCEPTIONS[cap];
  const unknown = Object.keys(e).filter((k) => k !== 'summary' && k !== 'why' && !ENGINES.includes(k));
  if (unknown.length) throw new Error(`exceptions.mjs: ${cap} names unknown engines ${unknown.join(', ')} (${ENGINES.join(', ')})`);
  const engines = ENGINES.filter((n) => typeof e[n] === 'string' && e[n]);
  const line = (t) => typeof t === 'string' && t.length > 0 && !t.includes('\n');
  if (!engines.length) throw new Error(`exceptions.mjs: ${cap} lists no engine`);
  if (!line(e.summary)) throw new Error(`exceptions.mjs: ${cap} has no one-line summary`);
  const perEngine = e.why && typeof e.why === 'object';
  if (perEngine ? !(engines.every((n) => line(e.why[n])) && Object.keys(e.why).length === engines.length) : !line(e.why)) {
    throw new Error(`exceptions.mjs: ${cap} needs a one-line why, or one for each of ${engines.join(', ')}`);
  }
  return engines;
}

export function readmeBlocks() {
  const cell = (t) => t.replace(/\|/g, '\\|');
  const rows = Object.keys(EXCEPTIONS).map((cap) => {
    const e = EXCEPTIONS[cap], engines = enginesOf(cap);
    const why = typeof e.why === 'string' ? e.why : engines.map((n) => `${ENGINE_TITLES[n]}: ${e.why[n]}`).join('; ');
    return `| ${cell(e.summary)} (\`${cap}\`) | ${engines.map((n) => ENGINE_TITLES[n]).join(', ')} | ${cell(why)} |`;
  });
  return { table: ['| capability | engines | why |', '|---|---|---|', ...rows].join('\n') };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  if (args.length !== 1 || !['--readme', '--check'].includes(args[0])) {
    console.error('usage: node tests/e2e/exceptions.mjs --readme|--check');
    process.exit(2);
  }
  const changed = syncReadme({ tool: README_TOOL, blocks: readmeBlocks(), check: args[0] === '--check',
    source: 'tests/e2e/exceptions.mjs', command: 'node tests/e2e/exceptions.mjs --readme' });
  if (args[0] === '--readme') console.log(`${README_TOOL}: README.md ${changed ? 'updated' : 'unchanged'}`);
}
