// Rare Earth Shock — the JS API factory (appended after the Emscripten module).
//   createRareShock(canvas, inputs?, options?) → Promise<instance>
// inputs: as setInputs takes them (page.js RSPage.query encodes both, with the same warnings).
// options: query (a query string), lang ("en", "de", "ja"; the query's lang= wins),
// strings ({lang, text}: that language's table, else strings-<lang>.json is fetched),
// japaneseFace (font-ja.ttf's bytes, else fetched for Japanese), shareBase,
// base (where rareshock.wasm, strings-*.json and font-ja.ttf are), wasmBinary (its bytes) or
// wasmResponse (a Promise of the fetch of rareshock.wasm the page started early), and for
// tests testHooks ({failMallocs: N}: the page's next N allocations in the WebAssembly heap
// fail, as in a full heap; the object is read at each allocation, so a test may set it later).
// instance: setInputs(obj), getInputs(), getResults(), onChange(cb), stats(), setTheme(t), shareUrl()
// Any <canvas> will do: with or without an id, whatever its id; each call makes
// an instance of its own, which never looks the canvas up by id (library.js).
// Every start-up failure rejects the promise (the page then shows its static picture):
// no WebAssembly or WebGL2, a failed download, an exception in main() or an abort, and,
// as a last resort, no ready signal within START_TIMEOUT_MS while the page is visible.
(function (root) {
  var START_TIMEOUT_MS = 20000;
  // Where this script came from: font-ja.ttf sits beside it (as rareshock.wasm does).
  var scriptDir = '';
  try { scriptDir = document.currentScript && document.currentScript.src ? document.currentScript.src.replace(/[^\/?#]*([?#].*)?$/, '') : ''; } catch (e) { scriptDir = ''; }
  // The language a query asks for: its last valid lang= ("" if none).
  function languageOf(query) {
    var lang = '';
    query.split('&').forEach(function (part) {
      var kv = part.split('=');
      if (kv[0] === 'lang' && /^[a-z]{2}$/.test(kv[1] || '')) lang = kv[1];
    });
    return lang;
  }
  // Japanese needs its own face (Inter has no Japanese): fetched only then, from
  // options.japaneseFace (bytes, the offline file) or font-ja.ttf beside the script.
  // Resolves to {bytes} or {error} and never rejects: a rejection still unhandled when
  // it happens (the module attaches its handler later) is reported as uncaught.
  function japaneseFace(options) {
    var url = (options.base || scriptDir) + 'font-ja.ttf';
    var got = options.japaneseFace ? Promise.resolve(options.japaneseFace) : fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ': HTTP ' + r.status);
      return r.arrayBuffer();
    });
    return got.then(function (bytes) { return { 'bytes': bytes }; },
                    function (e) { return { 'error': String(e && e.message ? e.message : e) }; });
  }
  function createRareShock(canvas, inputs, options) {
    options = options || {};
    return new Promise(function (resolve, reject) {
      var isCanvas = false;
      try { isCanvas = !!canvas && String(canvas.tagName).toLowerCase() === 'canvas' && typeof canvas.getContext === 'function'; } catch (e) { isCanvas = false; }
      if (!isCanvas) { reject(new Error('createRareShock: a <canvas> element is required')); return; }
      if (!canvas.parentElement) { reject(new Error('createRareShock: the canvas must be in the document')); return; }
      if (typeof WebAssembly !== 'object') { reject(new Error('WebAssembly is not available: showing the static picture instead')); return; }
      if (typeof WebGL2RenderingContext === 'undefined') { reject(new Error('WebGL2 is not available: showing the static picture instead')); return; }
      // options.lang first: a lang= in options.query (the page's own link) wins over it.
      // Only when the query names none: a page's own lang=en is not "given more than once".
      var ownLang = /(^|[?&#])lang=/.test(String(options.query || ''));
      var langParam = options.lang && !ownLang ? 'lang=' + encodeURIComponent(String(options.lang)) : '';
      var query = [langParam, String(options.query || '').replace(/^[?#]/, '')].filter(Boolean).join('&');
      var settled = false, watchdog = 0;
      var fail = function (e) {
        if (settled) return;
        settled = true;
        clearInterval(watchdog);
        reject(e instanceof Error ? e : new Error(String(e)));
      };
      var visibleMs = 0;
      watchdog = setInterval(function () {
        if (typeof document !== 'undefined' && document.hidden) return;   // background tabs draw nothing
        if ((visibleMs += 500) >= START_TIMEOUT_MS) fail(new Error('the calculator did not start within ' + START_TIMEOUT_MS / 1000 + ' s'));
      }, 500);
      var moduleArg = {
        'canvas': canvas,
        'rsInitialQuery': query,
        'rsInitialInputs': inputs,     // encoded in the module by the one encoder setInputs uses (page.js RSPage.query)
        'rsShareBase': options.shareBase || '',
        'rsOnReady': function (api) { if (!settled) { settled = true; clearInterval(watchdog); resolve(api); } },
        'rsOnFailed': function (message) { fail(new Error(message)); },
        'onAbort': function (what) { fail(new Error('the calculator stopped: ' + what)); },
        'print': function (t) { console.log(t); },
        'printErr': function (t) { console.warn(t); },
        'noInitialRun': true,          // main() runs below, where its exceptions can reject
      };
      var lang = languageOf(query);
      if (lang === 'ja') moduleArg['rsJapaneseFace'] = japaneseFace(options);
      if (options.wasmBinary) moduleArg['wasmBinary'] = options.wasmBinary;
      else if (options.wasmResponse) {
        // The page's own fetch of rareshock.wasm, compiled as it downloads when it comes as
        // application/wasm (else from its bytes, as the module's own loader would).
        moduleArg['instantiateWasm'] = function (imports, receive) {
          Promise.resolve(options.wasmResponse).then(function (response) {
            if (!response || !response.ok) throw new Error('rareshock.wasm: ' + (response ? 'HTTP ' + response.status : 'no response'));
            var type = String(response.headers.get('Content-Type') || '');
            return typeof WebAssembly.instantiateStreaming === 'function' && /^application\/wasm\b/.test(type)
              ? WebAssembly.instantiateStreaming(response, imports)
              : response.arrayBuffer().then(function (bytes) { return WebAssembly.instantiate(bytes, imports); });
          }).then(function (result) { receive(result['instance'], result['module']); }, function (e) {
            fail(new Error('the calculator could not be loaded: ' + (e && e.message ? e.message : e)));
          });
          return {};  // the exports come through receive()
        };
      }
      if (options.testHooks && typeof options.testHooks === 'object') moduleArg['rsTestHooks'] = options.testHooks;
      if (options.base) moduleArg['locateFile'] = function (p) { return options.base + p; };
      // The app carries English only: another language's table comes with the page
      // (options.strings = {lang, text}) or from strings-<code>.json beside the script.
      var strings = options.strings && options.strings.lang === lang ? Promise.resolve(options.strings)
        : lang && lang !== 'en' ? fetch((options.base || scriptDir) + 'strings-' + lang + '.json').then(function (r) {
          if (!r.ok) throw new Error('HTTP ' + r.status);
          return r.text();
        }).then(function (text) { return { lang: lang, text: text }; }, function (e) {
          console.warn('rareshock: the ' + lang + ' texts could not be loaded (' + (e && e.message ? e.message : e) + '): showing English');
          return null;
        }) : Promise.resolve(null);
      strings.then(function (table) {
        if (table) moduleArg['rsStrings'] = { 'lang': table.lang, 'text': table.text };
        try {
          root['RareShockModule'](moduleArg).then(function (module) {
            try {
              module['_main'](0, 0);
            } catch (e) {
              if (e !== 'unwind') fail(new Error('the calculator could not start: ' + (e && e.message || e)));
            }
          }, fail);
        } catch (e) {
          fail(e);
        }
      });
    });
  }
  root['createRareShock'] = createRareShock;
})(typeof window !== 'undefined' ? window : globalThis);
