/*! Rare Earth Shock — host loader. Paste with each embed (twice on a page is fine):
 *   <div data-rareshock data-src="https://…/embed.html" data-approval="25" data-theme="auto"></div>
 *   <script src="https://…/embed.js" defer></script>
 * Turns each placeholder into a lazy iframe with a title and a reserved height
 * measured for the column's width (no layout shift), then sizes it from the
 * embed's messages after checking their origin, source and shape. Only http:
 * and https: sources are loaded. Share links made in an embed return to this
 * page (data-share-url, else <link rel=canonical>, else this address), and a
 * share link opened here gives the embed its scenario. Forwards the host's
 * theme when data-theme="host". Exposes nothing global but
 * window.RareShockEmbed = { mount(root?), set(el, inputs), theme(el, theme) }.
 *
 * [SECTION] One loader per page
 * [SECTION] URLs (http/https only, share base, scenario from a share link)
 * [SECTION] Reserved height (measured by tools/site/heights.mjs)
 * [SECTION] Mounting, and dropping removed embeds
 * [SECTION] Messages from the embeds
 * [SECTION] API
 */
(function () {
  'use strict';

  //---------------------------------------------------------------------------
  // [SECTION] One loader per page
  //---------------------------------------------------------------------------
  // CMS blocks paste the snippet once per embed: the first copy serves every
  // embed on the page, later copies only mount the placeholders added since.
  var previous = window.RareShockEmbed;
  if (previous && previous.loader === 'rareshock') {
    previous.mount();
    return;
  }

  var MIN_HEIGHT = 200, MAX_HEIGHT = 20000;
  var MAX_ATTRIBUTE_CHARS = 256;   // a data-* value; the embed checks what it means
  var MAX_SCENARIO_CHARS = 2048;   // the scenario part of a share link
  var MAX_QUEUED = 64;             // messages held for an embed that is not ready yet
  var MAX_SRC_CHARS = 2048;        // a data-src (browsers load no frame from a URL of megabytes)
  // Placeholders that cannot show an iframe inside them (besides elements that are not HTML, e.g. <svg>).
  var NO_CONTENT = /^(AREA|AUDIO|BASE|BR|CANVAS|COL|EMBED|HR|IFRAME|IMG|INPUT|LINK|META|NOSCRIPT|OBJECT|OPTION|PARAM|PICTURE|SCRIPT|SELECT|SOURCE|STYLE|TEMPLATE|TEXTAREA|TITLE|TRACK|VIDEO|WBR)$/;
  // data-* attributes the loader reads itself; every other data-* becomes a URL
  // parameter of the embed (data-path-india → path_india), which checks it.
  var LOADER_ATTRIBUTES = ['rareshock', 'rareshock-mounted', 'src', 'height', 'title', 'share-url'];
  // URL parameters only the loader sets.
  var LOADER_PARAMS = ['origins', 'share', 'resize'];
  // The frame's title in each language (the pages' shell.title, written in by the build).
  var TITLES = {{embed:titles}} || { en: 'Rare Earth Shock' };
  var frames = [];  // {el, iframe, origin, themed, anchor, ready, queue}
  var scrolled = false;  // brought an embed into view for the share link in this page's address
  // That embed, kept in view while embeds above it settle their heights, until the reader
  // scrolls, types or taps (then the page is theirs).
  var kept = null;
  ['wheel', 'touchstart', 'keydown', 'mousedown'].forEach(function (type) {
    window.addEventListener(type, function () { kept = null; }, { passive: true, capture: true });
  });

  function warn(msg) { if (window.console) console.warn('rareshock embed: ' + msg); }
  function error(msg) { if (window.console) console.error('rareshock embed: ' + msg); }
  function refuse(el, msg) {
    error(msg + ' refused, no embed loaded');
    el.setAttribute('data-rareshock-mounted', 'refused');
  }
  function shown(s) { s = String(s); return JSON.stringify(s.length > 60 ? s.slice(0, 60) + '…' : s); }

  //---------------------------------------------------------------------------
  // [SECTION] URLs
  //---------------------------------------------------------------------------
  // An absolute http: or https: URL (relative ones are resolved against this
  // page), or null: javascript:, data:, blob: and the rest are never loaded.
  function httpUrl(s) {
    var url;
    try { url = new URL(String(s), window.location.href); } catch (e) { return null; }
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  }

  function scriptBase() {
    var s = document.currentScript || document.querySelector('script[src*="embed.js"]');
    return s ? s.src.replace(/embed\.js([?#].*)?$/, '') : '';
  }
  var base = scriptBase();

  // Share links name the embed they belong to in their fragment,
  // "#<anchor>?<scenario>": its id if it is a plain name, else "rareshock".
  var ANCHOR = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
  function anchorOf(el) { return ANCHOR.test(el.id) ? el.id : 'rareshock'; }

  // The scenario of the share link this page was opened with, if it names this anchor.
  function scenarioFor(anchor) {
    var hash = window.location.hash;
    var q = hash.indexOf('?');
    if (q < 0 || hash.slice(1, q) !== anchor) return null;
    var scenario = hash.slice(q + 1);
    if (!scenario) return null;
    if (scenario.length > MAX_SCENARIO_CHARS) {
      warn('the share link in this address is longer than ' + MAX_SCENARIO_CHARS + ' characters: ignored');
      return null;
    }
    return scenario;
  }

  // The page share links lead back to: data-share-url, else the canonical link, else this page.
  function shareBase(el, anchor) {
    var url = null, raw = el.getAttribute('data-share-url');
    if (raw !== null) {
      url = httpUrl(raw);
      if (!url) warn('data-share-url must be an http: or https: URL; ' + shown(raw) + ' ignored');
    }
    if (!url) {
      var link = document.querySelector('link[rel~="canonical"][href]');
      if (link) url = httpUrl(link.getAttribute('href'));
    }
    if (!url) url = httpUrl(window.location.href);
    if (!url) return null;  // e.g. a file: page: links go to the calculator's own page
    if (url.username || url.password) {  // readers' links must not hand them on
      warn('share links carry no user name or password: removed from the page they lead to');
      url.username = url.password = '';
    }
    url.hash = anchor;
    return url.href;
  }

  //---------------------------------------------------------------------------
  // [SECTION] Reserved height
  //---------------------------------------------------------------------------
  // The embed's content height by column width, measured in the UI's layouts
  // with a mouse (fine) and on a touch phone (coarse), per language (German words
  // are longer) and per option that changes it ("de headline=off": no sentence),
  // from assets/embed-heights.json (the site build writes it in here).
  var HEIGHTS = {{embed:heights}};

  // The embed's language: its lang= (data-lang), else its edition's page (embed.de.html).
  function embedLanguage(url) {
    var edition = /\bembed\.([a-z]+)\.html$/.exec(url.pathname);
    return (url.searchParams.get('lang') || (edition ? edition[1] : 'en')).trim().toLowerCase();
  }

  // The options of the embed's address that have heights of their own: those HEIGHTS was
  // measured with ("en headline=off" is English with headline=off), " headline=off" or "".
  function heightOptions(url) {
    for (var key in HEIGHTS) {
      var option = key.slice(key.indexOf(' ') + 1), eq = option.indexOf('=');
      if (key.indexOf(' ') > 0 && eq > 0 && url.searchParams.get(option.slice(0, eq)) === option.slice(eq + 1)) return ' ' + option;
    }
    return '';
  }

  function estimateHeight(width, lang, options) {
    var has = function (key) { return !!HEIGHTS && Object.prototype.hasOwnProperty.call(HEIGHTS, key); };
    var BANDS = HEIGHTS && (has(lang + options) ? HEIGHTS[lang + options] : has('en' + options) ? HEIGHTS['en' + options] :
                            has(lang) ? HEIGHTS[lang] : HEIGHTS.en);
    if (!BANDS || !BANDS.length) return 1600;
    var coarse = !!(window.matchMedia && window.matchMedia('(pointer: coarse)').matches);
    var band = BANDS[BANDS.length - 1];
    for (var i = 0; i < BANDS.length; i++) {
      if (BANDS[i].max_width === null || width <= BANDS[i].max_width) { band = BANDS[i]; break; }
    }
    var pts = coarse ? band.coarse : band.fine;
    if (width <= pts[0][0]) return pts[0][1];
    for (var j = 1; j < pts.length; j++) {
      if (width <= pts[j][0]) {
        var a = pts[j - 1], b = pts[j];
        return Math.ceil(a[1] + (b[1] - a[1]) * (width - a[0]) / (b[0] - a[0]));
      }
    }
    return pts[pts.length - 1][1];
  }

  function hostTheme() {
    return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  //---------------------------------------------------------------------------
  // [SECTION] Mounting, and dropping removed embeds
  //---------------------------------------------------------------------------
  // The iframe's address: the data-* parameters, then what only the loader sets;
  // a share link's scenario travels in the fragment (the embed reads it as inputs only).
  function embedUrl(el, src, anchor) {
    var url = src;
    for (var i = 0; i < el.attributes.length; i++) {
      var name = el.attributes[i].name, value = el.attributes[i].value;
      if (name.indexOf('data-') !== 0) continue;
      var key = name.slice(5);
      if (LOADER_ATTRIBUTES.indexOf(key) >= 0 || value === '') continue;
      var param = key.replace(/-/g, '_');
      if (LOADER_PARAMS.indexOf(param) >= 0) { warn(name + ' is set by the loader; ignored'); continue; }
      if (value.length > MAX_ATTRIBUTE_CHARS) { warn(name + ' is longer than ' + MAX_ATTRIBUTE_CHARS + ' characters; ignored'); continue; }
      url.searchParams.set(param, param === 'theme' && value === 'host' ? hostTheme() : value);
    }
    url.searchParams.set('origins', window.location.origin);  // the embed accepts messages from this page only
    var share = shareBase(el, anchor);
    if (share) url.searchParams.set('share', share); else url.searchParams.delete('share');
    url.searchParams.set('resize', 'host');  // this loader sizes the iframe: the embed need not say it is cut off
    url.hash = scenarioFor(anchor) || '';
    return url;
  }

  function mount(el) {
    if (el.__rareshock) {  // mounted before; back on the page after being moved (the iframe loads again)?
      if (frames.indexOf(el.__rareshock) < 0 && el.__rareshock.iframe.isConnected) {
        el.__rareshock.ready = false;
        frames.push(el.__rareshock);
      }
      return;
    }
    if (el.getAttribute('data-rareshock-mounted')) return;  // refused, or mounted by another copy of the loader
    if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml' || NO_CONTENT.test(el.tagName)) {
      refuse(el, 'a <' + el.tagName.toLowerCase() + '> cannot hold an embed (use a <div data-rareshock>):');
      return;
    }
    var raw = el.getAttribute('data-src');
    if (raw !== null && !raw.trim()) raw = null;  // empty or blank: none given, the embed beside this script
    var long = raw !== null && raw.length > MAX_SRC_CHARS;
    var src = long ? null : httpUrl(raw !== null ? raw : base + 'embed.html');
    var secret = src && (src.username || src.password);
    var problem = long ? 'is longer than ' + MAX_SRC_CHARS + ' characters' : !src ? 'must be an http: or https: URL' :
      secret ? 'must not carry a user name or password' :
      src.href.split('#')[0] === window.location.href.split('#')[0] ? 'is this page itself' : '';
    if (problem) {
      refuse(el, 'data-src ' + problem + ';' + (secret ? '' : ' ' + shown(raw !== null ? raw : base)));
      return;
    }
    var anchor = anchorOf(el);
    var url = embedUrl(el, src, anchor);
    var height = parseInt(el.getAttribute('data-height'), 10);
    if (!(height >= MIN_HEIGHT && height <= MAX_HEIGHT)) height = estimateHeight(el.clientWidth || window.innerWidth, embedLanguage(url), heightOptions(url));
    var iframe = document.createElement('iframe');
    iframe.src = url.href;
    var lang = (el.getAttribute('data-lang') || '').trim().toLowerCase();  // "DE", "de " name German too (the embed takes them)
    iframe.title = el.getAttribute('data-title') || (Object.prototype.hasOwnProperty.call(TITLES, lang) ? TITLES[lang] : TITLES.en);
    iframe.loading = 'lazy';
    iframe.setAttribute('scrolling', 'no');
    iframe.style.cssText = 'display:block;width:100%;border:0;overflow:hidden;height:' + height + 'px';
    el.setAttribute('data-rareshock-mounted', '1');
    el.innerHTML = '';
    el.appendChild(iframe);
    // The iframe now holds the measured height for this width: the snippet's CSS reserve has done its job.
    el.style.minHeight = '0';
    var f = { el: el, iframe: iframe, origin: url.origin, themed: el.getAttribute('data-theme') === 'host', anchor: anchor,
              ready: false, queue: [] };
    el.__rareshock = f;
    frames.push(f);
    if (url.hash && !scrolled) {  // opened from a share link: show the reader that embed
      scrolled = true;
      kept = el;
      el.scrollIntoView();
    }
  }

  // Placeholders in the document, or in `root`: an open shadow root (watched from then
  // on, as the document is) or an element.
  var observer = null, watched = [];
  function mountAll(root) {
    root = root && root.querySelectorAll ? root : document;
    if (root.host && observer && watched.indexOf(root) < 0) {
      watched.push(root);
      observer.observe(root, { childList: true, subtree: true });
    }
    var els = root.querySelectorAll('[data-rareshock]');
    for (var i = 0; i < els.length; i++) mount(els[i]);
    return live().length;
  }

  // The embeds still on the page (an iframe taken out of the document has no window to talk to).
  function live() {
    frames = frames.filter(function (f) { return f.iframe.isConnected && f.iframe.contentWindow; });
    return frames;
  }

  // Placeholders added later (single-page apps, late CMS blocks) mount themselves;
  // removed ones are dropped.
  if (typeof MutationObserver !== 'undefined') {
    observer = new MutationObserver(function (records) {
      var removed = false;
      records.forEach(function (r) {
        removed = removed || r.removedNodes.length > 0;
        for (var i = 0; i < r.addedNodes.length; i++) {
          var n = r.addedNodes[i];
          if (n.nodeType === 1 && (n.hasAttribute('data-rareshock') || n.querySelector('[data-rareshock]'))) {
            mountAll(r.target.getRootNode ? r.target.getRootNode() : document);
            break;
          }
        }
      });
      if (removed) live();
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
  }

  // A share link to this page opened while it is open: a fresh embed with that scenario.
  window.addEventListener('hashchange', function () {
    scrolled = false;
    live().forEach(function (f) {
      var scenario = scenarioFor(f.anchor);
      if (scenario === null) return;
      var url = new URL(f.iframe.src);
      url.hash = scenario;
      var next = f.iframe.cloneNode(false);
      next.src = url.href;
      f.el.replaceChild(next, f.iframe);
      f.iframe = next;
      f.ready = false;
      if (!scrolled) { scrolled = true; kept = f.el; f.el.scrollIntoView(); }
    });
  });

  //---------------------------------------------------------------------------
  // [SECTION] Messages from the embeds
  //---------------------------------------------------------------------------
  window.addEventListener('message', function (event) {
    var f = null, list = live();
    for (var i = 0; i < list.length; i++) {
      if (list[i].iframe.contentWindow === event.source) { f = list[i]; break; }
    }
    if (!f) return;                                  // not from one of our iframes
    if (event.origin !== f.origin) { warn('message from unexpected origin ' + event.origin + ' ignored'); return; }
    var m = event.data;
    if (!m || typeof m !== 'object') return;
    var h = m.height;
    var isResize = (m.type === 'rareshock:resize' && m.version === 1) || (m.sentinel === 'amp' && m.type === 'embed-size');
    if (!isResize) return;
    if (!f.ready) {  // its first message: the embed is ready; what was held for it goes now, in order
      f.ready = true;
      f.queue.splice(0).forEach(function (message) { post(f, message); });
    }
    if (typeof h !== 'number' || !isFinite(h) || h < MIN_HEIGHT || h > MAX_HEIGHT) { warn('bad height ignored'); return; }
    f.iframe.style.height = Math.ceil(h) + 'px';
    // An embed above the shared one changed height: the shared one stays where the reader sees it.
    if (kept && kept !== f.el && (f.el.compareDocumentPosition(kept) & Node.DOCUMENT_POSITION_FOLLOWING)) kept.scrollIntoView();
  });

  if (window.matchMedia) {
    var mq = window.matchMedia('(prefers-color-scheme: dark)');
    var onTheme = function () {
      live().forEach(function (f) { if (f.themed) deliver(f, { type: 'rareshock:theme', version: 1, theme: hostTheme() }); });
    };
    if (mq.addEventListener) mq.addEventListener('change', onTheme); else if (mq.addListener) mq.addListener(onTheme);
  }

  //---------------------------------------------------------------------------
  // [SECTION] API
  //---------------------------------------------------------------------------
  // A getter that throws, a function or a Proxy inside the inputs cannot be copied.
  function notSent(message, why) {
    warn(message.type + ' not sent: ' + why);
    return false;
  }
  function copyError(e) { return e && e.name ? e.name : 'the value cannot be copied'; }
  function post(f, message) {
    try {
      f.iframe.contentWindow.postMessage(message, f.origin);
      return true;
    } catch (e) {
      return notSent(message, copyError(e));
    }
  }

  // Posts to a ready embed (true); holds the message, a copy as postMessage would take,
  // until the embed is ready ('queued'); false (with a warning) if it cannot.
  function deliver(f, message) {
    if (f.ready) return post(f, message);
    if (f.queue.length >= MAX_QUEUED) return notSent(message, MAX_QUEUED + ' messages already wait for this embed to be ready');
    try {
      f.queue.push(window.structuredClone ? structuredClone(message) : message);
    } catch (e) {
      return notSent(message, copyError(e));
    }
    return 'queued';
  }

  // Sends to the embed of a placeholder (or its iframe): true, 'queued' or false (see deliver).
  function send(what, el, message) {
    var list = live(), sent = false, matched = false;
    for (var i = 0; i < list.length; i++) {
      if (list[i].el === el || list[i].iframe === el) { matched = true; sent = deliver(list[i], message) || sent; }
    }
    if (!matched) warn('RareShockEmbed.' + what + ': not a Rare Earth Shock embed on this page (removed, or not mounted yet)');
    return sent;
  }

  window.RareShockEmbed = {
    loader: 'rareshock',
    mount: mountAll,
    set: function (el, inputs) {
      if (inputs === null || typeof inputs !== 'object' || Array.isArray(inputs)) {
        warn('RareShockEmbed.set expects an object such as {approval: 30, inventory: 45}');
        return false;
      }
      return send('set', el, { type: 'rareshock:set', version: 1, inputs: inputs });
    },
    theme: function (el, theme) { return send('theme', el, { type: 'rareshock:theme', version: 1, theme: theme }); },
  };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', function () { mountAll(); }); else mountAll();
})();
