// Rare Earth Shock — the web build's site steps declare their inputs and outputs
// (src/platform/web/CMakeLists.txt): a build with nothing changed does nothing, and the
// fallback pictures are taken again only when what they show changed. Node alone: it runs
// `cmake --build build/web` on the tree the other tests use (which leaves it as it was).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, SITE, assert } from './harness.mjs';

const BUILD = path.join(ROOT, 'build/web');
const FALLBACK = path.join(BUILD, 'fallback');   // the pictures and fallback.json (scripts/make-fallback.mjs --shots)
const NO_OP_LIMIT_MS = 5000;

function build() {
  const t0 = Date.now();
  const r = spawnSync('cmake', ['--build', BUILD, '-j2'], { encoding: 'utf8' });
  const out = `${r.stdout}${r.stderr}`;
  assert(r.status === 0, `cmake --build build/web exited ${r.status}: ${out.slice(-800)}`);
  return { out, ms: Date.now() - t0 };
}

// Every file under `dir` with its modification time (ns), by path.
function mtimes(dir) {
  const all = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const p = path.join(entry.parentPath || entry.path, entry.name);
    all[path.relative(dir, p)] = fs.statSync(p, { bigint: true }).mtimeNs;
  }
  return all;
}
function changed(before, after) {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((n) => before[n] !== after[n]);
}
// The lines make-fallback prints for each picture it takes (one browser run per language).
const SHOT_LINE = /^make-fallback: \S+\.(jpg|png) \d+×\d+, \d+ bytes/m;

export function buildTests() {
  return [['build: a web build right after a build runs no step, launches no browser, rewrites no file, in under 5 s', async () => {
    build();   // up to date first (after scripts/test.sh's web stage: already)
    const site = mtimes(SITE), pictures = mtimes(FALLBACK);
    const again = build();
    assert(/ninja: no work to do/.test(again.out), `the second build did work: ${again.out.slice(0, 600)}`);
    assert(!/make-fallback/.test(again.out), `the second build ran make-fallback: ${again.out.slice(0, 600)}`);
    const rewritten = [...changed(site, mtimes(SITE)), ...changed(pictures, mtimes(FALLBACK)).map((n) => `fallback/${n}`)];
    assert(rewritten.length === 0, `the second build rewrote ${rewritten.slice(0, 8).join(', ')}`);
    assert(again.ms < NO_OP_LIMIT_MS, `the second build took ${again.ms} ms (limit ${NO_OP_LIMIT_MS})`);
    console.log(`     no-op web build: ${again.ms} ms`);
  }, { needs: ['noBrowser'] }],
  ['build: a touched, unchanged web/style.css re-assembles the site and its fallback text, takes no picture again', async () => {
    build();
    const style = path.join(ROOT, 'web/style.css');
    const pictures = mtimes(FALLBACK);
    const record = JSON.parse(fs.readFileSync(path.join(FALLBACK, 'fallback.json'), 'utf8'));
    const now = new Date();
    fs.utimesSync(style, now, now);
    const r = build();
    assert(/Assembling the site/.test(r.out), `touching web/style.css did not re-assemble the site: ${r.out.slice(0, 600)}`);
    assert(/make-fallback: pictures up to date .*no browser/.test(r.out) && !SHOT_LINE.test(r.out),
      `the pictures were taken again (same contents): ${(r.out.match(/^make-fallback.*$/gm) || []).join(' | ')}`);
    const rewritten = changed(pictures, mtimes(FALLBACK)).filter((n) => n !== 'shots.stamp');
    assert(rewritten.length === 0, `pictures rewritten: ${rewritten.join(', ')}`);
    // The re-assembled pages got the pictures back (make-fallback.mjs --apply).
    const en = record.languages.en;
    const index = fs.readFileSync(path.join(SITE, 'index.html'), 'utf8');
    const img = index.match(/<img\b[^>]*\bid="rs-fallback-img"[^>]*>/);
    assert(img && img[0].includes(`"${en.desktop.src}"`) && img[0].includes(`width="${en.desktop.width}"`),
      `index.html's fallback picture after the rebuild: ${img && img[0].slice(0, 200)}`);
    for (const shot of [en.desktop, en.phone]) {
      assert(fs.readFileSync(path.join(SITE, shot.src)).equals(fs.readFileSync(path.join(FALLBACK, shot.src))), `${shot.src} in the site`);
    }
    const after = build();
    assert(/ninja: no work to do/.test(after.out), `the build after that did work: ${after.out.slice(0, 600)}`);
  }, { needs: ['noBrowser'] }]];
}
