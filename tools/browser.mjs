// Rare Earth Shock — headless Chromium as the build and the tests start it: Debian's
// Chromium through playwright-core, SwiftShader WebGL, nothing talking to the network.
// Used by the site generator (tools/site/fallback.mjs, heights.mjs: the site's pictures
// and heights are Chromium's) and by the browser tests' driver layer (tools/engines.mjs).
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-features=Translate,MediaRouter,OptimizationHints', '--hide-scrollbars', '--mute-audio',
];

// A playwright-core Browser; `extraArgs` are added to CHROMIUM_ARGS (e.g. '--disable-webgl').
// `gpuCompositing`: without --disable-gpu, so that the compositor runs in the GPU process
// (SwiftShader here) as on a phone, rather than in software, which reads every changed
// WebGL canvas back into the renderer's main thread at each commit.
export function launchChromium(extraArgs = [], { gpuCompositing = false } = {}) {
  const args = gpuCompositing ? CHROMIUM_ARGS.filter((a) => a !== '--disable-gpu') : CHROMIUM_ARGS;
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...args, ...extraArgs], headless: true });
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
