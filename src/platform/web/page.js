// Rare Earth Shock — the page side of the calculator: the JS API instance, the
// accessible DOM twin and its aria-live summary.
//
// [SECTION] Boundary (what crosses between C++ and JavaScript, and how much)
// [SECTION] Inputs (setInputs never throws)
// [SECTION] Twin (real controls for keyboards and screen readers)
// [SECTION] Fields over the canvas (Copy link inside the gesture, typed entry with a keyboard)
// [SECTION] API (the instance behind window.rareshock and createRareShock)
//
// A --pre-js file: it runs inside the Emscripten module (one copy per
// instance), before detail.js (the words under the canvas), next to library.js, whose rs_js_* functions call RSPage.* from C.
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
// [provisional, preset index, one value per field, then per region the car
// plants' first halt day and the vehicles lost as P10, P50, P90 and the supplier
// lines' first stop day P50 (NaN: none within the horizon)].
RSPage.resultsChanged = function (generation, dataPtr, count, summaryPtr) {
  var d = HEAPF64.subarray(dataPtr >> 3, (dataPtr >> 3) + count);
  RSPage.bytes += 8 * count;
  var fields = RSPage.facts['fields'], nf = fields.length;
  RSPage.generation = generation;
  RSPage.provisional = d[0] !== 0;
  RSPage.presetIndex = d[1];
  var inputs = {};
  for (var i = 0; i < nf; i++) inputs[fields[i]['key']] = RSPage.fieldValue(i, d[2 + i]);
  var regions = [], stride = (count - 2 - nf) / RSPage.facts['regions'].length;
  for (var at = 2 + nf; at + stride <= count; at += stride)
    regions.push({ firstHalt: [d[at], d[at + 1], d[at + 2]], vehiclesLost: [d[at + 3], d[at + 4], d[at + 5]],
                   supplierFirstStop: d[at + 6] });
  RSPage.regions = regions;
  RSPage.published = inputs;
  RSPage.summary = RSPage.read(summaryPtr);
  RSPage.syncTwin(inputs);
  RSPage.syncDetail();
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

// The actions (share, reset, downloads) as real buttons in a group: the twin's, and on
// phones the visible row under the canvas (`shareFirst`: in the canvas's order).
RSPage.actionButtons = function (cls, shareFirst) {
  var t = RSPage.t;
  var group = RSPage.el('div', { 'class': cls, 'role': 'group', 'aria-label': t('page.twin.actions') });
  // The actions of the canvas's buttons (App::kActions in src/ui/app.h, through RS_FACTS), in
  // the canvas's order; the twin starts with Reset.
  var actions = RSPage.facts['actions'].slice();
  if (!shareFirst) actions.sort(function (a, b) { return (b['name'] === 'reset') - (a['name'] === 'reset'); });
  actions.forEach(function (a) {
    var b = RSPage.el('button', { 'type': 'button', 'data-action': a['name'] }, t(a['text']));
    b.addEventListener('click', function () { Module['_rs_api_action'](a['id']); });
    group.appendChild(b);
  });
  return group;
};

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
    if (f['advanced']) r.appendChild(RSPage.el('p', { 'class': 'rs-twin-help rs-twin-source' }, t('field.' + key + '.source')));
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
  RSPage.advanced = advanced;

  RSPage.twinActions = twin.appendChild(RSPage.actionButtons('rs-twin-buttons', false));

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
  RSPage.buildDetail(anchor);
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
             '<thead><tr><th scope="col">' + esc(t('page.twin.col.region')) + '</th><th scope="col">' + esc(t('page.twin.col.supplier_first_stop')) +
             '</th><th scope="col">' + esc(t('page.twin.col.first_halt')) +
             '</th><th scope="col">' + esc(t('page.twin.col.vehicles')) + '</th></tr></thead><tbody>';
  RSPage.regions.forEach(function (r, i) {
    rows += '<tr><th scope="row">' + esc(t('region.' + names[i]['key'] + '.name')) + '</th><td>' + esc(r.supplierFirstStop !== r.supplierFirstStop ? RSPage.t('page.twin.none_within') : RSPage.fmt(r.supplierFirstStop)) +
            '</td><td>' + esc(RSPage.range(r.firstHalt)) + '</td><td>' +
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
  var shown = [RSPage.status, RSPage.barStatus];
  shown.forEach(function (el) { if (el) el.textContent = text; });
  clearTimeout(RSPage.statusTimer);
  RSPage.statusTimer = setTimeout(function () { shown.forEach(function (el) { if (el) el.textContent = ''; }); }, 4000);
};

//-----------------------------------------------------------------------------
// [SECTION] Fields over the canvas (Copy link, typed entry)
//-----------------------------------------------------------------------------
// Where the UI drew a named control, in canvas CSS px, or null.
RSPage.itemBox = function (name) {
  name = name.slice(0, 200);  // control names are short
  var n = lengthBytesUTF8(name) + 1, p = RSPage.malloc(n), out = p ? RSPage.malloc(32) : 0;
  if (!p || !out) { _free(p); return null; }
  stringToUTF8(name, p, n);
  var found = Module['_rs_api_item_rect'](p, out);
  var box = found ? { x0: HEAPF64[out >> 3], y0: HEAPF64[(out >> 3) + 1], x1: HEAPF64[(out >> 3) + 2], y1: HEAPF64[(out >> 3) + 3] } : null;
  _free(p); _free(out);
  return box;
};
RSPage.inItem = function (name, clientX, clientY) {
  var b = RSPage.itemBox(name), r = RSPage.canvas.getBoundingClientRect();
  var x = clientX - r.left, y = clientY - r.top;
  return !!b && x >= b.x0 && x < b.x1 && y >= b.y0 && y < b.y1;
};
RSPage.pressCopy = null;
// Writes text to the clipboard; report(ok, text) once known. Without the async clipboard
// API: a hidden textarea and execCommand (synchronous, so still inside the gesture).
RSPage.copyNow = function (text, report) {
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(text).then(function () { if (report) report(true, text); },
                                             function () { if (report) report(false, text); });
    return true;
  }
  var ta = document.createElement('textarea');
  ta.value = text;
  ta.setAttribute('readonly', '');
  ta.style.position = 'fixed';
  ta.style.opacity = '0';
  document.body.appendChild(ta);
  ta.select();
  var ok = false;
  try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
  document.body.removeChild(ta);
  if (RSPage.canvas) RSPage.canvas.focus({ preventScroll: true });
  if (report) report(ok, text);
  return ok;
};
RSPage.copyReport = function (ok, text) {
  Module['_rs_on_copy_result'](ok ? 1 : 0);
  if (!ok) RSPage.offerLink(text);
};
// A real text field over the canvas, in the canvas's box (the page's colours), not yet
// placed: `place(style)` sets its left, top, width (canvas CSS px) now and in the next frames.
RSPage.floatingField = function (attrs, value, place) {
  var container = RSPage.container;
  var old = container.querySelector('.' + attrs['class']);
  if (old) old.remove();
  var input = RSPage.el('input', attrs);
  input.value = value;
  var st = input.style;
  if (getComputedStyle(container).position === 'static') container.style.position = 'relative';
  st.position = 'absolute'; st.zIndex = '2'; st.boxSizing = 'border-box'; st.margin = '0'; st.borderRadius = '6px';
  st.color = 'var(--rs-fg, #16181d)'; st.background = 'var(--rs-bg, #fff)';
  // The canvas's offset from its box's padding edge (the canvas need not sit at the box's corner).
  var at = function () {
    var c = RSPage.canvas.getBoundingClientRect(), k = container.getBoundingClientRect();
    place(st, c.left - k.left - container.clientLeft + container.scrollLeft, c.top - k.top - container.clientTop + container.scrollTop);
  };
  at();
  requestAnimationFrame(function () { at(); requestAnimationFrame(at); });
  container.appendChild(input);
  return input;
};

// A blocked copy: the link in a real text field under the status line, selected, so the
// reader can copy it by hand (a long press on a phone). It goes away when it loses focus.
RSPage.offerLink = function (text) {
  if (RSPage.bar && RSPage.bar.offsetParent !== null) {  // phones: under the row of buttons
    var old = RSPage.bar.querySelector('.rs-copy-link');
    if (old) old.remove();
    var field = RSPage.el('input', { 'class': 'rs-copy-link', 'type': 'text', 'readonly': '', 'aria-label': RSPage.t('page.copy_field') });
    field.value = text;
    RSPage.bar.appendChild(field);
    field.addEventListener('blur', function () { field.remove(); });
    field.focus({ preventScroll: true });
    field.setSelectionRange(0, text.length);
    return;
  }
  // Under the status line that explains it (drawn in the app's next frame), as wide as the column.
  var input = RSPage.floatingField({ 'class': 'rs-copy-link', 'type': 'text', 'readonly': '', 'aria-label': RSPage.t('page.copy_field') },
                                   text, function (st, dx, dy) {
    var share = RSPage.itemBox('share'), status = RSPage.itemBox('status'), column = RSPage.itemBox('advanced');
    var x0 = share ? share.x0 : 0, below = status && share && status.y0 >= share.y1 ? status : share;
    st.left = dx + x0 + 'px';
    st.top = dy + (below ? below.y1 + 6 : 0) + 'px';
    st.width = (column ? column.x1 - x0 : Math.min(RSPage.canvas.clientWidth - x0, 420)) + 'px';
  });
  var st = input.style;
  st.font = '14px system-ui, sans-serif'; st.padding = '6px 8px'; st.border = '1px solid var(--rs-accent, #0b5cad)';
  input.addEventListener('blur', function () { input.remove(); });
  input.focus({ preventScroll: true });
  input.setSelectionRange(0, text.length);
};
// Press and release on the canvas's share button (as ImGui counts a click): copy now, in the gesture.
RSPage.watchSharePress = function (canvas) {
  var down = false;
  canvas.addEventListener('pointerdown', function (e) { down = e.isPrimary && RSPage.inItem('share', e.clientX, e.clientY); });
  canvas.addEventListener('pointerup', function (e) {
    if (!down || !RSPage.inItem('share', e.clientX, e.clientY)) { down = false; return; }
    down = false;
    var text = RSPage.read(Module['_rs_api_share_url']());
    RSPage.pressCopy = { text: text, at: performance.now() };
    RSPage.copyNow(text, RSPage.copyReport);
  });
};

// Typed entry on touch screens. A tap on a slider's number field cannot open an on-screen
// keyboard in the canvas (nothing editable gets focus): so the tap is kept from the canvas,
// and a real <input inputmode="decimal"> takes focus over the field inside the touchend
// handler (iOS opens its keyboard only then). The value goes to the calculator as the
// reader types; Enter and leaving the field commit it; Escape puts the old value back.
RSPage.TAP_SLOP_PX = 10;   // a finger that moves further is scrolling, not tapping
RSPage.typedFieldAt = function (clientX, clientY) {
  var fields = RSPage.facts['fields'];
  for (var i = 0; i < fields.length; i++)
    if (RSPage.inItem('typed:' + fields[i]['key'], clientX, clientY)) return fields[i];
  return null;
};
RSPage.watchTypedTaps = function () {
  var tap = null, canvas = RSPage.canvas, opts = { capture: true, passive: false };
  // On the canvas's box, in the capture phase: the canvas's own handlers never see the tap.
  RSPage.container.addEventListener('touchstart', function (e) {
    tap = null;
    if (e.target !== canvas || e.touches.length !== 1) return;
    var t = e.touches[0], field = RSPage.typedFieldAt(t.clientX, t.clientY);
    if (!field) return;
    tap = { field: field, x: t.clientX, y: t.clientY };
    e.stopPropagation();
  }, opts);
  RSPage.container.addEventListener('touchmove', function (e) {
    if (!tap) return;
    var t = e.touches[0];
    if (Math.abs(t.clientX - tap.x) > RSPage.TAP_SLOP_PX || Math.abs(t.clientY - tap.y) > RSPage.TAP_SLOP_PX) tap = null;
    else e.stopPropagation();
  }, opts);
  RSPage.container.addEventListener('touchend', function (e) {
    if (!tap || e.target !== canvas) return;
    var field = tap.field;
    tap = null;
    e.stopPropagation();
    e.preventDefault();   // no compatibility mouse events, no click
    RSPage.openTyped(field);
  }, opts);
  RSPage.container.addEventListener('touchcancel', function () { tap = null; }, opts);
};
RSPage.typed = null;
RSPage.openTyped = function (field) {
  RSPage.closeTyped(false);
  var key = field['key'], box = RSPage.itemBox('typed:' + key);
  if (!box) return;
  var before = String(RSPage.inputs()[key]);
  var input = RSPage.floatingField({ 'class': 'rs-typed', 'type': 'text', 'inputmode': 'decimal', 'enterkeyhint': 'done',
                                     'autocomplete': 'off', 'data-field': key, 'aria-label': RSPage.t('field.' + key + '.label') },
                                   before, function (st, dx, dy) {
    var b = RSPage.itemBox('typed:' + key) || box;
    st.left = dx + b.x0 + 'px'; st.top = dy + b.y0 + 'px';
    st.width = (b.x1 - b.x0) + 'px'; st.height = (b.y1 - b.y0) + 'px';
  });
  var st = input.style;
  st.font = '16px system-ui, sans-serif';   // 16 px: iOS does not zoom the page into the field
  st.textAlign = 'right'; st.padding = '0 8px'; st.border = '2px solid var(--rs-accent, #0b5cad)';
  var apply = function (commit) {
    var v = input.value.trim().replace(',', '.');
    if (v === '' || !isFinite(Number(v))) return;
    var q = key + '=' + encodeURIComponent(v);
    if (commit) RSPage.printWarnings(RSPage.applyQuery(q));   // says when a value is out of range
    else RSPage.applyQuery(q);                                // while typing: quietly (a half-typed value may be)
  };
  var leave = function () { RSPage.canvas.focus({ preventScroll: true }); };
  input.addEventListener('input', function () { apply(false); });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter') { e.preventDefault(); RSPage.closeTyped(true); leave(); }
    else if (e.key === 'Escape') { e.preventDefault(); input.value = before; apply(false); RSPage.closeTyped(false); leave(); }
  });
  input.addEventListener('blur', function () { RSPage.closeTyped(true); });
  RSPage.typed = { input: input, apply: apply };
  input.focus({ preventScroll: true });
  input.select();
};
RSPage.closeTyped = function (commit) {
  var t = RSPage.typed;
  if (!t) return;
  RSPage.typed = null;
  if (commit) t.apply(true);
  t.input.remove();
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
