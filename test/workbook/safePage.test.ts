/** Exported pages are safe to open: sanitised notebook HTML, and a CSP naming the page's own scripts by hash. */
import assert from 'node:assert/strict';
import { createHash } from 'crypto';
import { renderIndexPage } from '../../scripts/indexPage';
import { renderNotebookPage } from '../../scripts/page';
import { benignNotebook, EVIL_HOST, hostileNotebook } from './hostileNotebook';

const render = (nb = hostileNotebook) => renderNotebookPage(nb, { title: 'hostile', source: 'notebooks/x.ipynb' }).html;

/** The Content-Security-Policy of a page, as directive → sources. */
function policyOf(html: string): Map<string, string[]> {
  const m = /<head>\s*<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(m, 'the first element of <head> is the CSP meta');
  return new Map(m[1].split(';').map((d) => {
    const [name, ...sources] = d.trim().split(/\s+/);
    return [name, sources];
  }));
}

/** Every <script> element of the page: its type attribute (if any) and its text. */
function scriptsOf(html: string): { type: string | null; text: string }[] {
  return [...html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)].map((m) => ({
    type: /type="([^"]*)"/.exec(m[1] ?? '')?.[1] ?? null,
    text: m[2],
  }));
}

/** The page without its own two scripts (plotly.js is 10 MB: failures must not print it). */
function contentOf(html: string): string {
  return html.replace(/<script>[\s\S]*?<\/script>/g, '<script>…</script>');
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('workbook: a hostile notebook exports to a page with none of its attacks', () => {
  const html = render();
  const page = contentOf(html);
  const body = page.slice(page.indexOf('<body>'));

  it('keeps no script of the notebook: the only executable scripts are the page’s own', () => {
    const executable = scriptsOf(html).filter((s) => s.type === null);
    assert.equal(executable.length, 2, 'plotly.js and the figure drawer');
    for (const s of scriptsOf(html)) assert.doesNotMatch(s.text, /__pwned/);
    assert.doesNotMatch(page, /__pwned/);
    for (const s of scriptsOf(html).filter((x) => x.type !== null)) assert.equal(s.type, 'application/json');
  });

  it('keeps no event handler, javascript: URL, frame, object, form, style element, meta refresh or base', () => {
    assert.doesNotMatch(body, /\son[a-z]+\s*=/i);
    assert.doesNotMatch(page, /javascript:/i);
    assert.doesNotMatch(body, /<(iframe|object|embed|form|input|button|style|link|meta|base|svg)\b/i);
  });

  it('references evil.example nowhere (no remote image, stylesheet, fetch or url())', () => {
    const at = html.indexOf(EVIL_HOST);
    assert.ok(at < 0, `found ${EVIL_HOST} at …${html.slice(at - 80, at + 40)}…`);
    assert.doesNotMatch(body, /url\(/i);
  });

  it('lets no notebook element take the page’s own ids or classes', () => {
    assert.equal(body.match(/id="figure-1-spec"/g)?.length, 1, 'only the real figure spec');
    assert.equal(body.match(/class="output figure"/g)?.length, 1, 'only the real figure');
    assert.match(body, /<pre class="output stream stdout">printed/);
  });

  it('keeps the harmless text around the attacks', () => {
    assert.match(body, /Hello\s+there\./);
    assert.match(body, /<b>bold<\/b>/);
    assert.match(body, /<em>md<\/em>/);
  });
});

describe('workbook: every page carries a Content-Security-Policy', () => {
  it('forbids every request and allows exactly the page’s own scripts, by SHA-256', () => {
    const html = render();
    const policy = policyOf(html);
    const own = scriptsOf(html).filter((s) => s.type === null).map((s) => sha256(s.text));
    assert.deepEqual([...(policy.get('script-src') ?? [])].sort(), own.sort());
    assert.deepEqual(policy.get('default-src'), ["'none'"]);
    for (const d of ['connect-src', 'font-src', 'frame-src', 'object-src', 'form-action', 'base-uri', 'worker-src']) {
      assert.deepEqual(policy.get(d), ["'none'"], d);
    }
    assert.deepEqual(policy.get('img-src'), ['data:', 'blob:']);
    assert.deepEqual(policy.get('style-src'), ["'unsafe-inline'"]);
    assert.ok(![...policy.values()].flat().some((s) => /^(https?:|\*|'unsafe-eval'|'self')/.test(s) || (s === "'unsafe-inline'" && policy.get('script-src')?.includes(s))));
  });

  it('is the same on every export (hashes, not random nonces)', () => {
    assert.ok(render() === render());
  });

  it('allows no script at all on pages without figures, and on the index', () => {
    const plain = renderNotebookPage({ cells: [{ cell_type: 'markdown', source: '# Text' }], metadata: {}, nbformat: 4, nbformat_minor: 5 }, { title: 't', source: 's' });
    assert.deepEqual(policyOf(plain.html).get('script-src'), ["'none'"]);
    const index = renderIndexPage([{ href: 'html/a.html', title: '<script>x</script>', file: 'a.ipynb', summary: '<img src=x onerror=y>' }]);
    assert.deepEqual(policyOf(index).get('script-src'), ["'none'"]);
    assert.doesNotMatch(index, /<script|<img/);
  });
});

describe('workbook: a benign notebook keeps what the course uses', () => {
  const page = contentOf(render(benignNotebook));
  const body = page.slice(page.indexOf('<body>'));

  it('headings, emphasis, lists, quotes, rules, code with its language', () => {
    assert.match(body, /<h1>Part 9 — A <em>benign<\/em> notebook<\/h1>/);
    assert.match(body, /<h2 id="section-with-bold-and-code">Section with <strong>bold<\/strong> and <code>code<\/code><\/h2>/);
    assert.match(body, /<ol>\s*<li>first<\/li>/);
    assert.match(body, /<ul>\s*<li>a<\/li>/);
    assert.match(body, /<blockquote>\s*<p>A quoted remark\.<\/p>/);
    assert.match(body, /<hr \/>|<hr>/);
    assert.match(body, /<pre><code class="language-ts">const x = 1;/);
    assert.match(body, /H<sub>2<\/sub>O and x<sup>2<\/sup>/);
    assert.match(body, /<details><summary>Hint<\/summary>Look at ρ\.<\/details>/);
  });

  it('markdown tables with their alignment, and showTable’s table with its class, caption and alignment', () => {
    assert.match(body, /<th align="left">layer<\/th>\s*<th align="right">capacity<\/th>/);
    assert.match(body, /<table class="netlab-table"><caption style="caption-side:top;text-align:left">Latency \(ms\)<\/caption>/);
    assert.match(body, /<td style="text-align:right">120\.50<\/td>/);
  });

  it('links to pages, anchors and the web; attached images as data URIs', () => {
    assert.match(body, /<a href="08-previous\.html" rel="noopener noreferrer">Part 8<\/a>/);
    assert.match(body, /<a href="#section" rel="noopener noreferrer">/);
    assert.match(body, /<a href="https:\/\/www\.rfc-editor\.org\/rfc\/rfc9000" rel="noopener noreferrer">/);
    assert.match(body, /<img src="data:image\/png;base64,iVBORw0KGgo=" alt="diagram" \/>/);
  });

  it('every figure', () => {
    assert.equal(body.match(/class="output figure"/g)?.length, 3);
  });
});
