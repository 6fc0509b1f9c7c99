// Rare Earth Shock — headless Chromium as the build and the tests start it: Debian's
// Chromium through playwright-core, SwiftShader WebGL, nothing talking to the network.
// Used by scripts/make-fallback.mjs and scripts/measure-heights.mjs (the site's pictures
// and heights are Chromium's) and by the browser tests' driver layer (tools/engines.mjs).
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-features=Translate,MediaRouter,OptimizationHints', '--hide-scrollbars', '--mute-audio',
];

// A playwright-core Browser; `extraArgs` are added to CHROMIUM_ARGS (e.g. '--disable-webgl').
export function launchChromium(extraArgs = []) {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs], headless: true });
}

// Opens `url` in a new context of `browser` (light theme; a touch phone when `touch`);
// returns { page, errors, close } with the page's console errors and uncaught exceptions.
export async function openPage(browser, url, { width, height, dpr = 1, touch = false }) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr,
    colorScheme: 'light', hasTouch: touch, isMobile: touch });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  return { page, errors, close: () => context.close() };
}
