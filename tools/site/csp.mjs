// Rare Earth Shock — the offline single file's Content-Security-Policy (its
// {{offline:csp}}, filled once the file's inline parts are final): a <meta http-equiv>
// that allows exactly what the file needs: its own inline <script>s and <style>s by
// SHA-256 hash (never 'unsafe-inline'), compiling its inline WebAssembly
// ('wasm-unsafe-eval'), data: images (the favicon, the PNG export's picture), and
// nothing else: no request of any kind.
import crypto from 'node:crypto';

// Inline elements the browser runs or applies: <script> with no src and a JavaScript
// type (the data blocks, type="application/octet-stream" or "application/json", are
// not run and need no hash), and <style> (also the one in <noscript>, applied when
// scripting is off).
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const STYLE = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;
const JS_TYPES = ['', 'text/javascript', 'application/javascript', 'module'];

// The hash the browser computes: of the element's text after the HTML parser
// normalised its line breaks (CR LF and lone CR become LF), as UTF-8.
function hash(text) {
  const normalised = text.replace(/\r\n?/g, '\n');
  return `'sha256-${crypto.createHash('sha256').update(normalised, 'utf8').digest('base64')}'`;
}

// The policy of an offline file `html`: `base` (the facts' offline policy) with the hashes
// of its inline scripts and styles first in script-src and style-src, then `document`
// (what only a document's own policy needs).
export function offlinePolicy(html, base, document) {
  const scripts = [], styles = [];
  for (const m of html.matchAll(SCRIPT)) {
    if (/\bsrc\s*=/i.test(m[1])) throw new Error('the offline file loads a script from elsewhere: ' + m[0].slice(0, 80));
    const type = (/\btype\s*=\s*["']?([^"'\s>]*)/i.exec(m[1]) || [, ''])[1].toLowerCase();
    if (JS_TYPES.includes(type)) scripts.push(hash(m[2]));
  }
  for (const m of html.matchAll(STYLE)) styles.push(hash(m[1]));
  const hashes = { 'script-src': [...new Set(scripts)], 'style-src': [...new Set(styles)] };
  const directives = base.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...sources] = d.split(/\s+/);
    return [name, ...(hashes[name] || []), ...sources].join(' ');
  });
  return [...directives, document].join('; ');
}
