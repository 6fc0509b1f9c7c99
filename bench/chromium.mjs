// Rare Earth Shock — what the Chromium benchmarks share (bench/model_chromium.mjs,
// bench/first_frame.mjs): the built site served by tools/server.mjs on a free loopback
// port, headless Debian Chromium through playwright-core with the e2e tests' flags, and
// median / min of a set of runs.
import fs from 'node:fs';
import os from 'node:os';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from '../tools/server.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// --name value from the command line, else `fallback`.
export function option(name, fallback) {
  const args = process.argv.slice(2), i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

// The built site's directory (--site, default build/web/site); exits if it is not built.
export function siteDir(script) {
  const site = path.resolve(option('--site', path.join(ROOT, 'build/web/site')));
  if (!fs.existsSync(path.join(site, 'index.html'))) {
    console.error(`${script}: ${site}/index.html not found: build the site first (cmake --build build/web)`);
    process.exit(1);
  }
  return site;
}

// Serves `site` as tools/server.mjs does, with `headers` added to every response.
// Returns {url, close}.
export async function serveSite(site, headers = {}) {
  const inner = createServer(site).listeners('request')[0];
  const server = http.createServer((req, res) => {
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    inner(req, res);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

export { launchChromium } from '../tools/browser.mjs';

// {median, min, runs} of a list of numbers (nulls left out).
export function summarize(values) {
  const s = values.filter((v) => v !== null && v !== undefined).sort((a, b) => a - b), n = s.length;
  if (!n) return { median: null, min: null, runs: 0 };
  return { median: n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2, min: s[0], runs: n };
}

// The machine's load while a benchmark ran: its numbers are noisy when other work shares the cores.
export function machineLoad() {
  const [one, five] = os.loadavg();
  return `machine: ${os.cpus().length} cores, load average ${one.toFixed(2)} (1 min), ${five.toFixed(2)} (5 min)`;
}
