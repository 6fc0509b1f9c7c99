// Rare Earth Shock — page boot for index.html, embed.html and the offline file.
// Starts the calculator, exposes window.rareshock, fires "rareshock:ready", and,
// in the embed, speaks the embed protocol with the host page.
(function () {
  'use strict';
  var doc = document.documentElement;
  var canvas = document.getElementById('rareshock-canvas');
  var isEmbed = doc.classList.contains('rs-embed');
  var params = new URLSearchParams(window.location.search);
  var MAX_URL_CHARS = 2048;
  // The themes a host may ask for (the facts' theme_modes: src/ui/page_options.h), filled in by the site generator.
  var THEME_MODES = {{facts:theme-modes}};
  // Producer options that shape the page before the app runs (the app validates
  // them all again and warns about bad values): bg=transparent, headline=off.
  if (params.get('bg') === 'transparent') doc.classList.add('rs-transparent');
  if (params.get('headline') === 'off') doc.classList.add('rs-no-headline');

  // ---- share links: back to the article that embeds the calculator ------------
  // share=URL (the loader passes data-share-url, the host's canonical link or its
  // address) is the page share links lead to; its fragment names the embed there
  // ("#rareshock" if none), and the link is "<share>?<scenario>", which the loader
  // on that page hands to the embed. Only http: and https: URLs are taken.
  function shareBase() {
    var raw = params.get('share');
    if (raw === null || raw === '') return '';
    var url = null;
    try { url = raw.length <= MAX_URL_CHARS ? new URL(raw) : null; } catch (e) { url = null; }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      console.warn('rareshock: share=' + JSON.stringify(raw.slice(0, 60)) + ' ignored: not an absolute http: or https: URL' +
        (raw.length > MAX_URL_CHARS ? ' of at most ' + MAX_URL_CHARS + ' characters' : ''));
      return '';
    }
    var anchor = url.hash.slice(1).split('?')[0];
    url.hash = anchor || 'rareshock';
    return url.href;
  }

  // The offline file opened from file:// names the page where the calculator is
  // published (RS_PUBLIC_URL, written in by the build): with no share=, its share
  // links lead there, never to the file's path (which can hold the reader's name).
  function publicBase() {
    var meta = window.location.protocol === 'file:' && document.querySelector('meta[name="rareshock-public-url"]');
    return meta ? meta.getAttribute('content') || '' : '';
  }

  // The embed's starting query. A share link opened on the article arrives in the
  // fragment (from the loader): its scenario replaces the inputs of the embed's
  // address, and only the display options of the address are kept. A share link
  // carries the scenario only: display options in the fragment are dropped, with
  // one warning; the rest goes to the model's query decoder only.
  var DISPLAY_OPTIONS = {{facts:page-options}};  // ui/page_options.h page_option_keys(), filled in by the site generator
  function isDisplayOption(part) {
    var key = part.split('=')[0];
    try { key = decodeURIComponent(key); } catch (e) { /* not a name the model takes either */ }
    return DISPLAY_OPTIONS.indexOf(key) >= 0;
  }
  function startQuery() {
    var scenario = isEmbed ? window.location.hash.slice(1) : '';
    if (!scenario) return search;
    var kept = [];
    params.forEach(function (v, k) {
      if (DISPLAY_OPTIONS.indexOf(k) >= 0) kept.push(encodeURIComponent(k) + '=' + encodeURIComponent(v));
    });
    var parts = scenario.slice(0, MAX_URL_CHARS).split('&');
    var dropped = parts.filter(isDisplayOption);
    if (dropped.length) {
      console.warn('rareshock: ' + dropped.map(function (p) { return p.split('=')[0].slice(0, 20); }).join(', ') +
        ' in the share link ignored: a share link carries the scenario only; this embed keeps its own display options');
    }
    return kept.concat(parts.filter(function (p) { return !isDisplayOption(p); })).join('&');
  }

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
  // iframe's load event): the inputs of every rareshock:set are merged (a preset
  // starts afresh, as it does when applied) and the latest theme kept, then both
  // are applied on ready, with one warning if several messages were merged.
  var api = null;
  var pending = { inputs: null, theme: null, count: 0 };
  function apply(m) {
    if (m.type === 'rareshock:set') api.setInputs(m.inputs);
    else api.setTheme(m.theme);
  }
  function queue(m) {
    if (m.type === 'rareshock:theme') { pending.count++; pending.theme = m.theme; return; }
    var merged = {};
    if (pending.inputs && !Object.prototype.hasOwnProperty.call(m.inputs, 'preset')) {
      Object.keys(pending.inputs).forEach(function (k) { merged[k] = pending.inputs[k]; });
    }
    Object.keys(m.inputs).forEach(function (k) { merged[k] = m.inputs[k]; });
    var big = setTooBig(merged);  // the merged set has the bounds of one message
    if (big) { console.warn('rareshock: rareshock:set ignored: with the messages before it, ' + big); return; }
    pending.count++;
    pending.inputs = merged;
  }
  function flush() {
    var n = (pending.inputs ? 1 : 0) + (pending.theme ? 1 : 0);
    if (pending.count > n) {
      console.warn('rareshock: ' + pending.count + ' messages arrived before the calculator was ready; applied as ' +
        (pending.inputs ? 'one rareshock:set with the inputs merged' : '') + (pending.inputs && pending.theme ? ' and ' : '') +
        (pending.theme ? 'the latest theme (' + pending.theme + ')' : ''));
    }
    if (pending.inputs) apply({ type: 'rareshock:set', inputs: pending.inputs });
    if (pending.theme) apply({ type: 'rareshock:theme', theme: pending.theme });
    pending = { inputs: null, theme: null, count: 0 };
  }

  // A rareshock:set carries at most 64 inputs and 4,096 characters of names and
  // values (every input with room to spare); a bigger one is refused whole, with
  // one warning, before anything is decoded.
  var MAX_SET_KEYS = 64, MAX_SET_CHARS = 4096;
  function setTooBig(inputs) {
    var keys = 0, chars = 0;
    for (var k in inputs) {
      if (!Object.prototype.hasOwnProperty.call(inputs, k)) continue;
      var v = inputs[k];
      chars += k.length + (typeof v === 'string' ? v.length : 24);
      if (++keys > MAX_SET_KEYS) return 'more than ' + MAX_SET_KEYS + ' inputs';
      if (chars > MAX_SET_CHARS) return 'more than ' + MAX_SET_CHARS + ' characters';
    }
    return '';
  }
  // Heights are posted from the moment the calculator (or, failing that, the static
  // picture) is laid out: the loading state's height would shrink the reserved space
  // and grow it back, two layout shifts in the host article.
  var reporting = false;
  function startHeights() {
    if (reporting || !isEmbed) return;
    reporting = true;
    var changed = function () { postHeight(); updateCutNotice(); };
    if (typeof ResizeObserver !== 'undefined') new ResizeObserver(changed).observe(document.documentElement);
    window.addEventListener('resize', updateCutNotice);
    changed();
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
               (m.type === 'rareshock:theme' && THEME_MODES.indexOf(m.theme) >= 0);
      if (!ok) {
        if (m.type !== 'rareshock:resize') console.warn('rareshock: malformed message ignored: ' + m.type.slice(0, 40));
        return;
      }
      var big = m.type === 'rareshock:set' ? setTooBig(m.inputs) : '';
      if (big) {
        console.warn('rareshock: rareshock:set with ' + big + ' ignored');
        return;
      }
      if (api) apply(m);
      else queue(m);
    });
  }
  function embedReady(instance) {
    api = instance;
    flush();
    startHeights();
    instance.onChange(updateCutNotice);
  }

  // ---- a fixed frame shorter than the calculator ------------------------------
  // The iframe-only snippet has a fixed height and nothing resizes it: when the
  // calculator is taller than its frame, a note at the frame's foot says so and
  // opens the full page with the same scenario. Hosts that resize the frame (the
  // loader, AMP) pass resize=host.
  var cut = null;  // <p class="rs-cutoff"> of embed.html
  // Only inside a frame the host does not resize (opened on its own, the page scrolls).
  var fixedFrame = window.parent !== window && params.get('resize') !== 'host';
  function updateCutNotice() {
    if (!fixedFrame) return;
    if (!cut) cut = document.getElementById('rs-cutoff');  // in the page, in its language
    if (!cut) return;
    var content = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (content <= window.innerHeight + 1) {
      cut.hidden = true;
      return;
    }
    // The full page of the same edition (index.html, index.de.html, …).
    var full = new URL(doc.lang && doc.lang !== 'en' ? 'index.' + doc.lang + '.html' : 'index.html', window.location.href);
    var link = api ? api.shareUrl() : '';
    full.search = link.indexOf('?') >= 0 ? link.slice(link.lastIndexOf('?') + 1) : window.location.search;
    cut.firstChild.href = full.href;
    cut.hidden = false;
  }

  // ---- "Method and sources" on open ------------------------------------------
  // The embeds do not carry it (their download has a budget): the section holds a
  // link to its own page (method.html, method.de.html, …), whose body comes in when
  // the reader opens the section. If it cannot, the link stays: it opens that page.
  function methodOnOpen() {
    var section = document.getElementById('rs-method');
    var body = section && section.querySelector('[data-rs-method-src]');
    if (!body) return;
    function load() {
      if (!section.open || body.getAttribute('data-rs-state')) return;
      var src = body.getAttribute('data-rs-method-src');
      body.setAttribute('data-rs-state', 'loading');
      body.setAttribute('aria-busy', 'true');
      fetch(src).then(function (r) {
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.text();
      }).then(function (text) {
        var got = new DOMParser().parseFromString(text, 'text/html').querySelector('.rs-method-body');
        if (!got) throw new Error('no section in it');
        while (body.firstChild) body.removeChild(body.firstChild);
        while (got.firstChild) body.appendChild(document.adoptNode(got.firstChild));
        body.setAttribute('data-rs-state', 'loaded');
      }).catch(function (e) {
        body.setAttribute('data-rs-state', 'failed');
        console.warn('rareshock: "Method and sources" could not be loaded from ' + src + ' (' + (e && e.message ? e.message : e) + '): its link opens it');
      }).then(function () { body.removeAttribute('aria-busy'); });
    }
    section.addEventListener('toggle', load);
    load();
  }
  methodOnOpen();

  // The page comes in one edition per language (index.html, index.de.html, …), each
  // listed as <link rel="alternate" hreflang>: a lang= for another edition goes there
  // at once, before anything big loads. The calculator speaks the page's language
  // unless lang= says otherwise (the offline file has one edition per file).
  // lang= names an edition in any case, with spaces around ("JA", "de "): the reader goes
  // there once, with lang= spelt as the edition's code, so that page stays; a value that
  // names no edition goes nowhere (the calculator warns once that it is no language).
  var search = window.location.search;
  var lang = (params.get('lang') || '').trim().toLowerCase();
  var editions = {};
  editions[doc.lang] = '';
  [].forEach.call(document.querySelectorAll('link[rel="alternate"][hreflang]'), function (link) {
    editions[link.getAttribute('hreflang')] = link.getAttribute('href');
  });
  if (lang && Object.prototype.hasOwnProperty.call(editions, lang)) {
    search = search.replace(/([?&])lang=[^&]*/g, '$1lang=' + lang);
    params = new URLSearchParams(search);
    if (lang !== doc.lang) {
      window.location.replace(editions[lang] + search + window.location.hash);
      return;
    }
  }

  if (!canvas) return;
  if (isEmbed) setupEmbed();
  if (typeof WebAssembly !== 'object') {
    fail('WebAssembly is not available: showing the static picture instead');
    return;
  }
  var options = { query: startQuery(), shareBase: shareBase() || publicBase(), lang: doc.lang };
  // This script runs before rareshock.js (the pages list it first): the WebAssembly's
  // download starts now rather than once rareshock.js has run, and the factory compiles
  // it as it comes. (A <link rel="preload" as="fetch"> would start it sooner, but WebKit's
  // fetch() does not take it and downloads the file twice.) The offline file has it inline.
  if (!document.getElementById('rs-wasm') && typeof fetch === 'function') {
    options.wasmResponse = fetch('rareshock.wasm', { credentials: 'same-origin' });
    options.wasmResponse.catch(function () { /* reported by the factory, which waits on it */ });
  }
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
  // rareshock.js (the factory) has run once the document is parsed.
  var parsed = new Promise(function (resolve) {
    if (document.readyState !== 'loading') resolve();
    else document.addEventListener('DOMContentLoaded', function () { resolve(); });
  });
  Promise.all([inline('rs-wasm'), inline('rs-japanese-face'), parsed]).then(function (data) {
    if (typeof window.createRareShock !== 'function') throw new Error('the calculator could not be loaded (rareshock.js): showing the static picture instead');
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
