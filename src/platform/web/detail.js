// Rare Earth Shock — the detail under the canvas: where and when per region, which
// parts run out, what moves the answer, and on phones the sentence, the actions as
// buttons and "Advanced assumptions" as the twin's real controls.
//
// A --pre-js file after page.js (whose RSPage it extends), in the same Emscripten
// module; the closure compiler checks and minifies it with the rest of the glue.
// page.js calls RSPage.buildDetail when it builds the twin and RSPage.syncDetail
// when results are published. The HTML itself is made in C++ (src/ui/detail.h).

// Where and when per region, which parts run out and what moves the answer, as
// HTML under the canvas (made by C++ from the results: ui/detail.h). The page
// shells carry the default scenario's, written at build time, in #rs-detail; a
// calculator on another page's canvas gets its own box after the canvas.
// Where and when per region is open on screens of 600 px and wider; the other
// sections, and all of them on phones, are folded until the reader opens them. The
// reader's choice is kept across updates.
RSPage.DETAIL_OPEN_FROM = '(min-width: 600px)';
RSPage.DETAIL_OPEN = { 'regions': true };
RSPage.buildDetail = function (anchor) {
  var detail = RSPage.canvas.id === 'rareshock-canvas' ? document.getElementById('rs-detail') : null;
  if (!detail) {
    detail = RSPage.el('div', { 'class': 'rs-detail', 'id': RSPage.id('detail') });
    anchor.parentNode.insertBefore(detail, anchor.nextSibling);
  }
  detail.setAttribute('lang', RSPage.read(Module['_rs_api_language']()));
  var body = detail.querySelector('.rs-detail-body');  // the page shells': the build's default scenario in it
  if (!body) body = detail.appendChild(RSPage.el('div', { 'class': 'rs-detail-body' }));
  // Phones: the actions are a row of real buttons here (the canvas keeps them on wider screens),
  // with the status of the last one (the twin's status speaks it; this one is for the eye).
  var bar = RSPage.actionButtons('rs-actions rs-d-phone', true);
  RSPage.barStatus = RSPage.el('p', { 'class': 'rs-actions-status', 'aria-hidden': 'true' });
  bar.appendChild(RSPage.barStatus);
  detail.insertBefore(bar, body);
  RSPage.bar = bar;
  RSPage.detailBody = body;
  // The canvas's layout (ui/app.h kNarrowLayoutBelowPx) decides what the page shows here.
  var narrowBelow = RSPage.facts['breakpoints']['narrow_below_px'];
  var layout = function () {
    var narrow = RSPage.canvas.clientWidth < narrowBelow;
    detail.classList.toggle('rs-narrow', narrow);
    var wide = window.matchMedia ? window.matchMedia(RSPage.DETAIL_OPEN_FROM).matches : true;
    if (wide !== RSPage.detailWide) {
      RSPage.detailWide = wide;
      if (RSPage.detailBody) RSPage.openDetailSections();
    }
    // Phones: "Advanced assumptions" are the twin's real controls, shown here (the canvas draws
    // them on wider screens, and the twin keeps them for keyboards and screen readers there).
    var adv = RSPage.advanced, home = narrow ? detail : RSPage.twin;
    if (adv && adv.parentNode !== home) {
      adv.classList.toggle('rs-d-section', narrow);
      if (narrow) detail.appendChild(adv); else RSPage.twin.insertBefore(adv, RSPage.twinActions);
    }
  };
  RSPage.detailOpen = {};
  RSPage.detailWide = true;
  layout();
  window.addEventListener('resize', layout, { passive: true });
  detail.addEventListener('toggle', function (e) {  // the reader's choice (toggle does not bubble: captured)
    if (e.target.getAttribute && e.target.getAttribute('data-rs-section')) RSPage.noteDetailOpen(e.target);
  }, true);
  RSPage.detail = detail;
  RSPage.placeBar();
  RSPage.openDetailSections();
};
// The phones' row of actions goes right under the sentence.
RSPage.placeBar = function () {
  var lede = RSPage.detailBody.querySelector('.rs-d-lede');
  if (lede) lede.parentNode.insertBefore(RSPage.bar, lede.nextSibling);
};
RSPage.detailDefault = function (id) { return RSPage.detailWide && !!RSPage.DETAIL_OPEN[id]; };
// Remembers a section's state as the page shows it; one set to its default (by the page,
// or by the reader) follows the width again.
RSPage.noteDetailOpen = function (d) {
  var id = d.getAttribute('data-rs-section');
  if (d.open === RSPage.detailDefault(id)) delete RSPage.detailOpen[id];
  else RSPage.detailOpen[id] = d.open;
};
RSPage.openDetailSections = function () {
  Array.prototype.forEach.call(RSPage.detailBody.querySelectorAll('details[data-rs-section]'), function (d) {
    var id = d.getAttribute('data-rs-section'), open = RSPage.detailOpen[id];
    var want = open === undefined ? RSPage.detailDefault(id) : open;
    if (d.open !== want) d.open = want;
  });
};
// Rewritten once per generation of settled results (with their ranges); while the
// reader drags, the central estimate only dims it, so nothing is read per frame. The
// rewrite runs in a task of its own (RSPage.later), not in the frame that published.
RSPage.syncDetail = function () {
  var detail = RSPage.detail;
  if (!detail) return;
  var stale = RSPage.provisional;
  if (detail.classList.contains('rs-detail-stale') !== stale) detail.classList.toggle('rs-detail-stale', stale);
  if (stale || RSPage.detailGeneration === RSPage.generation || RSPage.detailQueued) return;
  RSPage.detailQueued = true;
  RSPage.later(RSPage.writeDetail);
};
RSPage.writeDetail = function () {
  RSPage.detailQueued = false;
  var detail = RSPage.detail;
  if (!detail || RSPage.provisional || RSPage.detailGeneration === RSPage.generation) return;
  RSPage.detailGeneration = RSPage.generation;
  var ptr = Module['_rs_api_detail_html'](), html = UTF8ToString(ptr);
  RSPage.detailBytes += lengthBytesUTF8(html);
  // The summary that had focus keeps it after the rewrite.
  var focused = document.activeElement, section = null;
  if (focused && detail.contains(focused)) section = focused.closest('details[data-rs-section]');
  var sectionId = section ? section.getAttribute('data-rs-section') : null;
  // The sections as the reader left them: the toggle event of a section just opened is a
  // task of its own, which may come after this one (it then notes the same state).
  Array.prototype.forEach.call(RSPage.detailBody.querySelectorAll('details[data-rs-section]'), RSPage.noteDetailOpen);
  detail.insertBefore(RSPage.bar, RSPage.detailBody);  // out of the way of the rewrite
  RSPage.detailBody.innerHTML = html;
  RSPage.placeBar();
  RSPage.openDetailSections();
  if (sectionId) {
    var again = detail.querySelector('details[data-rs-section="' + sectionId + '"] > summary');
    if (again) again.focus({ preventScroll: true });
  }
};
