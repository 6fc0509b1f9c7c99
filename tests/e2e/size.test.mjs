// Rare Earth Shock — the payload budget, via scripts/size.sh (which builds nothing).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, SITE, assert } from './harness.mjs';

export const sizeReport = { text: '' };

export function sizeTests() {
  return [['size: embed download ≤ 250 kB compressed, offline file ≤ 600 kB (scripts/size.sh)', async () => {
    const r = spawnSync('bash', [path.join(ROOT, 'scripts/size.sh'), SITE], { encoding: 'utf8' });
    sizeReport.text = r.stdout;
    console.log(r.stdout.trimEnd().split('\n').map((l) => '     ' + l).join('\n'));
    assert(r.status === 0, `scripts/size.sh exited ${r.status}: ${(r.stdout.match(/^FAIL.*$/gm) || []).join('; ')} ${r.stderr}`);
    assert(/size: PASS/.test(r.stdout), 'size.sh printed PASS');
  }, { needs: ['noBrowser'] }],
  ['size: scripts/size.sh names the largest functions of rareshock.wasm and its code by origin', async () => {
    const out = sizeReport.text || spawnSync('bash', [path.join(ROOT, 'scripts/size.sh'), SITE], { encoding: 'utf8' }).stdout;
    const section = (out.split('largest functions:\n')[1] || '').split('\n');
    assert(/^ +\d+ {2}\S/.test(section[0]) && section.slice(0, 15).some((l) => /ImGui::/.test(l)),
      `a named function list in the size report: ${section.slice(0, 3).join(' | ')}`);
    assert(/code by origin:\n +\d+ +\d+ functions {2}\S/.test(out) && /Dear ImGui/.test(out) && /Rare Earth Shock/.test(out),
      'code by origin (Dear ImGui, ours) in the size report');
  }, { needs: ['noBrowser'] }]];
}
