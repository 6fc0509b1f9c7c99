#!/usr/bin/env node
// Rare Earth Shock — a small static server for the built site (no other server needed).
//   node scripts/serve.mjs [--root build/web/site] [--port 8080] [--host 127.0.0.1] [--csp]
// What it sends (MIME types, precompressed copies, --csp's header): tools/server.mjs.
// Stops cleanly on Ctrl-C / SIGTERM.
import fs from 'node:fs';
import path from 'node:path';
import { createServer } from '../tools/server.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : def;
};
const root = path.resolve(opt('--root', 'build/web/site'));
const port = Number(opt('--port', process.env.PORT || 8080));
const host = opt('--host', '127.0.0.1');
const csp = args.includes('--csp');

if (!fs.existsSync(path.join(root, 'index.html'))) {
  console.error(`serve: ${root}/index.html not found: build the site first (cmake --build build/web)`);
  process.exit(1);
}
let server;
try { server = createServer(root, { strictCsp: csp }); } catch (e) { console.error(`serve: ${e.message}`); process.exit(1); }
server.on('error', (e) => { console.error(`serve: cannot listen on ${host}:${port}: ${e.message}`); process.exit(1); });
server.listen(port, host, () => console.log(`Rare Earth Shock is running at http://${host}:${port}/  (Ctrl-C to stop)`));
const stop = () => { server.close(() => process.exit(0)); setTimeout(() => process.exit(0), 500).unref(); };
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
