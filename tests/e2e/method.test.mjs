// Rare Earth Shock — "Method and sources" is real HTML beside the canvas, generated
// at build time from docs/methodology.md (tools/site/methodology.mjs): the
// reader's part only, inline in the page and the offline file, fetched from its own
// page (method.html) when the reader opens it in the embed; the canvas links to it.
// Also checks the generator's Markdown dialect on small inputs.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ROOT, SITE, openWith, waitReady, clickOn, assert, noErrors, siteServer, listen } from './harness.mjs';
import { replay, tapSteps, waitIdle, bringIntoView } from './gestures.mjs';
import { methodologyHtml, readerPart, inlineHtml, editionLanguage } from '../../tools/site/methodology.mjs';

const METHOD_MD = fs.readFileSync(path.join(ROOT, 'docs/methodology.md'), 'utf8');

// What the section in a page says: headings, tables, and whether the developers' part leaked in.
const sectionState = () => {
  const d = document.getElementById('rs-method');
  if (!d) return null;
  const body = d.querySelector('.rs-method-body');
  return {
    open: d.open, tag: d.tagName, summary: d.querySelector('summary') && d.querySelector('summary').textContent.trim(),
    headings: [...d.querySelectorAll('h2, h3')].map((h) => h.textContent.trim()),
    tables: d.querySelectorAll('table').length, lang: body && body.getAttribute('lang'),
    text: body ? body.textContent : '', inlineStyles: d.querySelectorAll('[style]').length, scripts: d.querySelectorAll('script').length,
    userSelect: body ? getComputedStyle(body).userSelect : '',
  };
};

export function methodTests({ engine, site }) {
  const tests = [];

  tests.push(['method generator: the reader\'s part only, in the Markdown dialect of docs/methodology.md', async () => {
    const part = readerPart(METHOD_MD);
    assert(!/^#+\s+(\d+\.\s+)?For developers/m.test(part), 'the reader\'s part stops before "For developers"');
    assert(part.length > 2000, `the reader's part is the document's body (${part.length} chars)`);
    assert(readerPart('# T\n\ntext\n\n## 8. For developers: code\n\nsecret\n') === '# T\n\ntext\n', 'a numbered developers\' heading cuts');
    assert(readerPart('# T\n\n```\n## For developers\n```\nafter\n').includes('after'), 'a heading inside a code fence does not cut');
    assert(readerPart('# T\n\nA\n\n## Für Entwickler\n\nB\n', 'de') === '# T\n\nA\n', 'the German edition cuts at its own heading');
    assert(editionLanguage('docs/methodology.md') === 'en' && editionLanguage('docs/methodology.de.md') === 'de', 'edition language from the file name');
    const cases = [
      ['`a | b` and **bold**', '<code>a | b</code> and <strong>bold</strong>'],
      ['xoshiro128** seeded, 2 ** 3', 'xoshiro128** seeded, 2 ** 3'],
      ['see [the docs](https://example.test/a?b=1&c=2)', 'see <a href="https://example.test/a?b=1&amp;c=2">the docs</a>'],
      ['[bad](javascript:alert(1))', 'bad)'],
      ['<script>x</script> & "q"', '&lt;script&gt;x&lt;/script&gt; &amp; &quot;q&quot;'],
      ['`t < T` stays code', '<code>t &lt; T</code> stays code'],
      ['*emphasis*, day *t*, 2 * 3 * 4 and a*b*c', '<em>emphasis</em>, day <em>t</em>, 2 * 3 * 4 and a*b*c'],
      ['*英語からの翻訳。*', '<em>英語からの翻訳。</em>'],
    ];
    for (const [md, html] of cases) assert(inlineHtml(md) === html, `inline ${JSON.stringify(md)} → ${inlineHtml(md)} (want ${html})`);
    const doc = methodologyHtml('# Title\n\nIntro **x**.\n\n## 1. One\n\n- a\n  continued\n- b\n\n  para in b\n\n| K | V |\n|---|--:|\n| `k|1` | 2 |\n\n## 2. For developers\n\nhidden\n');
    assert(!doc.includes('Title') && !doc.includes('hidden'), `title and developers' part left out: ${doc}`);
    assert(doc.includes('<h2 id="rs-m-1-one">1. One</h2>'), `## is an h2 with an id: ${doc}`);
    assert(doc.includes('<li>a\ncontinued</li>') && doc.includes('<li><p>b</p>\n<p>para in b</p></li>'), `list items with continuation and paragraphs: ${doc}`);
    assert(doc.includes('<td><code>k|1</code></td><td class="rs-al-r">2</td>'), `table cells, code with a pipe, alignment: ${doc}`);
    const real = methodologyHtml(METHOD_MD);
    assert(!/\sstyle=|<script/i.test(real), 'no inline style or script (CSP)');
  }, { needs: ['noBrowser'] }]);

  for (const file of ['index.html', 'embed.html']) {
    const lazy = file === 'embed.html';  // the embed fetches it on open (its download has a budget)
    tests.push([`method: ${file} has "Method and sources" as HTML beside the canvas, closed, reader's part only` +
                (lazy ? ', fetched when opened' : ''), async () => {
      const html = fs.readFileSync(path.join(SITE, file), 'utf8');
      assert(!/{{method:(inline|lazy)}}/.test(html), `${file}: the marker was replaced`);
      assert(lazy === !html.includes('In plain words'), `${file}: the methodology is ${lazy ? 'not ' : ''}in the page itself`);
      // An embed's frame is as tall as its content (the host sizes it; the embed itself does not scroll).
      const { page, context } = await openWith(engine, `${site.url}/${file}`, { height: lazy ? 2600 : 900 });
      try {
        await waitReady(page);
        let s = await page.evaluate(sectionState);
        assert(s && s.tag === 'DETAILS' && s.summary === 'Method and sources', `a <details> "Method and sources": ${JSON.stringify(s && s.summary)}`);
        assert(!s.open, 'closed at first');
        if (lazy) {
          const link = await page.evaluate(() => { const a = document.querySelector('#rs-method a'); return a && a.getAttribute('href'); });
          assert(link === 'method.html' && s.headings.length === 0, `closed, it holds a link to its page (${link}), no text`);
        }
        // Opening it works without the calculator (a native disclosure).
        await clickOn(page, '#rs-method > summary');
        await page.waitFor(() => document.getElementById('rs-method').open, null, 10000);
        if (lazy) {
          await page.waitFor(() => document.querySelector('[data-rs-method-src]').getAttribute('data-rs-state') === 'loaded', null, 15000);
          s = await page.evaluate(sectionState);
        }
        assert(s.headings.some((h) => /In plain words/.test(h)) && s.headings.some((h) => /Calibration/.test(h)), `its headings: ${s.headings.join(' | ')}`);
        assert(!s.headings.some((h) => /For developers/i.test(h)) && !s.text.includes('digest_main.cpp'), 'no developers\' part');
        assert(s.tables >= 5, `the tables are HTML tables (${s.tables})`);
        assert(s.lang === 'en' && s.inlineStyles === 0 && s.scripts === 0, `lang, no inline style or script: ${JSON.stringify(s)}`);
        assert(s.userSelect !== 'none', `its text is selectable (user-select ${s.userSelect})`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert(overflow <= 0, `the open section does not widen the page (${overflow} px)`);
        await noErrors(page);
      } finally {
        await context.close();
      }
    }]);
  }

  tests.push(['method: an embed whose method page cannot be fetched keeps the link to it, with a warning', async () => {
    const inner = siteServer().listeners('request')[0];
    const server = http.createServer((req, res) => {
      if (new URL(req.url, 'http://x').pathname === '/method.html') { res.writeHead(503).end(); return; }
      inner(req, res);
    });
    const port = await listen(server, '127.0.0.1');
    const { page, context } = await openWith(engine, `http://127.0.0.1:${port}/embed.html`, { height: 2600 });
    try {
      await waitReady(page);
      await clickOn(page, '#rs-method > summary');
      await page.waitFor(() => document.querySelector('[data-rs-method-src]').getAttribute('data-rs-state') === 'failed', null, 15000);
      const s = await page.evaluate(() => { const a = document.querySelector('#rs-method a'); return { href: a && a.href, text: a && a.textContent, busy: document.querySelector('[data-rs-method-src]').getAttribute('aria-busy') }; });
      assert(/\/method\.html$/.test(s.href) && s.text === 'Method and sources' && s.busy === null, `the link stays: ${JSON.stringify(s)}`);
      const log = await page.logs();
      assert(log.warnings.some((w) => /Method and sources" could not be loaded/.test(w)), `a warning says so: ${log.warnings.join(' | ')}`);
    } finally {
      await context.close();
      await new Promise((r) => server.close(r));
    }
  }]);

  tests.push(['method: each edition has a page of its own (method.html, method.de.html, method.ja.html) in its language, without script', async () => {
    for (const [file, lang, heading] of [['method.html', 'en', 'In plain words'], ['method.de.html', 'de', 'In einfachen Worten'], ['method.ja.html', 'ja', 'わかりやすく言うと']]) {
      const html = fs.readFileSync(path.join(SITE, file), 'utf8');
      assert(html.startsWith('<!DOCTYPE html>') && html.includes(`<html lang="${lang}">`) && html.includes('<meta charset="utf-8">'), `${file}: a document in ${lang}`);
      assert(html.includes(heading) && !/<script/i.test(html) && !/\sstyle=/.test(html), `${file}: the reader's part, no script or inline style`);
      assert(html.includes(`<div class="rs-method-body" lang="${lang}">`), `${file}: the section's body, for the embed to take`);
    }
    for (const [file, page] of [['embed.de.html', 'method.de.html'], ['embed.ja.html', 'method.ja.html']]) {
      const html = fs.readFileSync(path.join(SITE, file), 'utf8');
      assert(html.includes(`data-rs-method-src="${page}"`), `${file} fetches ${page}`);
    }
  }, { needs: ['noBrowser'] }]);

  tests.push(['method: the offline file carries the same section', async () => {
    const html = fs.readFileSync(path.join(SITE, 'rareshock-offline.html'), 'utf8');
    assert(html.includes('id="rs-method"') && html.includes('In plain words'), 'the offline file has the section');
    assert(!html.includes('{{method:inline}}'), 'the marker was replaced');
  }, { needs: ['noBrowser'] }]);

  // The tap as a phone's touch screen sends it (pointer and touch events, replayed in the page
  // so that it is the same in every engine: gestures.mjs); no compatibility mouse events.
  // (Phones have the section right under the canvas, and no link: phone.test.mjs taps it there.)
  tests.push(['method: the canvas link opens the section and brings it into view (tablet 760 px DPR 2, a tap)', async () => {
    const { page, context } = await openWith(engine, `${site.url}/index.html`, { width: 760, height: 1024, dpr: 2, touch: true, mobile: true });
    try {
      await waitReady(page);
      await waitIdle(page);
      const box = await bringIntoView(page, 'method');
      assert(box, 'the canvas draws a "Method and sources" link');
      const x = Math.round((box.x0 + box.x1) / 2), y = Math.round((box.y0 + box.y1) / 2);
      await replay(page, tapSteps(x, y).filter((s) => /^(pointer|touch)/.test(s.type)));
      await page.waitFor(() => document.getElementById('rs-method').open, null, 10000);
      await page.waitFor(() => {
        const r = document.querySelector('#rs-method > summary').getBoundingClientRect();
        return r.top >= -1 && r.top < window.innerHeight / 2;
      }, null, 10000);
      const focused = await page.evaluate(() => document.activeElement === document.querySelector('#rs-method > summary'));
      assert(focused, 'focus moved to the section (keyboard and screen-reader users land there)');
      await noErrors(page);
    } finally {
      await context.close();
    }
  }]);

  return tests;
}
