// Rare Earth Shock — all browser JavaScript, as one Emscripten --js-library.
//
// [SECTION] Page and canvas (observers, sizes, cursor, coordinates)
// [SECTION] Services (clipboard, downloads, share URL, warnings)
// [SECTION] Publishing (results, theme, status, the model's tasks, ready)
//
// The JS API and the accessible twin live in page.js (a --pre-js file in the
// same module scope): the functions here hand what C++ publishes to RSPage.
// Public names are written as quoted properties so the closure compiler keeps them.

var RareShockLibrary = {
  $RS: {
    canvas: null,
    container: null,
    mq: {},
    channels: {},
    // Runs `fn` in a task of its own, through the MessageChannel named `name` (made once).
    postTask: function (name, fn) {
      var channel = RS.channels[name];
      if (!channel) {
        channel = RS.channels[name] = new MessageChannel();
        channel.port1.onmessage = fn;
      }
      channel.port2.postMessage(0);
    },
    pointerType: '',
    lostTimer: 0,
    // A WebGL context the browser has not given back after this long (Chrome evicts
    // the oldest when a page makes too many) gives way to the static picture.
    giveWayMs: 3000,
    // The picture and its summary in place of the canvas, the DOM controls shown and
    // a word on what happened (the text of `noteKey`); the model, the twin and the API
    // go on without frames. True if it gave way now (not already).
    giveWay: function (noteKey) {
      var box = RS.container;
      if (!box || box.classList.contains('rs-gave-way')) return false;
      box.classList.add('rs-gave-way');
      [].forEach.call(box.querySelectorAll('[data-srcset]'), function (el) { el.setAttribute('srcset', el.getAttribute('data-srcset')); });
      [].forEach.call(box.querySelectorAll('img[data-src]'), function (el) {
        el.setAttribute('src', el.getAttribute('data-src'));
        el.removeAttribute('hidden');
      });
      if (RSPage.twin) RSPage.twin.classList.add('rs-twin-shown');
      if (!RS.pausedNote) {
        var note = document.createElement('p');
        note.className = 'rs-paused';
        note.setAttribute('role', 'status');
        note.textContent = RSPage.t(noteKey) + ' ';
        var again = document.createElement('button');
        again.type = 'button';
        again.textContent = RSPage.t('page.reload');
        again.addEventListener('click', function () {  // the same page, with the reader's inputs
          var url = RSPage.api ? RSPage.api['shareUrl']() : '';
          var q = url.indexOf('?');
          window.location.search = q >= 0 ? url.slice(q) : window.location.search;
        });
        note.appendChild(again);
        RS.pausedNote = note;
      }
      var fig = box.querySelector('figure');
      if (fig) fig.insertBefore(RS.pausedNote, fig.firstChild); else box.appendChild(RS.pausedNote);
      return true;
    },
    contextGone: function () {
      if (RS.giveWay('page.paused')) RS.warn('the browser took the WebGL context and did not give it back: showing the static picture; the controls still work');
    },
    comeBack: function () {
      if (RS.faceRefused) return;  // a context given back does not bring the Japanese face back
      if (!RS.container || !RS.container.classList.contains('rs-gave-way')) return;
      RS.container.classList.remove('rs-gave-way');
      if (RSPage.twin) RSPage.twin.classList.remove('rs-twin-shown');
      if (RS.pausedNote && RS.pausedNote.parentNode) RS.pausedNote.parentNode.removeChild(RS.pausedNote);
    },
    warn: function (msg) { console.warn('rareshock: ' + msg); },
    alloc: function (s) {  // an owned C string for C++ (it frees it); 0 without memory
      var n = lengthBytesUTF8(s) + 1, p = RSPage.malloc(n);
      if (p) stringToUTF8(s, p, n);
      return p;
    },
    // The UTF-8 length of `s` when it is at most `max` bytes, else -1. A string of more
    // UTF-16 units than `max` has more bytes too: refused at once, without a scan.
    within: function (s, max) {
      if (s.length > max) return -1;
      var n = lengthBytesUTF8(s);
      return n > max ? -1 : n;
    },
    // The Japanese face (font-ja.ttf's bytes) to C++, which checks it before Dear ImGui
    // gets it (ui/face_check.h); a file over its limit is refused by its size, uncopied.
    // Returns why the face cannot be used ("" when it was taken).
    installFace: function (buffer) {
      var bytes;
      try { bytes = new Uint8Array(buffer); } catch (e) { return 'it is not a byte buffer'; }
      var n = bytes.length, copy = n > 0 && n <= Module['_rs_api_max_face_bytes'](), p = copy ? RSPage.malloc(n) : 0;
      if (copy && !p) return 'there is no memory for its ' + n + ' bytes';
      if (p) HEAPU8.set(bytes, p);
      var problem = UTF8ToString(Module['_rs_api_set_japanese_face'](p, n));
      _free(p);
      return problem;
    },
    faceRefused: false,
    // A face that cannot be used (not loaded, not a font, corrupt) would leave every
    // Japanese character a "?" on the canvas: the static picture and the page's controls
    // (real text, in the browser's own Japanese font) take its place, with one warning.
    refuseFace: function (problem) {
      RS.faceRefused = true;
      RS.warn('the Japanese face (font-ja.ttf) cannot be used: ' + problem + '; showing the picture and the controls instead of the chart');
      RS.giveWay('page.face_failed');
    },
    saveBlob: function (blob, name) {
      var a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = name;
      document.body.appendChild(a);
      a.click();
      document.body.removeChild(a);
      setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
    },
  },

  //---------------------------------------------------------------------------
  // [SECTION] Page and canvas
  //---------------------------------------------------------------------------
  rs_js_init__deps: ['$RS'],
  rs_js_init: function () {
    var canvas = Module['canvas'];
    RS.canvas = RSPage.canvas = canvas;
    RS.container = RSPage.container = canvas.parentElement;
    canvas.setAttribute('tabindex', '0');
    canvas.addEventListener('contextmenu', function (e) { e.preventDefault(); });
    // The browser took a touch for itself (it began to scroll or zoom the page).
    canvas.addEventListener('pointercancel', function (e) { if (e.pointerType === 'touch') _rs_on_touch_cancelled(); });
    // The wheel scrolls the page; ImGui only sees it (hover readouts). Passive, so that the
    // page scrolls at once even while the calculator's thread is busy.
    canvas.addEventListener('wheel', function (e) { _rs_on_wheel(e.deltaX, e.deltaY, e.deltaMode); }, { passive: true });
    // A lost context that does not come back gives way to the static picture.
    canvas.addEventListener('webglcontextlost', function () {
      clearTimeout(RS.lostTimer);
      RS.lostTimer = setTimeout(RS.contextGone, RS.giveWayMs);
    });
    canvas.addEventListener('webglcontextrestored', function () {
      clearTimeout(RS.lostTimer);
      RS.comeBack();
    });
    // Which pointer the latest pointer event came from: a mouse event that follows a
    // touch pointer's events (and no mouse pointer's) is a compatibility event of a tap.
    ['pointerdown', 'pointermove', 'pointerup'].forEach(function (t) {
      window.addEventListener(t, function (e) { RS.pointerType = e.pointerType; }, true);
    });
    RSPage.watchSharePress(canvas);
    RSPage.watchTypedTaps();
    // The canvas's box changed size (also once when observing starts): drawn again if its
    // width changed. The window resized (a rotation, a resized window, a zoom): drawn again.
    if (typeof ResizeObserver !== 'undefined') new ResizeObserver(function () { _rs_on_page_resize(0); }).observe(RS.container);
    window.addEventListener('resize', function () { _rs_on_page_resize(1); });
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
    RSPage.buildTwin();
    // Japanese: the face for its characters (font-ja.ttf), fetched by the factory
    // only for lang=ja, goes to C++ when it arrives (the next frame draws with it).
    // The factory's promise resolves to {bytes} or {error}; it never rejects.
    var face = Module['rsJapaneseFace'];
    if (face) face.then(function (got) {
      var problem = got['error'] ? 'it could not be loaded (' + got['error'] + ')' : RS.installFace(got['bytes']);
      if (problem) RS.refuseFace(problem);
    });
  },

  rs_js_canvas_css_width__deps: ['$RS'],
  rs_js_canvas_css_width: function () {
    var w = RS.container.clientWidth;
    return w > 0 ? w : 320;
  },
  rs_js_canvas_css_height__deps: ['$RS'],
  rs_js_canvas_css_height: function () { return RS.canvas.getBoundingClientRect().height || 1; },
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

  rs_js_mouse_follows_touch__deps: ['$RS'],
  rs_js_mouse_follows_touch: function () { return RS.pointerType === 'touch' ? 1 : 0; },

  // "Method and sources": a <details id="rs-method"> beside the canvas (HTML made
  // from docs/methodology.md at build time). The canvas links to it.
  rs_js_has_method_section__deps: ['$RS'],
  rs_js_has_method_section: function () { return document.getElementById('rs-method') ? 1 : 0; },
  rs_js_show_method_section__deps: ['$RS'],
  rs_js_show_method_section: function () {
    var d = document.getElementById('rs-method');
    if (!d) return;
    d.open = true;
    var summary = d.querySelector('summary') || d;
    summary.focus({ preventScroll: true });
    d.scrollIntoView({ block: 'start', behavior: RS.mq['(prefers-reduced-motion: reduce)'].matches ? 'auto' : 'smooth' });
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
  // Copy link. WebKit (every iPhone browser) lets a page write to the clipboard only
  // inside a user gesture, and ImGui sees a press a frame after it: so a press on the
  // canvas's share button is caught in the DOM event handler (RSPage.watchSharePress,
  // hit-tested against the button's box the UI publishes), and the frame that follows
  // only finds the copy under way. Success is reported when the clipboard's promise resolves.
  rs_js_copy_text: function (ptr, report) {
    var text = UTF8ToString(ptr), press = RSPage.pressCopy;
    if (!report) return RSPage.copyNow(text, null) ? 1 : 0;   // ImGui's own clipboard (Ctrl+C in a field)
    RSPage.pressCopy = null;
    if (press && press.text === text && performance.now() - press.at < 5000) return 2;
    RSPage.copyNow(text, RSPage.copyReport);   // the twin's button, a key: try, and say how it went
    return 2;
  },

  rs_js_download_text__deps: ['$RS'],
  rs_js_download_text: function (namePtr, mimePtr, dataPtr) {
    // The bytes as the app wrote them (UTF8ToString's TextDecoder would drop a CSV's byte-order mark).
    var blob = new Blob([HEAPU8.slice(dataPtr, HEAPU8.indexOf(0, dataPtr))], { type: UTF8ToString(mimePtr) });
    RS.saveBlob(blob, UTF8ToString(namePtr));
  },

  rs_js_download_image__deps: ['$RS'],
  rs_js_download_image: function (namePtr, svgPtr, width, height, scale) {
    // The picture is an SVG document composed by C++ (src/ui/export.cpp), drawn from
    // the results, not from the screen; a 2D canvas rasterises it at 1x or 2x.
    var name = UTF8ToString(namePtr), svg = UTF8ToString(svgPtr);
    var img = new Image();
    // A page whose Content-Security-Policy forbids data: images (img-src) cannot rasterise it: say so.
    var failed = function () {
      RS.warn('the picture could not be drawn (a Content-Security-Policy without img-src data: blocks it)');
      RSPage.say(RSPage.t('page.picture_failed'));
    };
    img.onload = function () {
      var c = document.createElement('canvas');
      c.width = Math.round(width * scale);
      c.height = Math.round(height * scale);
      var ctx = c.getContext('2d');
      ctx.drawImage(img, 0, 0, c.width, c.height);
      c.toBlob(function (blob) { if (blob) RS.saveBlob(blob, name); else failed(); }, 'image/png');
    };
    img.onerror = failed;
    img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
  },

  rs_js_share_url__deps: ['$RS'],
  rs_js_share_url: function (queryPtr) {
    var q = UTF8ToString(queryPtr);
    var base = Module['rsShareBase'];
    // A base longer than a query the model takes is not a link anyone can use (--query
    // reads a whole link): refused once, before it is copied; the page's own address serves.
    if (base && (typeof base !== 'string' || RS.within(base, Module['_rs_api_max_query_bytes']()) < 0)) {
      RS.warn('shareBase ignored: not a string of at most ' + Module['_rs_api_max_query_bytes']() + ' bytes (' +
              (typeof base === 'string' ? base.length + ' characters' : typeof base) + '); share links open this page');
      base = Module['rsShareBase'] = '';
    }
    if (!base) {
      var loc = window.location;
      // A page on file:// with no public page to name (the offline file built without
      // RS_PUBLIC_URL): its file name only, never its path, which can hold the reader's
      // name; the app says the link is local.
      base = (loc.protocol === 'http:' || loc.protocol === 'https:') ? loc.origin + loc.pathname
           : loc.protocol === 'file:' ? loc.pathname.slice(loc.pathname.lastIndexOf('/') + 1) : '';
      if (base.indexOf('embed.html') >= 0) base = base.replace('embed.html', 'index.html');
    }
    return RS.alloc(base + '?' + q);
  },

  // The page's query (URL parameters, createRareShock's inputs and query), refused with
  // the model's own message before it is copied when it is longer than the model takes.
  rs_js_page_query__deps: ['$RS'],
  rs_js_page_query: function () {
    var q = RSPage.initialQuery();
    if (RS.within(q, Module['_rs_api_max_query_bytes']()) < 0) {
      RS.warn('URL parameters: ' + UTF8ToString(Module['_rs_api_query_too_long'](lengthBytesUTF8(q))));
      q = '';
    }
    return RS.alloc(q);
  },

  // The table of the page's language (the web app embeds English only): the page's
  // inline <script type="application/json" id="rs-strings">, or strings-<code>.json
  // fetched by the factory, as Module.rsStrings = {lang, text}.
  // A table over the model's limit is refused before it is copied (English shows).
  rs_js_translation__deps: ['$RS'],
  rs_js_translation: function () {
    var t = Module['rsStrings'];
    if (!t || !t['lang'] || !t['text']) return 0;
    var lang = String(t['lang']).slice(0, 8), text = String(t['text']), max = Module['_rs_api_max_translation_bytes']();
    if (RS.within(text, max) < 0) {
      RS.warn('the text table for \'' + lang + '\' is longer than the ' + max + ' bytes taken; showing English');
      return 0;
    }
    return RS.alloc(lang + '\n' + text);
  },

  rs_js_warn__deps: ['$RS'],
  rs_js_warn: function (ptr) { RS.warn(UTF8ToString(ptr)); },

  //---------------------------------------------------------------------------
  // [SECTION] Publishing
  //---------------------------------------------------------------------------
  rs_js_results_changed: function (generation, dataPtr, count, summaryPtr, rowsPtr) {
    RSPage.resultsChanged(generation, dataPtr, count, summaryPtr, rowsPtr);
  },
  rs_js_theme_changed: function (themePtr) { RSPage.themeChanged(UTF8ToString(themePtr)); },
  rs_js_status: function (textPtr) { RSPage.say(UTF8ToString(textPtr)); },

  // A message to ourselves is a new task that hidden tabs do not throttle (setTimeout is
  // held to once a second or less there): the model finishes while no frame is drawn.
  rs_js_post_model_task__deps: ['$RS'],
  rs_js_post_model_task: function () { RS.postTask('model', function () { _rs_on_model_task(); }); },
  // The same for the start-up's steps (web_platform.cpp start_task).
  rs_js_post_start_task__deps: ['$RS'],
  rs_js_post_start_task: function () { RS.postTask('start', function () { _rs_on_start_task(); }); },

  // The canvas is named by a selector of our own ("!rareshock"), never by its id:
  // it may have none, or one that needs CSS escaping, or share it with another
  // canvas on the page. Every instance has its own module, so the name is private.
  rs_js_canvas_selector__deps: ['$RS', '$specialHTMLTargets'],
  rs_js_canvas_selector: function () {
    specialHTMLTargets['!rareshock'] = Module['canvas'];
    return RS.alloc('!rareshock');
  },

  rs_js_failed__deps: ['$RS'],
  rs_js_failed: function (ptr) {
    var msg = UTF8ToString(ptr);
    RS.warn(msg);
    if (Module['rsOnFailed']) Module['rsOnFailed'](msg);
  },

  rs_js_ready: function () {
    var api = RSPage.makeApi();
    if (Module['rsOnReady']) Module['rsOnReady'](api);
  },
};

autoAddDeps(RareShockLibrary, '$RS');
mergeInto(LibraryManager.library, RareShockLibrary);
