#!/usr/bin/env node
// Writes a file as base64 (the web build: the Japanese face inside the offline file).
//   node scripts/base64.mjs IN OUT
import fs from 'node:fs';
const [input, output] = process.argv.slice(2);
fs.writeFileSync(output, fs.readFileSync(input).toString('base64'));
