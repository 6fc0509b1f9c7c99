// Rare Earth Shock — all browser JavaScript, as one Emscripten --js-library.
//
// [SECTION] Page and canvas (observers, sizes, cursor, coordinates)
// [SECTION] Services (clipboard, downloads, share URL, warnings)
// [SECTION] Accessible twin (DOM controls, aria-live summary, results table)
// [SECTION] JS API (the instance behind window.rareshock) and embed protocol
//
// Public names are written as quoted properties so the closure compiler keeps them.

var RareShockLibrary = {
  $RS: {
    canvas: null,
    container: null,
    twin: null,
    live: null,
    table: null,
    api: null,
    listeners: [],
    liveTimer: 0,
    lastSummary: '',
    theme: 'light',
    mq: {},
    warn: function (msg) { console.warn('rareshock: ' + msg); },
    str: function (ptr) { return ptr ? UTF8ToString(ptr) : ''; },
    alloc: function (s) {
      var n = lengthBytesUTF8(s) + 1, p = _malloc(n);
      stringToUTF8(s, p, n);
      return p;
    },
    call: function (name, s) {  // C function taking one string, returning an owned string
      var p = RS.alloc(s), r = Module['_' + name](p), out = UTF8ToString(r);
      _free(p); _free(r);
      return out;
    },
    query: function (obj, warnings) {  // {approval: 30} → "approval=30" (validation happens in C++)
      if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return null;
      var parts = [];
      var warn = function (m) { RS.warn(m); warnings.push(m); };
      Object.keys(obj).forEach(function (k) {
        var v = obj[k];
        if (typeof v !== 'number' && typeof v !== 'string' && typeof v !== 'boolean') {
          warn('input "' + String(k).slice(0, 40) + '" ignored: expected a number or a string');
          return;
        }
        try {
          parts.push(encodeURIComponent(k) + '=' + encodeURIComponent(String(v)));
        } catch (e) {  // lone surrogates cannot be encoded
          warn('input "' + String(k).slice(0, 40) + '" ignored: not valid text');
        }
      });
      return parts.join('&');
    },
    applyQuery: function (q) {  // returns the messages; warns about each
      var messages = JSON.parse(RS.call('rs_api_apply_query', q));
      messages.forEach(function (m) { RS.warn(m); });
      return messages;
    },
  },

  //---------------------------------------------------------------------------
  // [SECTION] Page and canvas
  //---------------------------------------------------------------------------
  rs_js_init__deps: ['$RS'],
  rs_js_init: function (selectorPtr) {
    var canvas = document.querySelector(UTF8ToString(selectorPtr));
    RS.canvas = canvas;
    RS.container = canvas.parentElement;
    canvas.setAttribute('tabindex', '0');
    canvas.addEventListener('contextmenu', function (e) { e.preventDefault(); });
    var resized = function () { _rs_on_page_resize(); };
    if (typeof ResizeObserver !== 'undefined') new ResizeObserver(resized).observe(RS.container);
    window.addEventListener('resize', resized);
    if (typeof IntersectionObserver !== 'undefined') {
      new IntersectionObserver(function (entries) {
        var e = entries[entries.length - 1];
        _rs_on_onscreen(e.isIntersecting ? 1 : 0);
      }, { rootMargin: '200px' }).observe(canvas);
    }
    // A new devicePixelRatio (zoom, another monitor) without a size change: redraw
    // (the font atlas is rebuilt for it). The query is re-armed for the new ratio.
    var watchDpr = function () {
      var m = window.matchMedia('(resolution: ' + window.devicePixelRatio + 'dppx)');
      var cb = function () {
        if (m.removeEventListener) m.removeEventListener('change', cb); else m.removeListener(cb);
        _rs_on_environment_change();
        watchDpr();
      };
      if (m.addEventListener) m.addEventListener('change', cb); else m.addListener(cb);
    };
    watchDpr();
    ['(prefers-color-scheme: dark)', '(prefers-reduced-motion: reduce)', '(pointer: coarse)'].forEach(function (q) {
      var m = window.matchMedia(q);
      RS.mq[q] = m;
      var cb = function () { _rs_on_environment_change(); };
      if (m.addEventListener) m.addEventListener('change', cb); else m.addListener(cb);
    });
    RS.buildTwin();
  },

  rs_js_canvas_css_width__deps: ['$RS'],
  rs_js_canvas_css_width: function () {
    var w = RS.container.clientWidth;
    return w > 0 ? w : 320;
  },
  rs_js_content_height__deps: ['$RS'],
  rs_js_content_height: function (h) {
    RS.canvas.style.height = Math.ceil(h) + 'px';
  },

  rs_js_set_cursor__deps: ['$RS'],
  rs_js_set_cursor: function (c) {
    // ImGuiMouseCursor: -1 none, 0 arrow, 1 text input, 7 hand
    var css = c === 1 ? 'text' : (c === 7 ? 'pointer' : (c === 4 || c === 3 ? 'ew-resize' : 'default'));
    if (RS.canvas.style.cursor !== css) RS.canvas.style.cursor = css;
  },

  rs_js_canvas_point__deps: ['$RS'],
  rs_js_canvas_point: function (cx, cy, outX, outY) {
    var r = RS.canvas.getBoundingClientRect();
    var x = cx - r.left, y = cy - r.top;
    HEAPF64[outX >> 3] = x;
    HEAPF64[outY >> 3] = y;
    return (x >= 0 && y >= 0 && x < r.width && y < r.height) ? 1 : 0;
  },

  rs_js_prefers_dark__deps: ['$RS'],
  rs_js_prefers_dark: function () { return RS.mq['(prefers-color-scheme: dark)'].matches ? 1 : 0; },
  rs_js_reduced_motion__deps: ['$RS'],
  rs_js_reduced_motion: function () { return RS.mq['(prefers-reduced-motion: reduce)'].matches ? 1 : 0; },
  rs_js_coarse_pointer__deps: ['$RS'],
  rs_js_coarse_pointer: function () { return RS.mq['(pointer: coarse)'].matches ? 1 : 0; },

  //---------------------------------------------------------------------------
  // [SECTION] Services
  //---------------------------------------------------------------------------
  rs_js_copy_text__deps: ['$RS'],
  rs_js_copy_text: function (ptr) {
    var text = UTF8ToString(ptr);
    var fallback = function () {
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
      if (RS.canvas) RS.canvas.focus({ preventScroll: true });
      return ok;
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).catch(function () {
        if (!fallback()) RS.warn('the browser did not allow copying the link: ' + text);
      });
      return 1;
    }
    return fallback() ? 1 : 0;
  },

  rs_js_download_text__deps: ['$RS'],
  rs_js_download_text: function (namePtr, mimePtr, dataPtr) {
    var blob = new Blob([UTF8ToString(dataPtr)], { type: UTF8ToString(mimePtr) });
    RS.saveBlob(blob, UTF8ToString(namePtr));
  },

  rs_js_download_png__deps: ['$RS'],
  rs_js_download_png: function (namePtr, x, y, w, h) {
    // Called right after the frame was drawn, in the same task: the drawing
    // buffer still holds it, so it can be copied without preserveDrawingBuffer.
    var name = UTF8ToString(namePtr), src = RS.canvas;
    var sx = src.width / src.clientWidth;
    var c = document.createElement('canvas');
    c.width = Math.max(1, Math.round(w * sx));
    c.height = Math.max(1, Math.round(h * sx));
    var ctx = c.getContext('2d');
    var bg = getComputedStyle(RS.container).backgroundColor;
    ctx.fillStyle = bg && bg !== 'rgba(0, 0, 0, 0)' ? bg : (RS.theme === 'dark' ? '#121417' : '#ffffff');
    ctx.fillRect(0, 0, c.width, c.height);
    ctx.drawImage(src, x * sx, y * sx, w * sx, h * sx, 0, 0, c.width, c.height);
    c.toBlob(function (blob) { if (blob) RS.saveBlob(blob, name); }, 'image/png');
  },

  $RS__postset: 'RS.saveBlob = function (blob, name) {' +
    ' var a = document.createElement("a"); a.href = URL.createObjectURL(blob); a.download = name;' +
    ' document.body.appendChild(a); a.click(); document.body.removeChild(a);' +
    ' setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000); };',

  rs_js_share_url__deps: ['$RS'],
  rs_js_share_url: function (queryPtr) {
    var q = UTF8ToString(queryPtr);
    var base = Module['rsShareBase'];
    if (!base) {
      var loc = window.location;
      base = (loc.protocol === 'http:' || loc.protocol === 'https:') ? loc.origin + loc.pathname : loc.href.split('?')[0].split('#')[0];
      if (base.indexOf('embed.html') >= 0) base = base.replace('embed.html', 'index.html');
    }
    return RS.alloc(base + '?' + q);
  },

  rs_js_page_query__deps: ['$RS'],
  rs_js_page_query: function () { return RS.alloc(Module['rsInitialQuery'] || ''); },

  rs_js_warn__deps: ['$RS'],
  rs_js_warn: function (ptr) { RS.warn(UTF8ToString(ptr)); },

  //---------------------------------------------------------------------------
  // [SECTION] Accessible twin
  //---------------------------------------------------------------------------
  rs_js_results_changed__deps: ['$RS'],
  rs_js_results_changed: function (jsonPtr, summaryPtr, themePtr) {
    var json = UTF8ToString(jsonPtr), summary = UTF8ToString(summaryPtr);
    RS.theme = UTF8ToString(themePtr);
    var doc = document.documentElement;
    if (doc.getAttribute('data-rs-theme') !== RS.theme) doc.setAttribute('data-rs-theme', RS.theme);
    var results = JSON.parse(json);
    RS.syncTwin(results);
    if (summary !== RS.lastSummary) {
      RS.lastSummary = summary;
      clearTimeout(RS.liveTimer);  // speak once the reader settles, not on every drag step
      RS.liveTimer = setTimeout(function () { if (RS.live) RS.live.textContent = summary; }, 600);
    }
    RS.listeners.forEach(function (cb) {
      try { cb(results); } catch (e) { console.error(e); }
    });
  },

  rs_js_canvas_selector__deps: ['$RS'],
  rs_js_canvas_selector: function () { return RS.alloc(Module['rsCanvasSelector'] || '#rareshock-canvas'); },

  rs_js_failed__deps: ['$RS'],
  rs_js_failed: function (ptr) {
    var msg = UTF8ToString(ptr);
    RS.warn(msg);
    if (Module['rsOnFailed']) Module['rsOnFailed'](msg);
  },

  rs_js_post_model_task__deps: ['$RS'],
  rs_js_post_model_task: function () {
    // A message to ourselves is a new task that hidden tabs do not throttle (setTimeout is
    // held to once a second or less there): the model finishes while no frame is drawn.
    if (!RS.modelChannel) {
      RS.modelChannel = new MessageChannel();
      RS.modelChannel.port1.onmessage = function () { _rs_on_model_task(); };
    }
    RS.modelChannel.port2.postMessage(0);
  },

  rs_js_ready__deps: ['$RS'],
  rs_js_ready: function () {
    RS.makeApi();
    if (Module['rsOnReady']) Module['rsOnReady'](RS.api);
  },
};

// The twin, the API and the embed protocol are plain functions on RS, added after
// the library object so they can call each other freely.
RareShockLibrary['$RS__postset'] += `
RS.el = function (tag, attrs, text) {
  var e = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
  if (text) e.textContent = text;
  return e;
};
RS.buildTwin = function () {
  var host = RS.container.parentElement || document.body;
  var twin = RS.el('section', { 'class': 'rs-twin', 'aria-label': 'Calculator controls' });
  var fields = [
    { key: 'approval', label: 'Licence approval rate (%)', min: 0, max: 100, step: 1 },
    { key: 'inventory', label: 'Days of magnet inventory', min: 0, max: 365, step: 1 },
  ];
  RS.twinInputs = {};
  fields.forEach(function (f) {
    var row = RS.el('div', { 'class': 'rs-twin-row' });
    var id = 'rs-twin-' + f.key;
    row.appendChild(RS.el('label', { 'for': id }, f.label));
    var range = RS.el('input', { 'type': 'range', 'id': id, 'min': f.min, 'max': f.max, 'step': f.step });
    var num = RS.el('input', { 'type': 'number', 'min': f.min, 'max': f.max, 'step': f.step, 'aria-label': f.label });
    var onInput = function (e) {
      var v = e.target.value;
      if (v === '' || isNaN(Number(v))) return;
      RS.applyQuery(f.key + '=' + encodeURIComponent(v));
    };
    range.addEventListener('input', onInput);
    num.addEventListener('change', onInput);
    row.appendChild(range);
    row.appendChild(num);
    twin.appendChild(row);
    RS.twinInputs[f.key] = [range, num];
  });
  var presets = RS.el('div', { 'class': 'rs-twin-row', 'role': 'group', 'aria-label': 'Scenarios' });
  [['2025', '2025 as reported'], ['fast-track', 'Fast-track whitelist'], ['embargo', 'Full embargo'], ['truce', 'Truce']].forEach(function (p) {
    var b = RS.el('button', { 'type': 'button', 'data-preset': p[0] }, p[1]);
    b.addEventListener('click', function () { RS.applyQuery('preset=' + p[0]); });
    presets.appendChild(b);
  });
  var reset = RS.el('button', { 'type': 'button' }, 'Reset');
  reset.addEventListener('click', function () { RS.applyQuery('preset=2025'); });
  presets.appendChild(reset);
  twin.appendChild(presets);
  RS.live = RS.el('p', { 'class': 'rs-live', 'aria-live': 'polite', 'role': 'status' });
  twin.appendChild(RS.live);
  RS.table = RS.el('table', { 'class': 'rs-table' });
  twin.appendChild(RS.table);
  host.insertBefore(twin, RS.container);
  RS.twin = twin;
};
RS.fmt = function (v) { return v === null || v === undefined ? 'none within the horizon' : Math.round(v).toLocaleString('en-GB'); };
RS.syncTwin = function (results) {
  if (!RS.twin) return;
  var inputs = results['inputs'];
  Object.keys(RS.twinInputs).forEach(function (k) {
    RS.twinInputs[k].forEach(function (el) {
      if (document.activeElement !== el && String(inputs[k]) !== el.value) el.value = inputs[k];
    });
  });
  var rows = '<caption>Results by region (P10, P50, P90 across the simulations)</caption>' +
    '<thead><tr><th scope="col">Region</th><th scope="col">First line halts (day)</th><th scope="col">Vehicles lost</th></tr></thead><tbody>';
  var esc = function (s) { return String(s).replace(/[&<>"]/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; }); };
  results['regions'].forEach(function (r) {
    var h = r['first_halt_day'], v = r['vehicles_lost'];
    rows += '<tr><th scope="row">' + esc(r['name']) + '</th><td>' + esc(RS.fmt(h['p50'])) + ' (' + esc(RS.fmt(h['p10'])) + ' to ' + esc(RS.fmt(h['p90'])) +
      ')</td><td>' + esc(RS.fmt(v['p50'])) + ' (' + esc(RS.fmt(v['p10'])) + ' to ' + esc(RS.fmt(v['p90'])) + ')</td></tr>';
  });
  RS.table.innerHTML = rows + '</tbody>';
};
RS.makeApi = function () {
  var api = {};
  api['getInputs'] = function () { return api['getResults']()['inputs']; };
  api['getResults'] = function () { return JSON.parse(UTF8ToString(Module['_rs_api_results_json']())); };
  api['setInputs'] = function (obj) {
    var warnings = [];
    var q = RS.query(obj, warnings);
    if (q === null) {
      var m = 'setInputs expects an object such as {approval: 30, inventory: 45}';
      RS.warn(m);
      return [m];
    }
    return warnings.concat(RS.applyQuery(q));
  };
  api['setTheme'] = function (t) {
    if (t !== 'light' && t !== 'dark' && t !== 'auto') {
      RS.warn('setTheme expects "light", "dark" or "auto"');
      return ['bad theme'];
    }
    return RS.applyQuery('theme=' + t);
  };
  api['onChange'] = function (cb) {
    if (typeof cb !== 'function') { RS.warn('onChange expects a function'); return function () {}; }
    RS.listeners.push(cb);
    return function () { RS.listeners = RS.listeners.filter(function (x) { return x !== cb; }); };
  };
  api['stats'] = function () {
    return {
      'framesRendered': Module['_rs_api_frames_rendered'](),
      'lastModelMs': Module['_rs_api_last_model_ms'](),
      'lastFrameMs': Module['_rs_api_last_frame_ms'](),
      'firstFrameMs': Module['_rs_api_first_frame_ms']() || null,  // performance.now() at the first frame
      'heapBytes': Module['_rs_api_heap_bytes'](),
      'heapCapacityBytes': HEAP8.length,
    };
  };
  api['debugItem'] = function (name) {  // where a control is on the page (viewport CSS px), for tests
    var p = RS.alloc(String(name)), out = _malloc(32);
    var found = Module['_rs_api_item_rect'](p, out);
    var r = RS.canvas.getBoundingClientRect();
    var box = found ? { 'x0': r.left + HEAPF64[out >> 3], 'y0': r.top + HEAPF64[(out >> 3) + 1],
                        'x1': r.left + HEAPF64[(out >> 3) + 2], 'y1': r.top + HEAPF64[(out >> 3) + 3] } : null;
    _free(p); _free(out);
    return box;
  };
  api['shareUrl'] = function () { return UTF8ToString(Module['_rs_api_share_url']()); };
  RS.api = api;
  Module['rsApi'] = api;
};
`;

autoAddDeps(RareShockLibrary, '$RS');
mergeInto(LibraryManager.library, RareShockLibrary);
