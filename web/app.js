// Rare Earth Shock — page boot for index.html, embed.html and the offline file.
// Starts the calculator, exposes window.rareshock, fires "rareshock:ready", and,
// in the embed, speaks the embed protocol with the host page.
(function () {
  'use strict';
  var doc = document.documentElement;
  var canvas = document.getElementById('rareshock-canvas');
  var isEmbed = doc.classList.contains('rs-embed');
  var params = new URLSearchParams(window.location.search);

  // The static picture is fetched only when it is needed (the app could not start).
  function fail(reason) {
    console.warn('rareshock: ' + reason);
    doc.classList.add('rs-failed');
    startHeights();
    [].forEach.call(document.querySelectorAll('#rs-fallback source[data-srcset]'), function (el) {  // the phone picture
      el.setAttribute('srcset', el.getAttribute('data-srcset'));
    });
    var img = document.getElementById('rs-fallback-img');
    if (img && img.getAttribute('data-src')) {
      img.src = img.getAttribute('data-src');
      img.removeAttribute('hidden');
    }
  }

  // ---- embed protocol: height out, set/theme in ------------------------------
  function allowedOrigins() {
    var raw = params.get('origins');
    if (!raw) return null;  // default: any origin (the message shape is still checked)
    return raw.split(',').map(function (s) { return s.trim(); }).filter(Boolean);
  }
  function postHeight() {
    if (window.parent === window) return;
    var h = Math.ceil(document.documentElement.getBoundingClientRect().height);
    window.parent.postMessage({ type: 'rareshock:resize', version: 1, height: h }, '*');
    window.parent.postMessage({ sentinel: 'amp', type: 'embed-size', height: h }, '*');
  }
  // Messages can arrive before the calculator is ready (a host sends them on the
  // iframe's load event): they wait in a short queue and are applied on ready.
  var api = null, pending = [];
  function apply(m) {
    if (m.type === 'rareshock:set') api.setInputs(m.inputs);
    else api.setTheme(m.theme);
  }
  // Heights are posted from the moment the calculator (or, failing that, the static
  // picture) is laid out: the loading state's height would shrink the reserved space
  // and grow it back, two layout shifts in the host article.
  var reporting = false;
  function startHeights() {
    if (reporting || !isEmbed) return;
    reporting = true;
    if (typeof ResizeObserver !== 'undefined') new ResizeObserver(postHeight).observe(document.documentElement);
    postHeight();
  }
  function setupEmbed() {
    var origins = allowedOrigins();
    window.addEventListener('message', function (e) {
      if (e.source !== window.parent || window.parent === window) return;
      if (origins && origins.indexOf(e.origin) < 0) {
        console.warn('rareshock: message from ' + e.origin + ' ignored (not in origins=)');
        return;
      }
      var m = e.data;
      if (!m || typeof m !== 'object' || typeof m.type !== 'string' || m.type.indexOf('rareshock:') !== 0) return;
      var ok = (m.type === 'rareshock:set' && m.inputs !== null && typeof m.inputs === 'object' && !Array.isArray(m.inputs)) ||
               (m.type === 'rareshock:theme' && (m.theme === 'light' || m.theme === 'dark' || m.theme === 'auto'));
      if (!ok) {
        if (m.type !== 'rareshock:resize') console.warn('rareshock: malformed message ignored: ' + m.type.slice(0, 40));
        return;
      }
      if (api) apply(m);
      else if (pending.length < 32) pending.push(m);
    });
  }
  function embedReady(instance) {
    api = instance;
    pending.splice(0).forEach(apply);
    startHeights();
  }

  // The page comes in one edition per language (index.html, index.de.html, …), each
  // listed as <link rel="alternate" hreflang>: a lang= for another edition goes there
  // at once, before anything big loads. The calculator speaks the page's language
  // unless lang= says otherwise (the offline file has one edition per file).
  var lang = params.get('lang');
  if (lang && lang !== doc.lang) {
    var other = document.querySelector('link[rel="alternate"][hreflang="' + lang.replace(/[^a-z-]/gi, '') + '"]');
    if (other) {
      window.location.replace(other.getAttribute('href') + window.location.search + window.location.hash);
      return;
    }
  }

  if (!canvas) return;
  if (isEmbed) setupEmbed();
  if (typeof WebAssembly !== 'object' || typeof window.createRareShock !== 'function') {
    fail('WebAssembly is not available: showing the static picture instead');
    return;
  }
  var options = { query: window.location.search, lang: doc.lang };
  // The page's language table (not English: the app carries that), inline in the page.
  var table = document.getElementById('rs-strings');
  if (table && table.textContent) options.strings = { lang: doc.lang, text: table.textContent };
  // The offline file carries the WebAssembly (and, in Japanese, the Japanese face) inline
  // as base64 of gzip; online pages fetch rareshock.wasm and font-ja.ttf.
  function inline(id) {
    var el = document.getElementById(id);
    if (!el || !el.textContent) return null;
    var bin = atob(el.textContent.trim()), bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    if (el.getAttribute('data-encoding') !== 'gzip') return Promise.resolve(bytes.buffer);
    if (typeof DecompressionStream !== 'function') return Promise.reject(new Error('this browser cannot decompress the calculator (no DecompressionStream)'));
    return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
  }
  Promise.all([inline('rs-wasm'), inline('rs-japanese-face')]).then(function (data) {
    if (data[0]) options.wasmBinary = data[0];
    if (data[1]) options.japaneseFace = data[1];
    return window.createRareShock(canvas, null, options);
  }).then(function (instance) {
    window.rareshock = instance;
    doc.classList.add('rs-ready');
    if (isEmbed) embedReady(instance);
    window.dispatchEvent(new CustomEvent('rareshock:ready', { detail: instance }));
  }, function (err) {
    fail(err && err.message ? err.message : String(err));
  });
})();
