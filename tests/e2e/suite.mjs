// Rare Earth Shock — the browser tests of one engine stage on Node's test runner (node:test):
// one engine and one server of the site for the whole stage, every file's tests registered in
// order (harness.mjs register: a test the engine cannot run is skipped with its reason), all
// closed when the stage ends. run.mjs starts it with the reporters; directly:
//   RS_E2E_ENGINE=webkit [RS_E2E_FILES=loader,export] node --test-name-pattern="embed:" tests/e2e/suite.mjs
import { after } from 'node:test';
import { ENGINES, startEngine } from '../../tools/engines.mjs';
import { serve, register, closeServers } from './harness.mjs';
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

const ENGINE = process.env.RS_E2E_ENGINE || 'chromium';
if (!ENGINES.includes(ENGINE)) throw new Error(`suite: unknown engine RS_E2E_ENGINE="${ENGINE}" (${ENGINES.join(', ')})`);

const engine = await startEngine(ENGINE);
const site = await serve();
const ctx = { engine, site };
// Every file's tests, in the order they run, by file (RS_E2E_FILES=loader,export: only those).
const suites = {
  page: pageTests(ctx), embed: embedTests(ctx), csp: cspTests(ctx), offline: offlineTests(ctx), soak: soakTests(ctx),
  input: inputTests(ctx), size: sizeTests(ctx), build: buildTests(), fallback: fallbackTests(ctx), runtime: runtimeTests(ctx),
  twin: twinTests(ctx), api: apiTests(ctx), phone: phoneTests(ctx), export: exportTests(ctx), pixels: pixelTests(ctx),
  clipboard: clipboardTests(ctx), typed: typedTests(ctx), method: methodTests(ctx), canvas: canvasTests(ctx),
  loading: loadingTests(ctx), lang: langTests(ctx), loader: loaderTests(ctx), producer: producerTests(ctx),
  exceptions: exceptionsTests(),
};
const files = process.env.RS_E2E_FILES ? process.env.RS_E2E_FILES.split(',') : Object.keys(suites);
const unknown = files.filter((f) => !(f in suites));
after(async () => {
  for (const s of Object.values(suites)) if (s.close) await s.close();
  await site.close();
  await engine.close();
  const left = await closeServers();
  if (left) console.warn(`suite: ${left} test server(s) left open by a test, closed at the end of the stage`);
});
if (unknown.length) throw new Error(`suite: no test file ${unknown.map((f) => `${f}.test.mjs`).join(', ')} in tests/e2e`);
for (const f of files) register(suites[f], ENGINE);
