// Rare Earth Shock — the accessible DOM twin of the canvas: real controls for
// keyboards and screen readers (one per field of the facts, the actions as buttons),
// the regions' results as the text C++ wrote (ui/detail.h twin_rows: the page formats
// no number), and the aria-live summary that speaks once the reader settles. A --pre-js
// file after page.js (RSPage is page.js's); detail.js moves the twin's advanced controls
// under the canvas on phones.

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
  var t = RSPage.t;
  var esc = function (s) { return String(s).replace(/[&<>"]/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; }); };
  var rows = '<caption>' + esc(t(RSPage.provisional ? 'page.twin.caption.central' : 'page.twin.caption.bands')) + '</caption>' +
             '<thead><tr><th scope="col">' + esc(t('page.twin.col.region')) + '</th><th scope="col">' + esc(t('page.twin.col.supplier_first_stop')) +
             '</th><th scope="col">' + esc(t('page.twin.col.first_halt')) +
             '</th><th scope="col">' + esc(t('page.twin.col.vehicles')) + '</th></tr></thead><tbody>';
  // Each region's cells as C++ wrote them (ui/detail.h twin_rows: the numbers laid out
  // in the reader's language), a line each, the cells separated by tabs.
  RSPage.regionRows.split('\n').forEach(function (line) {
    if (!line) return;
    var cells = line.split('\t');
    rows += '<tr><th scope="row">' + esc(cells[0]) + '</th>' +
            cells.slice(1).map(function (c) { return '<td>' + esc(c) + '</td>'; }).join('') + '</tr>';
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

