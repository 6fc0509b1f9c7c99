// Rare Earth Shock — the JS API factory (appended after the Emscripten module).
//   createRareShock(canvas, inputs?, options?) → Promise<instance>
// instance: setInputs(obj), getInputs(), getResults(), onChange(cb), stats(), setTheme(t), shareUrl()
// Any <canvas> will do: with or without an id, whatever its id; each call makes
// an instance of its own, which never looks the canvas up by id (library.js).
// Every start-up failure rejects the promise (the page then shows its static picture):
// no WebAssembly or WebGL2, a failed download, an exception in main() or an abort, and,
// as a last resort, no ready signal within START_TIMEOUT_MS while the page is visible.
(function (root) {
  var START_TIMEOUT_MS = 20000;
  function toQuery(obj) {
    var parts = [];
    try {
      if (!obj || typeof obj !== 'object') return '';
      Object.keys(obj).forEach(function (k) {
        try {
          parts.push(encodeURIComponent(k) + '=' + encodeURIComponent(String(obj[k])));
        } catch (e) {  // a getter that throws, a lone surrogate: skip with a warning
          console.warn('rareshock: input "' + String(k).slice(0, 40) + '" ignored: it could not be read as text');
        }
      });
    } catch (e) {  // a Proxy that refuses to list its keys
      console.warn('rareshock: the initial inputs could not be read; the defaults apply');
    }
    return parts.join('&');
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
      var query = [String(options.query || '').replace(/^[?#]/, ''), toQuery(inputs)].filter(Boolean).join('&');
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
        'rsShareBase': options.shareBase || '',
        'rsOnReady': function (api) { if (!settled) { settled = true; clearInterval(watchdog); resolve(api); } },
        'rsOnFailed': function (message) { fail(new Error(message)); },
        'onAbort': function (what) { fail(new Error('the calculator stopped: ' + what)); },
        'print': function (t) { console.log(t); },
        'printErr': function (t) { console.warn(t); },
        'noInitialRun': true,          // main() runs below, where its exceptions can reject
      };
      if (options.wasmBinary) moduleArg['wasmBinary'] = options.wasmBinary;
      if (options.base) moduleArg['locateFile'] = function (p) { return options.base + p; };
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
  }
  root['createRareShock'] = createRareShock;
})(typeof window !== 'undefined' ? window : globalThis);
