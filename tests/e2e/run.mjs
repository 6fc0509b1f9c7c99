#!/usr/bin/env node
// Rare Earth Shock — browser tests, one suite in three engines.
//   node tests/e2e/run.mjs [--engine chromium|firefox|webkit|all] [filter]
// (default engine chromium; filter: run only the tests whose name contains it, e.g. "embed:")
// Exceptions (what an engine cannot express) are listed in exceptions.mjs and printed.
import { ENGINES, startEngine } from '../../tools/engines.mjs';
import { serve, runTests } from './harness.mjs';
import { pageTests } from './page.test.mjs';
import { embedTests } from './embed.test.mjs';
import { loaderTests } from './loader.test.mjs';
import { cspTests } from './csp.test.mjs';
import { offlineTests } from './offline.test.mjs';
import { soakTests } from './soak.test.mjs';
import { inputTests } from './input.test.mjs';
import { sizeTests } from './size.test.mjs';
import { fallbackTests } from './fallback.test.mjs';
import { runtimeTests } from './runtime.test.mjs';
import { twinTests } from './twin.test.mjs';
import { apiTests } from './api.test.mjs';
import { phoneTests } from './phone.test.mjs';
import { exportTests } from './export.test.mjs';
import { pixelTests } from './pixels.test.mjs';
import { clipboardTests } from './clipboard.test.mjs';
import { typedTests } from './typed.test.mjs';
import { methodTests } from './method.test.mjs';
import { canvasTests } from './canvas.test.mjs';
import { loadingTests } from './loading.test.mjs';
import { langTests } from './lang.test.mjs';
import { producerTests } from './producer.test.mjs';
import { exceptionsTests } from './exceptions.test.mjs';
import { buildTests } from './build.test.mjs';

const args = process.argv.slice(2);
let engineArg = 'chromium', filter;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--engine') engineArg = args[++i];
  else if (args[i].startsWith('--engine=')) engineArg = args[i].slice(9);
  else filter = args[i];
}
const names = engineArg === 'all' ? ENGINES : [engineArg];
if (!names.every((n) => ENGINES.includes(n))) {
  console.error(`run: unknown engine "${engineArg}" (${ENGINES.join(', ')} or all)`);
  process.exit(2);
}

let ok = true;
for (const name of names) {
  const t0 = Date.now();
  const engine = await startEngine(name);
  const site = await serve();
  const ctx = { engine, site };
  const suites = [pageTests(ctx), embedTests(ctx), cspTests(ctx), offlineTests(ctx), soakTests(ctx), inputTests(ctx),
                  sizeTests(ctx), buildTests(), fallbackTests(ctx), runtimeTests(ctx), twinTests(ctx), apiTests(ctx), phoneTests(ctx),
                  exportTests(ctx), pixelTests(ctx), clipboardTests(ctx), typedTests(ctx), methodTests(ctx),
                  canvasTests(ctx), loadingTests(ctx), langTests(ctx), loaderTests(ctx), producerTests(ctx), exceptionsTests()];
  try {
    ok = (await runTests(suites.flat(), name, filter)) && ok;
  } finally {
    for (const s of suites) if (s.close) await s.close();
    await site.close();
    await engine.close();
  }
  console.log(`e2e-${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
process.exit(ok ? 0 : 1);
