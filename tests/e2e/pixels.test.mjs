// Rare Earth Shock — the calculator's canvas in this engine compared with Chromium's,
// pixel by pixel, for the default scenario on a desktop and a phone. The interface is
// drawn by the same WebGL code with the same font atlas everywhere, so a visible
// difference is a rendering bug in one engine (a missing shape, a wrong colour, a seam).
//
// Tolerance, from measurements here: a pixel differs when |ΔR| + |ΔG| + |ΔB| >
// PIXEL_THRESHOLD. WebKitGTK and Firefox differ from Chromium (SwiftShader) only on a few
// glyph edges: 0.010% of the pixels, at most 4.2% of any 24×24 tile. The test fails when
// more than MAX_SHARE of all pixels differ (10× that), or when any BLOCK×BLOCK tile of
// device pixels has more than MAX_BLOCK_SHARE differing (2×: a missing 2-pixel line
// across a tile is 8.3%), so a missing shape, a wrong colour or a band is caught.
// The diff image (differences in magenta over a dimmed reference) is kept in build/e2e-artifacts.
import fs from 'node:fs';
import { startEngine } from '../../tools/engines.mjs';
import { openWith, waitReady, settle, artifact, assert } from './harness.mjs';
import { decodePng, encodePng } from '../../tools/png.mjs';

export const PIXEL_THRESHOLD = 60;
export const MAX_SHARE = 0.001;
export const BLOCK = 24;
export const MAX_BLOCK_SHARE = 0.08;

const CASES = [
  { name: 'desktop-1280-dpr1', width: 1280, height: 900, dpr: 1 },
  { name: 'phone-390-dpr3', width: 390, height: 844, dpr: 3 },
];
// Classic scrollbars (Firefox under X11) would narrow the page and so the canvas.
const NO_SCROLLBARS = `document.documentElement && document.documentElement.style.setProperty('scrollbar-width', 'none');
  document.addEventListener('DOMContentLoaded', function () { document.documentElement.style.setProperty('scrollbar-width', 'none'); });`;

async function canvasShot(engine, url, c) {
  const { page, context } = await openWith(engine, url, { width: c.width, height: c.height, dpr: c.dpr, init: [NO_SCROLLBARS] });
  try {
    await waitReady(page);
    await settle(page);
    const css = await page.evaluate(() => {
      const r = document.getElementById('rareshock-canvas').getBoundingClientRect();
      return { width: r.width, height: r.height, dpr: window.devicePixelRatio };
    });
    // The canvas's own pixels (no compositing or sub-pixel placement): a resize event makes
    // the app draw; a frame callback queued after the app's reads the drawing buffer in the
    // same frame, before it is presented and cleared.
    const dataUrl = await page.evaluate(() => new Promise((resolve) => {
      const canvas = document.getElementById('rareshock-canvas');
      const frames = () => window.rareshock.stats().framesRendered;
      const f0 = frames();
      let tries = 0;
      const check = () => {
        if (frames() > f0) resolve(canvas.toDataURL('image/png'));
        else if (++tries > 600) resolve(null);
        else requestAnimationFrame(check);
      };
      window.dispatchEvent(new Event('resize'));
      requestAnimationFrame(check);
    }));
    assert(dataUrl, 'the app drew a frame after a resize event');
    return { png: Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'), css };
  } finally {
    await context.close();
  }
}

function crop(img, width, height) {
  const W = Math.min(img.width, width), H = Math.min(img.height, height);
  if (W === img.width && H === img.height) return img;
  const data = new Uint8Array(W * H * 4);
  for (let y = 0; y < H; y++) data.set(img.data.subarray(y * img.width * 4, (y * img.width + W) * 4), y * W * 4);
  return { width: W, height: H, data };
}

// → { share, worstBlock: {x, y, share}, diffPng }
export function compareImages(A, B) {
  const { width: W, height: H } = A;
  const out = new Uint8Array(W * H * 4);
  const bw = Math.ceil(W / BLOCK), blocks = new Uint32Array(bw * Math.ceil(H / BLOCK));
  let n = 0;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const i = (y * W + x) * 4;
      const d = Math.abs(A.data[i] - B.data[i]) + Math.abs(A.data[i + 1] - B.data[i + 1]) + Math.abs(A.data[i + 2] - B.data[i + 2]);
      if (d > PIXEL_THRESHOLD) {
        n++;
        blocks[Math.floor(y / BLOCK) * bw + Math.floor(x / BLOCK)]++;
        out[i] = 255; out[i + 1] = 0; out[i + 2] = 255; out[i + 3] = 255;
      } else {
        const g = Math.round((A.data[i] * 0.3 + A.data[i + 1] * 0.59 + A.data[i + 2] * 0.11) * 0.35 + 160);
        out[i] = out[i + 1] = out[i + 2] = g; out[i + 3] = 255;
      }
    }
  }
  let worst = { x: 0, y: 0, share: 0 };
  for (let k = 0; k < blocks.length; k++) {
    const share = blocks[k] / (BLOCK * BLOCK);
    if (share > worst.share) worst = { x: (k % bw) * BLOCK, y: Math.floor(k / bw) * BLOCK, share };
  }
  return { share: n / (W * H), worstBlock: worst, diffPng: encodePng({ width: W, height: H, data: out }) };
}

export function pixelTests({ engine, site }) {
  let chromium = null;
  const tests = [];
  for (const c of CASES) {
    tests.push([`pixels: the default scenario's canvas at ${c.width} px DPR ${c.dpr} matches Chromium's`, async () => {
      chromium = chromium || await startEngine('chromium');
      const url = `${site.url}/index.html`;
      const ref = await canvasShot(chromium, url, c);
      const got = await canvasShot(engine, url, c);
      fs.writeFileSync(artifact(`pixels-${c.name}-chromium.png`), ref.png);
      fs.writeFileSync(artifact(`pixels-${c.name}-${engine.name}.png`), got.png);
      const A = decodePng(ref.png), B = decodePng(got.png);
      assert(got.css.dpr === c.dpr, `${engine.name} ran at DPR ${got.css.dpr}, not ${c.dpr}`);
      // Element screenshots may round a sub-pixel edge either way: up to one CSS pixel is the same size.
      assert(Math.abs(A.width - B.width) <= c.dpr && Math.abs(A.height - B.height) <= c.dpr,
        `canvas sizes differ: Chromium ${A.width}×${A.height} (CSS ${ref.css.width}×${ref.css.height}), ` +
        `${engine.name} ${B.width}×${B.height} (CSS ${got.css.width}×${got.css.height})`);
      const r = compareImages(crop(A, B.width, B.height), crop(B, A.width, A.height));
      const diffFile = artifact(`pixels-${c.name}-${engine.name}-vs-chromium-diff.png`);
      fs.writeFileSync(diffFile, r.diffPng);
      console.log(`     ${engine.name} vs chromium at ${c.name}: ${(r.share * 100).toFixed(3)}% of ${A.width}×${A.height} pixels differ ` +
        `(Δ > ${PIXEL_THRESHOLD}); worst ${BLOCK}×${BLOCK} tile ${(r.worstBlock.share * 100).toFixed(1)}% at ` +
        `(${r.worstBlock.x}, ${r.worstBlock.y}); diff: ${diffFile}`);
      assert(r.share <= MAX_SHARE, `${(r.share * 100).toFixed(3)}% of pixels differ (> ${MAX_SHARE * 100}%): see ${diffFile}`);
      assert(r.worstBlock.share <= MAX_BLOCK_SHARE, `a ${BLOCK}×${BLOCK} tile at (${r.worstBlock.x}, ${r.worstBlock.y}) differs in ` +
        `${(r.worstBlock.share * 100).toFixed(1)}% of its pixels (> ${MAX_BLOCK_SHARE * 100}%): see ${diffFile}`);
    }, { needs: ['crossEngine'] }]);
  }
  tests.close = async () => { if (chromium) await chromium.close(); };
  return tests;
}
