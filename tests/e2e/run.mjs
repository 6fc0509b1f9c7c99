#!/usr/bin/env node
// Rare Earth Shock — browser tests. `node tests/e2e/run.mjs [filter]`
// (filter: run only the tests whose name contains it, e.g. "embed:" or "soak")
import { launch, serve, runTests } from './harness.mjs';
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
import { methodTests } from './method.test.mjs';
import { canvasTests } from './canvas.test.mjs';
import { loadingTests } from './loading.test.mjs';
import { langTests } from './lang.test.mjs';
import { producerTests } from './producer.test.mjs';

const filter = process.argv[2];
const browser = await launch();
const site = await serve();
const ctx = { browser, site };
const suites = [pageTests(ctx), embedTests(ctx), cspTests(ctx), offlineTests(ctx), soakTests(ctx), inputTests(ctx),
                sizeTests(ctx), fallbackTests(ctx), runtimeTests(ctx), twinTests(ctx), apiTests(ctx), phoneTests(ctx),
                exportTests(ctx), methodTests(ctx), canvasTests(ctx), loadingTests(ctx), langTests(ctx)];
let ok = false;
suites.push(loaderTests(ctx));  // the host loader and the embed's edges (issue 11)
suites.push(producerTests(ctx));  // accent, bg=transparent, headline=off (issue 11)
try {
  ok = await runTests(suites.flat(), filter);
} finally {
  for (const s of suites) if (s.close) await s.close();
  await site.close();
  await browser.close();
}
process.exit(ok ? 0 : 1);
