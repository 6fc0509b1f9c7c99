// Rare Earth Shock — the page side of the calculator: the JS API instance, the
// accessible DOM twin and its aria-live summary.
//
// [SECTION] Boundary (what crosses between C++ and JavaScript, and how much)
// [SECTION] Inputs (setInputs never throws)
// [SECTION] Twin (real controls for keyboards and screen readers)
// [SECTION] API (the instance behind window.rareshock and createRareShock)
//
// A --pre-js file: it runs inside the Emscripten module (one copy per
// instance), next to library.js, whose rs_js_* functions call RSPage.* from C.
// The closure compiler checks and minifies it with the rest of the glue: names
// the page sees, and the keys of RS_FACTS and the results JSON, are quoted so
// the compiler keeps them. RS_FACTS (facts.js, generated at build time from the
// model's field table) gives the field keys, labels, ranges, presets and themes.
//
// The boundary is small and quiet: a change crosses as a generation number, a
// few dozen numbers (inputs, the regions' ranges) and the summary sentence. The
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
  regions: [],          // [{firstHalt: [p10, p50, p90], vehiclesLost: [...]}] of the last publication
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

// A text in the reader's language, by key, from the tables compiled into the
// WebAssembly (assets/strings/<code>.json; ui/text.h page_text): the page keeps
// no copy of its own. Each key crosses once.
RSPage.texts = {};
RSPage.t = function (key, values) {
  var s = RSPage.texts[key];
  if (s === undefined) s = RSPage.texts[key] = RSPage.call('rs_api_text', key, true);
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
// string, or (`borrowed`) one that C++ keeps.
RSPage.call = function (name, s, borrowed) {
  var n = lengthBytesUTF8(s) + 1, p = _malloc(n);
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

// The current inputs, read from the model (one number per field).
RSPage.inputs = function () {
  var fields = RSPage.facts['fields'], n = fields.length, out = _malloc(8 * n);
  Module['_rs_api_inputs'](out, n);
  var inputs = {};
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
  return /** @type {!Array<string>} */ (JSON.parse(RSPage.call('rs_api_apply_query', q)));
};

// C++ published new results (see js_bridge.h for the layout of `data`):
// [provisional, preset index, one value per field, then per region the first
// halt day and the vehicles lost as P10, P50, P90 (NaN: none within the horizon)].
RSPage.resultsChanged = function (generation, dataPtr, count, summaryPtr) {
  var d = HEAPF64.subarray(dataPtr >> 3, (dataPtr >> 3) + count);
  RSPage.bytes += 8 * count;
  var fields = RSPage.facts['fields'], nf = fields.length;
  RSPage.generation = generation;
  RSPage.provisional = d[0] !== 0;
  RSPage.presetIndex = d[1];
  var inputs = {};
  for (var i = 0; i < nf; i++) inputs[fields[i]['key']] = RSPage.fieldValue(i, d[2 + i]);
  var regions = [];
  for (var at = 2 + nf; at + 6 <= count; at += 6)
    regions.push({ firstHalt: [d[at], d[at + 1], d[at + 2]], vehiclesLost: [d[at + 3], d[at + 4], d[at + 5]] });
  RSPage.regions = regions;
  RSPage.summary = RSPage.read(summaryPtr);
  RSPage.syncTwin(inputs);
  RSPage.speak(RSPage.summary);
  RSPage.queueChange();
};

// onChange listeners get the full results, once per generation, after the
// current task's C++ has returned (a listener may call setInputs at once).
RSPage.queueChange = function () {
  if (!RSPage.listeners.length || RSPage.changeQueued) return;
  RSPage.changeQueued = true;
  Promise.resolve().then(function () {
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

// {approval: 30} → "approval=30". Returns null if obj is not a plain object; adds
// to `warnings` for every value it cannot take. Never throws: getters that throw,
// Proxies and revoked Proxies, cycles (values must be numbers, strings or
// booleans, so nothing is walked) all end as warnings.
RSPage.query = function (obj, warnings) {
  var keys;
  try {
    if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return null;
    keys = Object.keys(obj);
  } catch (e) {
    warnings.push('setInputs: the object could not be read (' + RSPage.describe(e) + ')');
    return '';
  }
  if (keys.length > RSPage.MAX_INPUT_KEYS) {
    warnings.push('setInputs: ' + keys.length + ' keys ignored: at most ' + RSPage.MAX_INPUT_KEYS + ' are taken');
    return '';
  }
  var parts = [];
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
    var q = RSPage.query(obj, warnings);
    if (q === null) warnings.push('setInputs expects an object such as {approval: 30, inventory: 45}');
    else if (q) warnings = warnings.concat(RSPage.applyQuery(q));
  } catch (e) {  // never expected: the model's decoder does not throw
    warnings.push('setInputs failed: ' + RSPage.describe(e));
  }
  return RSPage.printWarnings(warnings);
};

//-----------------------------------------------------------------------------
// [SECTION] Twin
//-----------------------------------------------------------------------------
RSPage.el = function (tag, attrs, text) {
  var e = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
  if (text) e.textContent = text;
  return e;
};

// Element ids: "rs-twin-approval" for the first calculator on the page, "rs2-twin-approval" for the second, …
RSPage.id = function (name) { return 'rs' + (RSPage.instance > 1 ? RSPage.instance : '') + '-' + name; };

// The actions of the canvas's buttons (App::Action in src/ui/app.h), with their text's key.
RSPage.ACTIONS = [['share', 'ui.action.copy_link', 0], ['csv', 'ui.action.csv', 2], ['png', 'ui.action.png', 3], ['png2x', 'ui.action.png2x', 4]];
RSPage.RESET_ACTION = 1;

RSPage.buildTwin = function () {
  RSPage.instance = document.querySelectorAll('section.rs-twin').length + 1;
  var fields = RSPage.facts['fields'];
  var t = RSPage.t;
  // In the calculator's language, whatever the page's (a German calculator on an English page).
  var twin = RSPage.el('section', { 'class': 'rs-twin', 'aria-label': t('page.twin.label'),
                                    'lang': RSPage.read(Module['_rs_api_language']()) });
  twin.appendChild(RSPage.el('p', { 'class': 'rs-twin-hint', 'id': RSPage.id('twin-hint') }, t('page.twin.hint')));
  RSPage.twinInputs = {};
  var row = function (parent, f) {
    var key = f['key'], id = RSPage.id('twin-' + key), unit = t('field.' + key + '.unit'), name = t('field.' + key + '.label');
    // "Licence approval rate (%)"; no unit when the label ends with it ("Approval changes on day").
    var label = unit && name.slice(-unit.length) !== unit ? t('page.twin.label_unit', { 'label': name, 'unit': unit }) : name;
    var r = RSPage.el('div', { 'class': 'rs-twin-row' });
    r.appendChild(RSPage.el('label', { 'for': id }, label));
    var helpId = RSPage.id('twin-help-' + key);
    var path = f['kind'] === 'path';  // an approval path: day:percent points as text
    var attrs = path ? { 'spellcheck': 'false', 'autocomplete': 'off' } : { 'min': f['min'], 'max': f['max'], 'step': f['step'] };
    var els = [];
    if (f['kind'] !== 'seed' && !path) {  // a slider over four billion seeds helps nobody: a number box only
      els.push(RSPage.el('input', { 'type': 'range', 'id': id, 'aria-describedby': helpId + ' ' + RSPage.id('twin-hint') }));
    }
    var num = RSPage.el('input', path ? { 'type': 'text', 'aria-label': label, 'aria-describedby': helpId }
                                      : { 'type': 'number', 'inputmode': 'decimal', 'aria-label': label, 'aria-describedby': helpId });
    if (!els.length) num.id = id;
    els.push(num);
    els.forEach(function (el) {
      Object.keys(attrs).forEach(function (a) { el.setAttribute(a, attrs[a]); });
      el.setAttribute('data-field', key);
      el.addEventListener(el.type === 'range' ? 'input' : 'change', function () {
        var v = el.value;
        if (v === '' || (!path && isNaN(Number(v)))) return;
        RSPage.printWarnings(RSPage.applyQuery(key + '=' + encodeURIComponent(v)));
      });
      r.appendChild(el);
    });
    r.appendChild(RSPage.el('p', { 'class': 'rs-twin-help', 'id': helpId }, t('field.' + key + '.help')));
    parent.appendChild(r);
    RSPage.twinInputs[key] = els;
  };
  fields.forEach(function (f) { if (!f['advanced']) row(twin, f); });

  var presets = RSPage.el('div', { 'class': 'rs-twin-buttons', 'role': 'group', 'aria-label': t('page.twin.scenarios') });
  RSPage.presetButtons = RSPage.facts['presets'].map(function (p) {
    var b = RSPage.el('button', { 'type': 'button', 'data-preset': p['id'], 'aria-pressed': 'false',
                                  'title': t('preset.' + p['id'] + '.description') }, t('preset.' + p['id'] + '.label'));
    b.addEventListener('click', function () { RSPage.applyQuery('preset=' + encodeURIComponent(p['id'])); });
    presets.appendChild(b);
    return b;
  });
  twin.appendChild(presets);

  var advanced = RSPage.el('details', { 'class': 'rs-twin-advanced' });
  advanced.appendChild(RSPage.el('summary', {}, t('ui.advanced')));
  fields.forEach(function (f) { if (f['advanced']) row(advanced, f); });
  twin.appendChild(advanced);

  var actions = RSPage.el('div', { 'class': 'rs-twin-buttons', 'role': 'group', 'aria-label': t('page.twin.actions') });
  var reset = RSPage.el('button', { 'type': 'button', 'data-action': 'reset' }, t('ui.action.reset'));
  reset.addEventListener('click', function () { Module['_rs_api_action'](RSPage.RESET_ACTION); });
  actions.appendChild(reset);
  RSPage.ACTIONS.forEach(function (a) {
    var b = RSPage.el('button', { 'type': 'button', 'data-action': a[0] }, t(a[1]));
    b.addEventListener('click', function () { Module['_rs_api_action'](a[2]); });
    actions.appendChild(b);
  });
  twin.appendChild(actions);

  RSPage.status = RSPage.el('p', { 'class': 'rs-twin-status', 'role': 'status' });
  twin.appendChild(RSPage.status);
  RSPage.live = RSPage.el('p', { 'class': 'rs-live', 'id': RSPage.id('live'), 'aria-live': 'polite', 'role': 'status' });
  twin.appendChild(RSPage.live);
  RSPage.table = RSPage.el('table', { 'class': 'rs-table' });
  twin.appendChild(RSPage.table);
  // Before the canvas's box (the page shells), or before the canvas itself when it sits in the body.
  var anchor = RSPage.container === document.body ? RSPage.canvas : RSPage.container;
  anchor.parentNode.insertBefore(twin, anchor);
  RSPage.twin = twin;
  // Print: the canvas does not print; the scenario's picture (the same composition as
  // the PNG download, as vector SVG) takes its place, made when the browser starts printing.
  var print = RSPage.el('div', { 'class': 'rs-print', 'aria-hidden': 'true' });
  anchor.parentNode.insertBefore(print, anchor.nextSibling);
  window.addEventListener('beforeprint', function () {
    print.innerHTML = RSPage.read(Module['_rs_api_print_svg']()).replace(/^<\?xml[^>]*>\s*/, '');
  });
  window.addEventListener('afterprint', function () { print.textContent = ''; });
  // The canvas is described by the live summary of its current scenario.
  RSPage.canvas.setAttribute('aria-describedby', RSPage.live.id);
};

// Whole numbers grouped as the language groups them ("number.group": 1,234 / 1.234).
RSPage.fmt = function (v) {
  return String(Math.round(v)).replace(/\B(?=(\d{3})+(?!\d))/g, RSPage.t('number.group'));
};
// "48 (44 to 53)", "64 (58 to later)", "none within the horizon"; NaN is "none".
RSPage.range = function (r) {
  var t = RSPage.t;
  if (r[1] !== r[1]) return t('page.twin.none_within');
  return t('page.twin.range', { 'p50': RSPage.fmt(r[1]), 'p10': r[0] !== r[0] ? t('ui.regions.none') : RSPage.fmt(r[0]),
                                'p90': r[2] !== r[2] ? t('ui.regions.later') : RSPage.fmt(r[2]) });
};

RSPage.syncTwin = function (inputs) {
  if (!RSPage.twin) return;
  Object.keys(RSPage.twinInputs).forEach(function (k) {
    RSPage.twinInputs[k].forEach(function (el) {
      if (document.activeElement !== el && String(inputs[k]) !== el.value) el.value = inputs[k];
    });
  });
  RSPage.presetButtons.forEach(function (b, i) {
    var pressed = i === RSPage.presetIndex ? 'true' : 'false';
    if (b.getAttribute('aria-pressed') !== pressed) b.setAttribute('aria-pressed', pressed);
  });
  var names = RSPage.facts['regions'], t = RSPage.t;
  var esc = function (s) { return String(s).replace(/[&<>"]/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; }); };
  var rows = '<caption>' + esc(t(RSPage.provisional ? 'page.twin.caption.central' : 'page.twin.caption.bands')) + '</caption>' +
             '<thead><tr><th scope="col">' + esc(t('page.twin.col.region')) + '</th><th scope="col">' + esc(t('page.twin.col.first_halt')) +
             '</th><th scope="col">' + esc(t('page.twin.col.vehicles')) + '</th></tr></thead><tbody>';
  RSPage.regions.forEach(function (r, i) {
    rows += '<tr><th scope="row">' + esc(t('region.' + names[i]['key'] + '.name')) + '</th><td>' + esc(RSPage.range(r.firstHalt)) + '</td><td>' +
            esc(RSPage.range(r.vehiclesLost)) + '</td></tr>';
  });
  RSPage.table.innerHTML = rows + '</tbody>';
};

// The live region speaks once the reader settles, not on every step of a drag.
RSPage.speak = function (summary) {
  if (summary === RSPage.lastLive) return;
  RSPage.lastLive = summary;
  clearTimeout(RSPage.liveTimer);
  RSPage.liveTimer = setTimeout(function () { if (RSPage.live) RSPage.live.textContent = summary; }, 600);
};

// A short message after an action ("Link copied …"), cleared after a few seconds.
RSPage.say = function (text) {
  if (!RSPage.status) return;
  RSPage.status.textContent = text;
  clearTimeout(RSPage.statusTimer);
  RSPage.statusTimer = setTimeout(function () { RSPage.status.textContent = ''; }, 4000);
};

//-----------------------------------------------------------------------------
// [SECTION] API
//-----------------------------------------------------------------------------
RSPage.makeApi = function () {
  var api = {};
  api['getInputs'] = function () { return RSPage.inputs(); };
  api['getResults'] = function () { return JSON.parse(RSPage.resultsText()); };
  api['setInputs'] = RSPage.setInputs;
  api['setTheme'] = function (t) {
    if (t !== 'light' && t !== 'dark' && t !== 'auto') return RSPage.printWarnings(['setTheme expects "light", "dark" or "auto"']);
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
      'lastModelMs': Module['_rs_api_last_model_ms'](),
      'lastFrameMs': Module['_rs_api_last_frame_ms'](),
      'firstFrameMs': Module['_rs_api_first_frame_ms']() || null,  // performance.now() at the first frame
      'heapBytes': Module['_rs_api_heap_bytes'](),
      'heapCapacityBytes': HEAP8.length,
      'generation': RSPage.generation,        // results published to the page so far
      'modelBusy': !!Module['_rs_api_model_busy'](),
      'boundaryBytes': RSPage.bytes,          // bytes that crossed the C++/JS boundary (strings and numbers)
    };
  };
  api['debugItem'] = function (name) {  // where a control is on the page (viewport CSS px), for tests
    var n = lengthBytesUTF8(String(name)) + 1, p = _malloc(n), out = _malloc(32);
    stringToUTF8(String(name), p, n);
    var found = Module['_rs_api_item_rect'](p, out);
    var r = RSPage.canvas.getBoundingClientRect();
    var box = found ? { 'x0': r.left + HEAPF64[out >> 3], 'y0': r.top + HEAPF64[(out >> 3) + 1],
                        'x1': r.left + HEAPF64[(out >> 3) + 2], 'y1': r.top + HEAPF64[(out >> 3) + 3] } : null;
    _free(p); _free(out);
    return box;
  };
  api['shareUrl'] = function () { return RSPage.read(Module['_rs_api_share_url']()); };
  RSPage.api = api;
  Module['rsApi'] = api;
  return api;
};
