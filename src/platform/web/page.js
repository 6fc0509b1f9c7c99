// Rare Earth Shock — the page side of the calculator: its state (RSPage), what
// crosses between C++ and JavaScript, setInputs, and the JS API instance.
//
// [SECTION] Boundary (what crosses between C++ and JavaScript, and how much)
// [SECTION] Inputs (setInputs never throws)
// [SECTION] API (the instance behind window.rareshock and createRareShock)
//
// The first of the --pre-js files, which run inside the Emscripten module (one copy
// per instance), in this order: page.js, twin.js (the accessible twin and the live
// summary), fields.js (real fields over the canvas), detail.js (the words under the
// canvas). library.js's rs_js_* functions call RSPage.* from C.
// The closure compiler checks and minifies it with the rest of the glue: names
// the page sees, and the keys of RS_FACTS and the results JSON, are quoted so
// the compiler keeps them. RS_FACTS (facts.js, generated at build time from the
// model's field table) gives the field keys, labels, ranges, presets, actions and
// the themes a page may ask for (theme_modes).
//
// The boundary is small and quiet: a change crosses as a generation number, a
// few dozen numbers (the inputs), the summary sentence and the twin's table of
// results as text (C++ lays out every number the page shows: the page formats none). The
// full results JSON is made, once per generation, only when asked for
// (getResults(), or an onChange listener).

/** @const */
var RSPage = {
  facts: RS_FACTS,
  instance: 0,          // 1 for the first calculator on the page, 2 for the next, … (element ids)
  canvas: null,
  container: null,
  api: null,
  listeners: [],
  generation: 0,        // of the results last published by C++
  json: '',             // the results JSON of jsonGeneration, as text
  jsonGeneration: -1,
  summary: '',
  provisional: true,
  presetIndex: -1,
  regionRows: '',       // the twin's table of results of the last publication (ui/detail.h twin_rows)
  theme: 'light',
  bytes: 0,             // bytes read from or written to the WebAssembly heap by this file
  twin: null,
  live: null,
  status: null,
  table: null,
  liveTimer: 0,
  statusTimer: 0,
  lastLive: '',
  changeQueued: false,
  detail: null,         // the detail under the canvas (ui/detail.h), written once per settled result
  detailGeneration: -1,
  detailBytes: 0,       // bytes of detail HTML read from the heap (once per settled change, apart from `bytes`)
  // Console warnings printed per setInputs call; every warning is still returned.
  MAX_PRINTED_WARNINGS: 8,
  // Keys taken per setInputs call: every input, a preset and a theme, with room to
  // spare. A bigger object is refused whole (one warning, nothing decoded).
  MAX_INPUT_KEYS: 64,
};

//-----------------------------------------------------------------------------
// [SECTION] Boundary
//-----------------------------------------------------------------------------
RSPage.warn = function (msg) { console.warn('rareshock: ' + msg); };

// Every allocation the page's JavaScript makes in the WebAssembly heap goes through
// here, and every caller checks it: 0 when the heap is full (it may grow to 128 MiB,
// no further). Tests make the next N fail with createRareShock's testHooks option
// ({failMallocs: N}, an object the test keeps and may change later); a link cannot.
RSPage.malloc = function (n) {
  var hooks = Module['rsTestHooks'];
  var p = hooks && hooks['failMallocs'] > 0 ? (hooks['failMallocs']--, 0) : _malloc(n);
  if (!p) RSPage.warn('no memory for ' + n + ' bytes');
  return p;
};

// A text in the reader's language, by key, from the tables compiled into the
// WebAssembly (assets/strings/<code>.json; ui/text.h page_text): the page keeps
// no copy of its own. Each key crosses once.
RSPage.texts = {};
RSPage.t = function (key, values) {
  var s = RSPage.texts[key];
  if (s === undefined) s = RSPage.call('rs_api_text', key, true);
  if (s === null) s = key;  // no memory for the question: the key, this time
  else RSPage.texts[key] = s;
  return !values ? s : s.replace(/\{([a-z0-9_]+)\}/g, function (m, name) { return values[name] !== undefined ? String(values[name]) : m; });
};

// A string from the heap (counted).
RSPage.read = function (ptr) {
  if (!ptr) return '';
  var s = UTF8ToString(ptr);
  RSPage.bytes += lengthBytesUTF8(s);
  return s;
};

// Calls a C function that takes one string and returns an owned (malloc'd)
// string, or (`borrowed`) one that C++ keeps. null if there is no memory for `s`.
RSPage.call = function (name, s, borrowed) {
  var n = lengthBytesUTF8(s) + 1, p = RSPage.malloc(n);
  if (!p) return null;  // never write through a null pointer
  stringToUTF8(s, p, n);
  RSPage.bytes += n;
  var r = Module['_' + name](p), out = RSPage.read(r);
  _free(p);
  if (!borrowed) _free(r);
  return out;
};

// Numbers as the results JSON writes them (results.cpp append_fixed): reals to 6
// decimals, integers and the seed to 0, rounded half away from zero. The same
// IEEE operations, so getInputs() and getResults().inputs agree to the last bit.
RSPage.asJson = function (v, kind) {
  if (v !== v || v === Infinity || v === -Infinity) return null;
  var scale = kind === 'real' ? 1e6 : 1, s = v * scale, a = Math.abs(s), u = Math.floor(a);
  if (a - u >= 0.5) u += 1;
  return (s < 0 ? -u : u) / scale;
};

// A field's value as the API gives it: a number, or an approval path's text
// ("61:25,83:60"), which crosses as a string.
RSPage.fieldValue = function (i, number) {
  var f = RSPage.facts['fields'][i];
  return f['kind'] === 'path' ? RSPage.read(Module['_rs_api_field_text'](i)) : RSPage.asJson(number, f['kind']);
};

// The current inputs, read from the model (one number per field); without memory for
// that, the inputs last published (they differ only within the task of a setInputs).
RSPage.published = {};
RSPage.inputs = function () {
  var fields = RSPage.facts['fields'], n = fields.length, out = RSPage.malloc(8 * n);
  var inputs = {};
  if (!out) {
    Object.keys(RSPage.published).forEach(function (k) { inputs[k] = RSPage.published[k]; });
    return inputs;
  }
  Module['_rs_api_inputs'](out, n);
  for (var i = 0; i < n; i++) inputs[fields[i]['key']] = RSPage.fieldValue(i, HEAPF64[(out >> 3) + i]);
  RSPage.bytes += 8 * n;
  _free(out);
  return inputs;
};

// The results JSON of the current inputs (the central estimate runs first if it
// is due), crossing once per generation.
RSPage.resultsText = function () {
  var generation = Module['_rs_api_current_generation']();
  if (generation !== RSPage.jsonGeneration) {
    RSPage.json = RSPage.read(Module['_rs_api_results_json']());
    RSPage.jsonGeneration = generation;
  }
  return RSPage.json;
};

// Applies a query ("approval=30&preset=embargo"); returns the model's messages.
RSPage.applyQuery = function (q) {
  // A query longer than the model takes is refused here, with the model's message,
  // before it is copied into the heap.
  var n = lengthBytesUTF8(q);
  if (n > Module['_rs_api_max_query_bytes']()) return /** @type {!Array<string>} */ (JSON.parse(RSPage.read(Module['_rs_api_query_too_long'](n))));
  var r = RSPage.call('rs_api_apply_query', q);
  return r ? /** @type {!Array<string>} */ (JSON.parse(r)) : ['nothing was applied: the calculator has no memory left'];
};

// C++ published new results (see js_bridge.h for the layout of `data`):
// [provisional, preset index, one value per field]; the summary sentence; and the
// twin's table of results as text (a line per region, its cells separated by tabs).
RSPage.resultsChanged = function (generation, dataPtr, count, summaryPtr, rowsPtr) {
  var d = HEAPF64.subarray(dataPtr >> 3, (dataPtr >> 3) + count);
  RSPage.bytes += 8 * count;
  var fields = RSPage.facts['fields'], nf = fields.length;
  RSPage.generation = generation;
  RSPage.provisional = d[0] !== 0;
  RSPage.presetIndex = d[1];
  var inputs = {};
  for (var i = 0; i < nf; i++) inputs[fields[i]['key']] = RSPage.fieldValue(i, d[2 + i]);
  RSPage.regionRows = RSPage.read(rowsPtr);
  RSPage.published = inputs;
  RSPage.summary = RSPage.read(summaryPtr);
  RSPage.syncTwin(inputs);
  RSPage.syncDetail();
  RSPage.speak(RSPage.summary);
  RSPage.queueChange();
};

// Runs fn in a task of its own, after the current one (a message to ourselves: not
// throttled in hidden tabs as setTimeout is). The frame that publishes results stays
// short: the detail's rewrite and the onChange listeners' full results each come after
// it, so that no one task holds the page's main thread (on a phone, the host article's) long.
RSPage.later = function (fn) {
  if (!RSPage.laterChannel) {
    RSPage.laterChannel = new MessageChannel();
    RSPage.laterQueue = [];
    RSPage.laterChannel.port1.onmessage = function () {
      var next = RSPage.laterQueue.shift();
      if (next) next();
    };
  }
  RSPage.laterQueue.push(fn);
  RSPage.laterChannel.port2.postMessage(0);
};

// onChange listeners get the full results, once per generation, in a task after the
// current one (its C++ has returned: a listener may call setInputs at once).
RSPage.queueChange = function () {
  if (!RSPage.listeners.length || RSPage.changeQueued) return;
  RSPage.changeQueued = true;
  RSPage.later(function () {
    RSPage.changeQueued = false;
    if (!RSPage.listeners.length) return;
    var results = JSON.parse(RSPage.resultsText());
    RSPage.listeners.slice().forEach(function (cb) {
      try { cb(results); } catch (e) { console.error(e); }
    });
  });
};

// The twin takes the theme; so does the whole page when the canvas is the page
// shells' own (#rareshock-canvas: index.html, embed.html, the offline file), and
// only then: a calculator made on another page's canvas leaves that page alone.
// `look`: the theme, then a producer's accent and the text on it ("dark #7cb4f0 #16181d"),
// validated and contrast-checked by the app; the page's colours follow.
RSPage.themeChanged = function (look) {
  var parts = String(look).split(' ');
  var theme = parts[0];
  RSPage.theme = theme;
  var targets = [RSPage.twin];
  if (RSPage.canvas && RSPage.canvas.id === 'rareshock-canvas') targets.push(document.documentElement);
  targets.forEach(function (el) {
    if (!el) return;
    if (el.getAttribute('data-rs-theme') !== theme) el.setAttribute('data-rs-theme', theme);
    if (parts.length === 3) {
      el.style.setProperty('--rs-accent', parts[1]);
      el.style.setProperty('--rs-on-accent', parts[2]);
    } else {
      el.style.removeProperty('--rs-accent');
      el.style.removeProperty('--rs-on-accent');
    }
  });
};

//-----------------------------------------------------------------------------
// [SECTION] Inputs
//-----------------------------------------------------------------------------
// What an exception says, without letting a second one escape.
RSPage.describe = function (e) {
  try { return String(e && e.message !== undefined ? e.message : e).slice(0, 80); } catch (e2) { return 'an exception'; }
};

// {approval: 30} → "approval=30": the one encoder of inputs as a query, for
// setInputs and for createRareShock's initial inputs (`caller` names which in the
// warnings). Returns null if obj is not an object; adds to `warnings` for every
// value it cannot take. Never throws: getters that throw, Proxies and revoked
// Proxies, cycles (values must be numbers, strings or booleans, so nothing is
// walked) all end as warnings.
RSPage.query = function (obj, warnings, caller) {
  var keys;
  try {
    if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return null;
    // A Map, a Date, …: their entries are no properties (an object without a prototype is plain).
    var kind = Object.prototype.toString.call(obj);
    if (kind !== '[object Object]') {
      warnings.push(caller + ' expects a plain object such as {approval: 30}; a ' + kind.slice(8, -1).slice(0, 40) + ' gives no inputs');
      return '';
    }
    keys = Object.keys(obj);
  } catch (e) {
    warnings.push(caller + ': the object could not be read (' + RSPage.describe(e) + ')');
    return '';
  }
  if (keys.length > RSPage.MAX_INPUT_KEYS) {
    warnings.push(caller + ': ' + keys.length + ' keys ignored: at most ' + RSPage.MAX_INPUT_KEYS + ' are taken');
    return '';
  }
  var parts = [], max = Module['_rs_api_max_query_bytes']();
  keys.forEach(function (k) {
    var name = '"' + k.slice(0, 40) + '"', v;
    try {
      v = obj[k];
    } catch (e) {
      warnings.push('input ' + name + ' ignored: reading it threw (' + RSPage.describe(e) + ')');
      return;
    }
    if (typeof v !== 'number' && typeof v !== 'string' && typeof v !== 'boolean') {
      warnings.push('input ' + name + ' ignored: expected a number or a string');
      return;
    }
    // Refused before it is encoded or copied (encoding 200 MB took seconds): a key and
    // value of more UTF-16 units than the query's limit in bytes cannot fit in it.
    var units = k.length + 1 + (typeof v === 'string' ? v.length : 0);
    if (units > max) {
      warnings.push('input ' + name + ' ignored: ' + units + ' characters long, more than a whole query takes (' + max + ' bytes)');
      return;
    }
    try {
      parts.push(encodeURIComponent(k) + '=' + encodeURIComponent(String(v)));
    } catch (e) {  // lone surrogates cannot be encoded
      warnings.push('input ' + name + ' ignored: not valid text');
    }
  });
  return parts.join('&');
};

// Prints a call's warnings (a few; all are returned).
RSPage.printWarnings = function (warnings) {
  var max = RSPage.MAX_PRINTED_WARNINGS;
  warnings.slice(0, max).forEach(RSPage.warn);
  if (warnings.length > max) RSPage.warn('… and ' + (warnings.length - max) + ' more warnings');
  return warnings;
};

RSPage.setInputs = function (obj) {
  var warnings = [];
  try {
    var q = RSPage.query(obj, warnings, 'setInputs');
    if (q === null) warnings.push('setInputs expects an object such as {approval: 30, inventory: 45}');
    else if (q) warnings = warnings.concat(RSPage.applyQuery(q));
  } catch (e) {  // never expected: the model's decoder does not throw
    warnings.push('setInputs failed: ' + RSPage.describe(e));
  }
  return RSPage.printWarnings(warnings);
};

// The query the calculator starts with: createRareShock's options (a lang= and
// the page's query, Module.rsInitialQuery), then its initial inputs, which are
// encoded as setInputs encodes them, with the same warnings (printed here).
RSPage.initialQuery = function () {
  var q = String(Module['rsInitialQuery'] || ''), inputs = Module['rsInitialInputs'];
  Module['rsInitialInputs'] = null;  // read once; the host's object is not kept
  if (inputs === undefined || inputs === null) return q;
  var warnings = [], more = null;
  try {
    more = RSPage.query(inputs, warnings, 'createRareShock');
    if (more === null) warnings.push('createRareShock expects its inputs as an object such as {approval: 30, inventory: 45}');
  } catch (e) {  // never expected: RSPage.query does not throw
    warnings.push('createRareShock: the initial inputs could not be read (' + RSPage.describe(e) + ')');
  }
  RSPage.printWarnings(warnings);
  return more ? (q ? q + '&' + more : more) : q;
};

// [SECTION] API
//-----------------------------------------------------------------------------
RSPage.makeApi = function () {
  var api = {};
  api['getInputs'] = function () { return RSPage.inputs(); };
  api['getResults'] = function () { return JSON.parse(RSPage.resultsText()); };
  api['setInputs'] = RSPage.setInputs;
  api['setTheme'] = function (t) {
    var modes = RSPage.facts['theme_modes'];  // page_options.h kThemeModes
    if (modes.indexOf(t) < 0) {
      var named = modes.map(function (m) { return '"' + m + '"'; });
      return RSPage.printWarnings(['setTheme expects ' + named.slice(0, -1).join(', ') + ' or ' + named[named.length - 1]]);
    }
    return RSPage.printWarnings(RSPage.applyQuery('theme=' + t));
  };
  api['onChange'] = function (cb) {
    if (typeof cb !== 'function') { RSPage.warn('onChange expects a function'); return function () {}; }
    RSPage.listeners.push(cb);
    return function () { RSPage.listeners = RSPage.listeners.filter(function (x) { return x !== cb; }); };
  };
  api['stats'] = function () {
    return {
      'framesRendered': Module['_rs_api_frames_rendered'](),
      'framesRun': Module['_rs_api_frames_run'](),      // animation frames run; those that only carried the model drew nothing
      'lastModelMs': Module['_rs_api_last_model_ms'](),
      'lastFrameMs': Module['_rs_api_last_frame_ms'](),
      'firstFrameMs': Module['_rs_api_first_frame_ms']() || null,  // performance.now() at the first frame
      'heapBytes': Module['_rs_api_heap_bytes'](),
      'heapCapacityBytes': HEAP8.length,
      'generation': RSPage.generation,        // results published to the page so far
      'modelBusy': !!Module['_rs_api_model_busy'](),
      'boundaryBytes': RSPage.bytes,          // bytes that crossed the C++/JS boundary (strings and numbers)
      'detailBytes': RSPage.detailBytes,      // of which not counted above: the detail's HTML, once per settled change
      'detailGeneration': RSPage.detailGeneration,  // the generation the detail under the canvas shows
    };
  };
  api['debugItem'] = function (name) {  // where a control is on the page (viewport CSS px), for tests
    var b = RSPage.itemBox(String(name)), r = RSPage.canvas.getBoundingClientRect();
    return b ? { 'x0': r.left + b.x0, 'y0': r.top + b.y0, 'x1': r.left + b.x1, 'y1': r.top + b.y1 } : null;
  };
  api['shareUrl'] = function () { return RSPage.read(Module['_rs_api_share_url']()); };
  RSPage.api = api;
  Module['rsApi'] = api;
  return api;
};
