#!/usr/bin/env node
// Writes a file as base64, gzip-compressed first with --gzip (the web build: the
// WebAssembly and the Japanese face inside the offline file, which app.js
// decompresses with the browser's DecompressionStream).
//   node scripts/base64.mjs IN OUT [--gzip]
import fs from 'node:fs';
import zlib from 'node:zlib';
const [input, output, flag] = process.argv.slice(2);
let data = fs.readFileSync(input);
if (flag === '--gzip') data = zlib.gzipSync(data, { level: 9 });
fs.writeFileSync(output, data.toString('base64'));
