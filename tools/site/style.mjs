// Rare Earth Shock — the site's style.css: the themes' colours generated from
// src/ui/theme.cpp (rareshock_facts --css: theme.css), the page's reserved canvas heights
// measured into assets/embed-heights.json ("page": tools/site/heights.mjs), then
// web/style.css, which only uses them; minified.
import fs from 'node:fs';
import { minifyCss } from './minify.mjs';

export function siteStyle(themeCssFile, styleFile, heights) {
  const reserve = `:root{${['narrow', 'medium', 'wide'].map((band) => {
    const px = heights.page[band];
    if (!Number.isFinite(px)) throw new Error(`assets/embed-heights.json: no page height for "${band}"`);
    return `--rs-reserve-${band}:${px}px;`;
  }).join('')}}\n`;
  return minifyCss(fs.readFileSync(themeCssFile, 'utf8') + reserve + fs.readFileSync(styleFile, 'utf8'));
}
