// Rare Earth Shock — real fields over the canvas where the canvas cannot do the
// job itself: Copy link inside the reader's gesture (the clipboard needs it), the
// link in a text field when the copy is refused, and a real text field for typed
// entry on touch screens (a phone's keyboard). A --pre-js file after twin.js;
// library.js's rs_js_* functions call these from C.

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
  var tap = null, canvas = RSPage.canvas;
  // Only touchend cancels (no click after it): the others are passive, so they never
  // hold a scroll back.
  var opts = { capture: true, passive: true }, cancels = { capture: true, passive: false };
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
  }, cancels);
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
