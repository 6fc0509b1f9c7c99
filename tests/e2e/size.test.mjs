// Rare Earth Shock — the payload budget, via scripts/size.sh (which builds nothing).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { ROOT, SITE, assert, serve, testServer, listen, waitReady, noErrors } from './harness.mjs';
import { openWith } from './util.mjs';
import { createServer } from '../../tools/server.mjs';

// What the embed downloads (scripts/size.sh FILES) and a Japanese extra.
const EMBED_FILES = ['embed.html', 'app.js', 'style.css', 'rareshock.js', 'rareshock.wasm', 'favicon.svg', 'embed.ja.html', 'font-ja.ttf'];

// GET `url` with `headers`, the body as sent (not decompressed): {status, headers, body}.
function rawGet(url, headers) {
  return new Promise((resolve, reject) => {
    http.get(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

export const sizeReport = { text: '' };

export function sizeTests({ engine } = {}) {
  return [['size: every edition\'s embed download ≤ 210 kB brotli, offline file ≤ 600 kB (scripts/size.sh)', async () => {
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
  }, { needs: ['noBrowser'] }],
  ['size: rareshock.wasm holds no C-library printf, scanf or strtod (src/model/numbers.h does their work)', async () => {
    // The symbol map the build writes beside the app (scripts/size.sh reads it too).
    const map = path.join(SITE, '..', 'src/platform/web/rareshock.js.symbols');
    const names = fs.readFileSync(map, 'utf8').split('\n').map((l) => l.slice(l.indexOf(':') + 1));
    const libc = ['printf_core', 'fmt_fp', '__floatscan', 'sscanf', 'vfscanf', 'strtod', 'vsnprintf', 'fiprintf', '__divtf3', '__multf3'];
    const found = names.filter((n) => libc.includes(n));
    assert(names.length > 500 && names.includes('rareshock::format_v\\28char*\\2c\\20unsigned\\20long\\2c\\20char\\20const*\\2c\\20void*\\29'),
      `the symbol map names the app's functions (${names.length}), numbers.h's format_v among them`);
    assert(found.length === 0, `rareshock.wasm links ${found.join(', ')}: a caller of the C library's formatting came back (scripts/size.sh's profile; wasm-objdump -d finds it)`);
  }, { needs: ['noBrowser'] }],
  ['size: serve.mjs sends the .br copy with Content-Encoding: br (.gz for gzip, the file for identity), Vary: Accept-Encoding; the same bytes decompressed', async () => {
    const site = await serve();
    try {
      for (const file of EMBED_FILES) {
        const original = fs.readFileSync(path.join(SITE, file));
        const br = await rawGet(`${site.url}/${file}`, { 'accept-encoding': 'br' });
        assert(br.status === 200 && br.headers['content-encoding'] === 'br', `${file}: Content-Encoding: br (got ${br.headers['content-encoding']})`);
        assert(/accept-encoding/i.test(br.headers.vary || ''), `${file}: Vary: Accept-Encoding (got ${br.headers.vary})`);
        assert(br.body.length < original.length && zlib.brotliDecompressSync(br.body).equals(original),
          `${file}: ${br.body.length} bytes of brotli that decompress to the file's ${original.length}`);
        assert(Number(br.headers['content-length']) === br.body.length, `${file}: Content-Length is the bytes sent`);
        const gz = await rawGet(`${site.url}/${file}`, { 'accept-encoding': 'gzip, br;q=0' });
        assert(gz.headers['content-encoding'] === 'gzip' && zlib.gunzipSync(gz.body).equals(original), `${file}: gzip when br is refused`);
        const plain = await rawGet(`${site.url}/${file}`, {});
        assert(plain.headers['content-encoding'] === undefined && plain.body.equals(original), `${file}: the file itself without Accept-Encoding`);
      }
      const jpg = await rawGet(`${site.url}/fallback.jpg`, { 'accept-encoding': 'br, gzip' });
      assert(jpg.status === 200 && jpg.headers['content-encoding'] === undefined, 'a picture goes out as it is');
    } finally {
      await site.close();
    }
  }, { needs: ['noBrowser'] }],
  ['size: scripts/size.sh fails when a downloaded file has no fresh .br beside it (missing, or older than the file)', async () => {
    const tmp = fs.mkdtempSync(path.join(ROOT, 'build', 'size-copies-'));
    const site = path.join(tmp, 'site');
    try {
      fs.cpSync(SITE, site, { recursive: true, preserveTimestamps: true });
      const run = () => spawnSync('bash', [path.join(ROOT, 'scripts/size.sh'), site], { encoding: 'utf8' });
      const ok = run();
      assert(ok.status === 0 && /every downloaded file has its \.br and \.gz/.test(ok.stdout), `a copy of the site passes: ${ok.stdout.match(/^FAIL.*$/gm)}`);
      fs.rmSync(path.join(site, 'rareshock.wasm.br'));
      const missing = run();
      assert(missing.status === 1 && /^FAIL +rareshock\.wasm\.br: missing/m.test(missing.stdout), `no rareshock.wasm.br fails: ${missing.stdout.match(/^FAIL.*$/gm)}`);
      const later = new Date(fs.statSync(path.join(site, 'app.js.gz')).mtimeMs + 5000);
      fs.utimesSync(path.join(site, 'app.js'), later, later);
      const stale = run();
      assert(stale.status === 1 && /^FAIL +app\.js\.gz: missing or older/m.test(stale.stdout), `a stale app.js.gz fails: ${stale.stdout.match(/^FAIL.*$/gm)}`);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }, { needs: ['noBrowser'] }],
  ['size: rareshock.wasm carries no default font (ProggyClean; IMGUI_DISABLE_DEFAULT_FONT by src/ui/patches/imgui-1.86-no-default-font.patch)', async () => {
    const draw = fs.readFileSync(path.join(ROOT, '.deps/imgui/imgui_draw.cpp'), 'utf8');
    const data = draw.match(/proggy_clean_ttf_compressed_data_base85\[[^\]]*\] =\s*"([^"]{40})/);
    assert(data, 'the ProggyClean data in Dear ImGui\'s imgui_draw.cpp');
    const wasm = fs.readFileSync(path.join(SITE, 'rareshock.wasm'));
    assert(!wasm.includes(Buffer.from(data[1], 'latin1')), `rareshock.wasm holds ProggyClean's data ("${data[1].slice(0, 12)}…")`);
  }, { needs: ['noBrowser'] }],
  ['size: the embed loads and works from the compressed copies its browser asks for', async () => {
    // The site's own handler, noting each response's Content-Encoding and the request's Accept-Encoding.
    const sent = {};
    const inner = createServer(SITE).listeners('request')[0];
    const server = testServer((req, res) => {
      const writeHead = res.writeHead;
      res.writeHead = function (status, headers) {
        sent[new URL(req.url, 'http://x').pathname] = { accept: req.headers['accept-encoding'] || '', encoding: headers && headers['Content-Encoding'] };
        return writeHead.apply(this, arguments);
      };
      inner(req, res);
    });
    const port = await listen(server, '127.0.0.1');
    const { page, context } = await openWith(engine, `http://127.0.0.1:${port}/embed.html`);
    try {
      await waitReady(page);
      await page.evaluate(() => window.rareshock.setInputs({ approval: 35 }));
      const results = await page.evaluate(() => window.rareshock.getResults());
      assert(results.inputs.approval === 35 && results.summary.length > 20, 'the calculator works');
      await noErrors(page);
      for (const file of ['embed.html', 'app.js', 'style.css', 'rareshock.js', 'rareshock.wasm']) {
        const s = sent[`/${file}`];
        assert(s, `${file} was requested`);
        const wants = ['br', 'gzip'].find((c) => new RegExp(`\\b${c}\\b`).test(s.accept));
        assert(wants && s.encoding === wants, `${file}: sent as ${s.encoding} for Accept-Encoding "${s.accept}"`);
      }
    } finally {
      await context.close();
      await new Promise((r) => server.close(r));
    }
  }]];
}
