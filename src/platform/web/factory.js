// Rare Earth Shock — the JS API factory (appended after the Emscripten module).
//   createRareShock(canvas, inputs?, options?) → Promise<instance>
// instance: setInputs(obj), getInputs(), getResults(), onChange(cb), stats(), setTheme(t), shareUrl()
// Any <canvas> will do: with or without an id, whatever its id; each call makes
// an instance of its own, which never looks the canvas up by id (library.js).
(function (root) {
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
      var query = [String(options.query || '').replace(/^[?#]/, ''), toQuery(inputs)].filter(Boolean).join('&');
      var settled = false;
      var fail = function (e) {
        if (settled) return;
        settled = true;
        reject(e instanceof Error ? e : new Error(String(e)));
      };
      var moduleArg = {
        'canvas': canvas,
        'rsInitialQuery': query,
        'rsShareBase': options.shareBase || '',
        'rsOnReady': function (api) { if (!settled) { settled = true; resolve(api); } },
        'rsOnFailed': function (message) { fail(new Error(message)); },
        'onAbort': function (what) { fail(new Error('the calculator stopped: ' + what)); },
        'print': function (t) { console.log(t); },
        'printErr': function (t) { console.warn(t); },
      };
      if (options.wasmBinary) moduleArg['wasmBinary'] = options.wasmBinary;
      if (options.base) moduleArg['locateFile'] = function (p) { return options.base + p; };
      try {
        root['RareShockModule'](moduleArg).catch(fail);
      } catch (e) {
        fail(e);
      }
    });
  }
  root['createRareShock'] = createRareShock;
})(typeof window !== 'undefined' ? window : globalThis);
