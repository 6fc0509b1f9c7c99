/*! Rare Earth Shock — host loader. Paste once per page:
 *   <div data-rareshock data-src="https://…/embed.html" data-approval="25" data-theme="auto"></div>
 *   <script src="https://…/embed.js" defer></script>
 * Turns each placeholder into a lazy iframe with a title and reserved height (no
 * layout shift), then sizes it from the embed's messages after checking their
 * origin, source and shape. It forwards the host's theme when data-theme="host"
 * (reading the page's prefers-color-scheme) and exposes nothing global but
 * window.RareShockEmbed = { set(el, inputs), theme(el, theme) }.
 */
(function () {
  'use strict';
  var PARAMS = ['approval', 'inventory', 'preset', 'theme', 'lang', 'lag', 'transit', 'path_europe', 'path_north_america',
    'path_japan', 'path_south_korea', 'path_india', 'expedite',
    'dep_europe', 'dep_north_america', 'dep_japan', 'dep_south_korea', 'dep_india', 'alt_supply', 'alt_ramp',
    'controlled', 'horizon', 'draws', 'seed', 'v'];
  var MIN_HEIGHT = 200, MAX_HEIGHT = 20000;
  var frames = [];

  function warn(msg) { if (window.console) console.warn('rareshock embed: ' + msg); }

  function scriptBase() {
    var s = document.currentScript || document.querySelector('script[src*="embed.js"]');
    return s ? s.src.replace(/embed\.js(\?.*)?$/, '') : '';
  }
  var base = scriptBase();

  function mount(el) {
    if (el.getAttribute('data-rareshock-mounted')) return;
    var src = el.getAttribute('data-src') || (base + 'embed.html');
    var url;
    try { url = new URL(src, window.location.href); } catch (e) { warn('bad data-src: ' + src); return; }
    PARAMS.forEach(function (p) {
      var v = el.getAttribute('data-' + p.replace(/_/g, '-'));
      if (v !== null && v !== '') url.searchParams.set(p, v);
    });
    if (url.searchParams.get('theme') === 'host') url.searchParams.set('theme', hostTheme());
    // The embed accepts messages from this page only.
    url.searchParams.set('origins', window.location.origin);
    var height = parseInt(el.getAttribute('data-height'), 10);
    if (!(height >= MIN_HEIGHT && height <= MAX_HEIGHT)) height = estimateHeight(el.clientWidth || window.innerWidth);
    var iframe = document.createElement('iframe');
    iframe.src = url.toString();
    iframe.title = el.getAttribute('data-title') || 'Rare Earth Shock: which car factories stop when China withholds magnet licences';
    iframe.loading = 'lazy';
    iframe.setAttribute('scrolling', 'no');
    iframe.style.cssText = 'display:block;width:100%;border:0;overflow:hidden;height:' + height + 'px';
    el.setAttribute('data-rareshock-mounted', '1');
    el.innerHTML = '';
    el.appendChild(iframe);
    frames.push({ el: el, iframe: iframe, origin: url.origin, themed: el.getAttribute('data-theme') === 'host' });
  }

  // The calculator's height at a given width (measured on the embed: one column
  // under 600 px, a stacked layout to 900 px, two columns above), so the reserved
  // space is close to the final one and the article does not jump.
  function estimateHeight(width) {
    return width < 600 ? 2250 : (width < 900 ? 1850 : 1350);
  }

  function hostTheme() {
    return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  function frameFor(event) {
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].iframe.contentWindow === event.source) return frames[i];
    }
    return null;
  }

  window.addEventListener('message', function (event) {
    var f = frameFor(event);
    if (!f) return;                                  // not from one of our iframes
    if (event.origin !== f.origin) { warn('message from unexpected origin ' + event.origin + ' ignored'); return; }
    var m = event.data;
    if (!m || typeof m !== 'object') return;
    var h = m.height;
    var isResize = (m.type === 'rareshock:resize' && m.version === 1) || (m.sentinel === 'amp' && m.type === 'embed-size');
    if (!isResize) return;
    if (typeof h !== 'number' || !isFinite(h) || h < MIN_HEIGHT || h > MAX_HEIGHT) { warn('bad height ignored'); return; }
    f.iframe.style.height = Math.ceil(h) + 'px';
    f.el.style.minHeight = '0';  // the placeholder's reserved height has done its job
  });

  function send(el, message) {
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].el === el || frames[i].iframe === el) frames[i].iframe.contentWindow.postMessage(message, frames[i].origin);
    }
  }

  if (window.matchMedia) {
    var mq = window.matchMedia('(prefers-color-scheme: dark)');
    var onTheme = function () {
      frames.forEach(function (f) { if (f.themed) f.iframe.contentWindow.postMessage({ type: 'rareshock:theme', version: 1, theme: hostTheme() }, f.origin); });
    };
    if (mq.addEventListener) mq.addEventListener('change', onTheme); else if (mq.addListener) mq.addListener(onTheme);
  }

  function mountAll() {
    var els = document.querySelectorAll('[data-rareshock]');
    for (var i = 0; i < els.length; i++) mount(els[i]);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountAll); else mountAll();

  window.RareShockEmbed = {
    mount: mountAll,
    set: function (el, inputs) { send(el, { type: 'rareshock:set', version: 1, inputs: inputs }); },
    theme: function (el, theme) { send(el, { type: 'rareshock:theme', version: 1, theme: theme }); },
  };
})();
