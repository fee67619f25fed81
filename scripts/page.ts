/**
 * One executed notebook as one self-contained HTML page: markdown rendered, code
 * highlighted, outputs inline, and — when the page has figures — plotly.js inlined
 * once at the end followed by one small script that draws every figure from its
 * JSON. No external URL is referenced, so the page opens from disk, offline.
 *
 * Safe to open when the notebook came from someone else: markdown and `text/html`
 * outputs pass through an allow-list sanitiser (sanitize.ts: no script, event
 * handlers, javascript: URLs, frames, forms, remote images or styles that fetch),
 * everything else is escaped text or JSON in a non-executed data block, and the
 * first element of <head> is a Content-Security-Policy (csp.ts) that forbids every
 * request and runs only the two inline scripts above, by their SHA-256 hashes.
 */
import { readFileSync } from 'fs';
import { cspMeta } from './csp';
import { escapeAttr, escapeHtml, scriptSource } from './html';
import { highlightTypeScript } from './highlight';
import { instructorOnlyTags } from './editions';
import { renderMarkdown } from './markdown';
import { text, type Cell, type Notebook } from './notebook';
import { renderOutputs, type FigureCounter } from './outputs';
import { PAGE_CSS } from './style';
import { renderPartHeader, type PartHeader } from './partHeader';

export interface PageLink {
  href: string;
  title: string;
}

export interface PageOptions {
  title: string;
  /** Shown in the footer, e.g. `notebooks/00-prologue.ipynb`. */
  source: string;
  /** Link to the index page. */
  indexHref?: string;
  prev?: PageLink;
  next?: PageLink;
  /** The edition the page belongs to, shown in the navigation bar (e.g. `Student edition`). */
  edition?: string;
  /** The part's question, outcomes, reading time and prerequisites, shown under the title. */
  header?: PartHeader;
}

export interface RenderedPage {
  html: string;
  figures: number;
}

export function renderNotebookPage(nb: Notebook, opts: PageOptions): RenderedPage {
  const figures: FigureCounter = { next: 0 };
  const contents: Heading[] = [];
  const cells = nb.cells.map((cell) => {
    const source = text(cell.source);
    const { classes, badge } = instructorMarks(cell);
    if (cell.cell_type === 'markdown') {
      const html = anchorHeadings(renderMarkdown(source, cell.attachments), contents);
      return `<section class="cell markdown${classes}">\n${badge}${html}</section>`;
    }
    if (cell.cell_type === 'raw') {
      return source.trim() === '' ? '' : `<section class="cell raw${classes}">${badge}<pre>${escapeHtml(source)}</pre></section>`;
    }
    const input = source.trim() === '' ? '' : foldedSource(source);
    const outputs = renderOutputs(cell.outputs ?? [], figures);
    return input === '' && outputs === '' ? '' : `<section class="cell code${classes}">\n${badge}${input}\n${outputs}\n</section>`;
  });
  // The page's own scripts, and nothing else, may run: the policy names them by hash.
  const ownScripts = figures.next > 0 ? [plotlyJs(), DRAW_FIGURES] : [];
  const scripts = ownScripts.map((js) => `<script>${js}</script>\n`).join('');
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
${cspMeta(ownScripts)}
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(opts.title)}</title>
<style>${PAGE_CSS}</style>
</head>
<body>
${navigation(opts)}
<main>
${withHeader(cells.filter((c) => c !== ''), opts.header, contents)}
</main>
<footer>Executed copy of <code>${escapeHtml(opts.source)}</code>, run on the tslab TypeScript kernel.${
    figures.next > 0 ? ` Figures drawn with plotly.js ${plotlyVersion()}.` : ''
  }</footer>
${scripts}</body>
</html>
`;
  return { html, figures: figures.next };
}

/** A section heading of the page, for its table of contents. */
interface Heading {
  id: string;
  text: string;
}

/**
 * Gives each level-2 heading an id (a slug of its text, unique on the page) and
 * lists it in `contents`. Runs on sanitised HTML; the ids are ours.
 */
function anchorHeadings(html: string, contents: Heading[]): string {
  return html.replace(/<h2>([\s\S]*?)<\/h2>/g, (_, inner: string) => {
    const plain = inner.replace(/<[^>]*>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").trim();
    const base = plain.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'section';
    let id = base;
    for (let k = 2; contents.some((h) => h.id === id); k++) id = `${base}-${k}`;
    contents.push({ id, text: plain });
    return `<h2 id="${escapeAttr(id)}">${inner}</h2>`;
  });
}

/** The part header and the table of contents, placed under the page's title (its first heading). */
function withHeader(cells: string[], header: PartHeader | undefined, contents: Heading[]): string {
  const toc = contents.length > 0
    ? `<nav class="toc"><p class="label">On this page</p><ul>${contents.map((h) => `<li><a href="#${escapeAttr(h.id)}">${escapeHtml(h.text)}</a></li>`).join('')}</ul></nav>`
    : '';
  const block = `${header ? renderPartHeader(header) : ''}${toc}`;
  if (block === '') return cells.join('\n');
  const first = cells[0] ?? '';
  const end = first.indexOf('</h1>');
  if (end < 0) return [block, ...cells].join('\n');
  const cut = end + '</h1>'.length;
  return [`${first.slice(0, cut)}\n${block}${first.slice(cut)}`, ...cells.slice(1)].join('\n');
}

/**
 * A code cell's source, folded: a closed <details> whose label is the cell's first
 * line when it is a comment (`// Page-load times at 1 % loss`), else "Code".
 */
function foldedSource(source: string): string {
  const first = source.split('\n', 1)[0].trim();
  const label = first.startsWith('//') ? first.replace(/^\/\/+\s*/, '') : '';
  return `<details class="source"><summary>${escapeHtml(label || 'Code')}</summary><pre><code>${highlightTypeScript(source)}</code></pre></details>`;
}

/**
 * A cell only the instructor edition has is marked: a class per tag and a small
 * badge ("Solution", "Instructor") above it. The text is fixed here, never the notebook's.
 */
function instructorMarks(cell: Cell): { classes: string; badge: string } {
  const tags = instructorOnlyTags(cell);
  if (tags.length === 0) return { classes: '', badge: '' };
  const badges = tags.map((t) => `<span class="badge ${t}">${t === 'solution' ? 'Solution' : 'Instructor'}</span>`).join(' ');
  return { classes: ` instructor-only ${tags.join(' ')}`, badge: `<div class="badges">${badges}</div>\n` };
}

function navigation(opts: PageOptions): string {
  const link = (label: string, l?: PageLink): string =>
    l ? `<a href="${escapeAttr(l.href)}" title="${escapeAttr(l.title)}">${label}</a>` : '';
  return `<nav class="top"><div class="bar">${
    opts.indexHref ? `<a class="home" href="${escapeAttr(opts.indexHref)}">NetLab workbook</a>` : '<span class="home">NetLab workbook</span>'
  }${opts.edition ? `<span class="edition">${escapeHtml(opts.edition)}</span>` : ''}<span class="spacer"></span>${link('← previous', opts.prev)}${link('next →', opts.next)}</div></nav>`;
}

/** Draws each `.output.figure` from the JSON script named by its data-spec. */
const DRAW_FIGURES = `
(function () {
  var figures = document.querySelectorAll('.output.figure');
  function fail(el, err) {
    el.className += ' failed';
    el.textContent = 'This figure could not be drawn: ' + err;
    console.error(err);
  }
  for (var i = 0; i < figures.length; i++) {
    var el = figures[i];
    try {
      var spec = JSON.parse(document.getElementById(el.getAttribute('data-spec')).textContent);
      var config = Object.assign({ responsive: true, displaylogo: false }, spec.config || {});
      Plotly.newPlot(el, spec.data || [], spec.layout || {}, config).catch(fail.bind(null, el));
    } catch (err) {
      fail(el, err);
    }
  }
})();
`;

let plotly: { source: string; version: string } | null = null;

function loadPlotly(): { source: string; version: string } {
  if (plotly === null) {
    const file = require.resolve('plotly.js-dist');
    const source = scriptSource(readFileSync(file, 'utf8'));
    const version = (JSON.parse(readFileSync(require.resolve('plotly.js-dist/package.json'), 'utf8')) as { version: string }).version;
    plotly = { source, version };
  }
  return plotly;
}

function plotlyJs(): string {
  return loadPlotly().source;
}

function plotlyVersion(): string {
  return loadPlotly().version;
}
