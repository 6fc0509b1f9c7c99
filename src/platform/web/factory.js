// Rare Earth Shock — the JS API factory (appended after the Emscripten module).
//   createRareShock(canvas, inputs?, options?) → Promise<instance>
// instance: setInputs(obj), getInputs(), getResults(), onChange(cb), stats(), setTheme(t), shareUrl()
(function (root) {
  function toQuery(obj) {
    if (!obj || typeof obj !== 'object') return '';
    return Object.keys(obj).map(function (k) {
      try {
        return encodeURIComponent(k) + '=' + encodeURIComponent(String(obj[k]));
      } catch (e) {  // lone surrogates cannot be encoded: skip with a warning
        console.warn('rareshock: input "' + String(k).slice(0, 40) + '" ignored: not valid text');
        return '';
      }
    }).filter(Boolean).join('&');
  }
  function createRareShock(canvas, inputs, options) {
    options = options || {};
    return new Promise(function (resolve, reject) {
      if (!canvas || !canvas.getContext) { reject(new Error('createRareShock: a <canvas> element is required')); return; }
      if (!canvas.id) canvas.id = 'rareshock-canvas';
      var query = [String(options.query || '').replace(/^[?#]/, ''), toQuery(inputs)].filter(Boolean).join('&');
      var moduleArg = {
        'canvas': canvas,
        'rsCanvasSelector': '#' + canvas.id,
        'rsInitialQuery': query,
        'rsShareBase': options.shareBase || '',
        'rsOnReady': function (api) { resolve(api); },
        'rsOnFailed': function (message) { reject(new Error(message)); },
        'print': function (t) { console.log(t); },
        'printErr': function (t) { console.warn(t); },
      };
      if (options.wasmBinary) moduleArg['wasmBinary'] = options.wasmBinary;
      if (options.base) moduleArg['locateFile'] = function (p) { return options.base + p; };
      root['RareShockModule'](moduleArg).catch(reject);
    });
  }
  root['createRareShock'] = createRareShock;
})(typeof window !== 'undefined' ? window : globalThis);
