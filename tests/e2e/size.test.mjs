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
  }, { needs: ['noBrowser'] }]];
}
