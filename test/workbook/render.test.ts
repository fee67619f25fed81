/** The HTML export on hand-made notebooks: no kernel needed. */
import assert from 'node:assert/strict';
import { notebookTitle, type Notebook } from '../../scripts/notebook';
import { renderNotebookPage } from '../../scripts/page';
import { notebookLinkToPage } from '../../scripts/markdown';
import { partHeader, partMetadata } from '../../scripts/partHeader';
import { markdownWords, readingMinutes } from '../../scripts/readability';
import { PAGE_CSS } from '../../scripts/style';

const PLOTLY = 'application/vnd.plotly.v1+json';
const figure = { data: [{ x: [1, 2], y: [3, 4], type: 'scatter' }], layout: {} };

function nb(cells: Notebook['cells']): Notebook {
  return { cells, metadata: {}, nbformat: 4, nbformat_minor: 5 };
}

const sample = nb([
  { cell_type: 'markdown', source: ['# The *first* part\n', '\n', 'Next: [part 1](01-osi.ipynb#top) and [docs](https://example.org/x.ipynb).'] },
  {
    cell_type: 'code',
    source: 'show(fig);',
    outputs: [
      { output_type: 'display_data', data: { 'text/html': '<script>/* plotly.js v4 copy */</script>' }, metadata: { netlab: { role: 'plotly-loader' } } },
      { output_type: 'display_data', data: { [PLOTLY]: figure, 'text/html': '<div id="netlab-figure-1"></div>' }, metadata: {} },
      { output_type: 'display_data', data: { 'text/plain': '' }, metadata: {} },
      { output_type: 'stream', name: 'stdout', text: 'a <b>\n' },
      { output_type: 'stream', name: 'stdout', text: 'c\n' },
      { output_type: 'display_data', data: { [PLOTLY]: figure }, metadata: {} },
      { output_type: 'display_data', data: { 'image/png': 'iVBORw0KGgo=' }, metadata: {} },
      { output_type: 'error', ename: 'Error', evalue: 'bad', traceback: ['\x1b[31mError: bad\x1b[0m'] },
    ],
  },
]);

describe('workbook: HTML export', () => {
  const page = renderNotebookPage(sample, { title: notebookTitle(sample, 'x.ipynb'), source: 'notebooks/x.ipynb' });
  const body = page.html.replace(/<script>[\s\S]*?<\/script>/g, '');

  it('takes the title from the first heading, as plain text', () => {
    assert.equal(notebookTitle(sample, 'x.ipynb'), 'The first part');
    assert.match(page.html, /<title>The first part<\/title>/);
  });

  it('draws plotly figures from their JSON and includes plotly.js exactly once', () => {
    assert.equal(page.figures, 2);
    assert.equal(page.html.match(/\* plotly\.js v\d/g)?.length, 1);
    assert.equal(body.match(/class="output figure"/g)?.length, 2);
  });

  it('drops the live-notebook plotly loader, the figure HTML fallback and blank outputs', () => {
    assert.doesNotMatch(page.html, /plotly\.js v4 copy|netlab-figure-1/);
    assert.doesNotMatch(body, /<pre class="output text"><\/pre>/);
  });

  it('shows streams escaped and merged, images inline, errors in red without colour codes', () => {
    assert.match(body, /<pre class="output stream stdout">a &lt;b&gt;\nc\n<\/pre>/);
    assert.match(body, /<img alt="" src="data:image\/png;base64,iVBORw0KGgo=">/);
    assert.match(body, /<pre class="output error">Error: bad<\/pre>/);
  });

  it('points links to notebooks at their pages, and leaves other links alone', () => {
    assert.match(body, /href="01-osi\.html#top"/);
    assert.match(body, /href="https:\/\/example\.org\/x\.ipynb"/);
    assert.equal(notebookLinkToPage('../a.ipynb?x=1'), '../a.html?x=1');
  });

  it('references nothing outside the page', () => {
    assert.doesNotMatch(body, /(src|href)="(https?:)?\/\/(?!example\.org)/);
    assert.doesNotMatch(page.html, /<script[^>]+src=|<link[^>]+href=/);
  });

  it('leaves plotly.js out of pages without figures', () => {
    const plain = renderNotebookPage(nb([{ cell_type: 'markdown', source: '# Text only' }]), { title: 't', source: 's' });
    assert.doesNotMatch(plain.html, /plotly\.js v\d/);
    assert.ok(plain.html.length < 20_000);
  });
});

describe('workbook: pages put the story first', () => {
  const part = nb([
    { cell_type: 'markdown', source: '# Part 9 — A question?\n\nOpening words.\n\n## 1. First & foremost\n\nText.' },
    { cell_type: 'code', source: '// Page-load times at 1 % loss\nconst x = 1;', outputs: [] },
    { cell_type: 'code', source: 'const y = 2; // no label', outputs: [] },
    { cell_type: 'markdown', source: '## 1. First & foremost\n\nAgain.' },
  ]);
  part.metadata = { netlab: { question: 'Does it?', outcomes: ['say why'], buildsOn: ['00-prologue.ipynb'] } };
  const header = partHeader(part, '09-q.ipynb', new Map([['00-prologue', 'Part 0 — Prologue']]))!;
  const page = renderNotebookPage(part, { title: 't', source: 's', header }).html;

  it('folds every code cell into a closed <details> labelled by its first comment', () => {
    assert.equal(page.match(/<details class="source"><summary>/g)?.length, 2);
    assert.match(page, /<details class="source"><summary>Page-load times at 1 % loss<\/summary>/);
    assert.match(page, /<details class="source"><summary>Code<\/summary>/);
    assert.doesNotMatch(page, /<details[^>]* open/);
  });

  it('puts the header and a table of contents under the title, with unique anchors', () => {
    const title = page.indexOf('</h1>');
    const head = page.indexOf('<header class="part">');
    const toc = page.indexOf('<nav class="toc">');
    assert.ok(title > 0 && head > title && toc > head, 'title, then header, then contents');
    assert.match(page, /The question<\/span> Does it\?/);
    assert.match(page, /<li>say why<\/li>/);
    assert.match(page, /About \d+ min to read · Builds on <a href="00-prologue\.html">Part 0 — Prologue<\/a>/);
    assert.match(page, /<h2 id="1-first-foremost">/);
    assert.match(page, /<h2 id="1-first-foremost-2">/);
    assert.match(page, /<a href="#1-first-foremost">1\. First &amp; foremost<\/a>/);
  });

  it('wraps long lines instead of scrolling sideways', () => {
    assert.match(PAGE_CSS, /pre \{[^}]*white-space: pre-wrap/);
  });

  it('refuses malformed part metadata, naming the key', () => {
    const bad = nb([]);
    bad.metadata = { netlab: { question: 'q', outcome: [] } };
    assert.throws(() => partMetadata(bad, 'x.ipynb'), /x\.ipynb: metadata\.netlab has unknown key "outcome"/);
    bad.metadata = { netlab: { question: '', outcomes: [] } };
    assert.throws(() => partMetadata(bad, 'x.ipynb'), /question must be a non-empty string/);
    assert.equal(partMetadata(nb([]), 'x.ipynb'), null);
  });

  it('counts words of prose and estimates the reading time', () => {
    assert.equal(markdownWords(part), 14);
    assert.equal(readingMinutes(part), 1);
  });
});
