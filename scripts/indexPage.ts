/**
 * The workbook's index pages, all escaped text, with a Content-Security-Policy that
 * allows no script and no request: one per edition listing every exported notebook
 * with its title and opening sentence, and the top page linking the editions.
 */
import { cspMeta } from './csp';
import { escapeAttr, escapeHtml } from './html';
import type { PartHeader } from './partHeader';
import { PAGE_CSS } from './style';

export interface IndexEntry {
  /** Link relative to the index page, e.g. `html/00-prologue.html`. */
  href: string;
  title: string;
  /** The notebook file name, e.g. `00-prologue.ipynb`. */
  file: string;
  /** The notebook's first paragraph, plain text. */
  summary: string;
  /** The part's question, outcomes, reading time and prerequisites; shown instead of the summary. */
  header?: PartHeader;
}

export interface IndexOptions {
  /** The page heading and title; default `NetLab workbook`. */
  title?: string;
  /** One sentence under the heading. */
  intro?: string;
  /** A link back to the page listing the editions. */
  homeHref?: string;
}

const DEFAULT_INTRO = 'The course notebooks, executed on the tslab TypeScript kernel. Each page opens offline.';

export function renderIndexPage(entries: IndexEntry[], opts: IndexOptions = {}): string {
  const title = opts.title ?? 'NetLab workbook';
  const items = entries.map(
    (e) =>
      `<li><a class="title" href="${escapeAttr(e.href)}">${escapeHtml(e.title)}</a>` +
      `<span class="file">${escapeHtml(e.file)}</span>` +
      (e.header ? partSummary(e.header) : e.summary ? `<p>${escapeHtml(shorten(e.summary, 240))}</p>` : '') +
      '</li>',
  );
  return `<!DOCTYPE html>
<html lang="en">
<head>
${cspMeta([])}
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${PAGE_CSS}</style>
</head>
<body>
${opts.homeHref ? `<nav class="top"><div class="bar"><a class="home" href="${escapeAttr(opts.homeHref)}">NetLab workbook</a></div></nav>\n` : ''}<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(opts.intro ?? DEFAULT_INTRO)}</p>
${entries.length > 0 ? `<ul class="notebooks">\n${items.join('\n')}\n</ul>` : '<p>No notebooks were exported.</p>'}
</main>
</body>
</html>
`;
}

export interface EditionEntry {
  /** Link relative to the top page, e.g. `student/index.html`. */
  href: string;
  title: string;
  description: string;
  notebooks: number;
}

/** The top page: the editions of the workbook, with what each holds. */
export function renderEditionsPage(editions: EditionEntry[]): string {
  const items = editions.map(
    (e) =>
      `<li><a class="title" href="${escapeAttr(e.href)}">${escapeHtml(e.title)}</a>` +
      `<p>${escapeHtml(e.description)} ${e.notebooks} notebook${e.notebooks === 1 ? '' : 's'}.</p></li>`,
  );
  return `<!DOCTYPE html>
<html lang="en">
<head>
${cspMeta([])}
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>NetLab workbook</title>
<style>${PAGE_CSS}</style>
</head>
<body>
<main>
<h1>NetLab workbook</h1>
<p>${escapeHtml(DEFAULT_INTRO)}</p>
${editions.length > 0 ? `<ul class="editions">\n${items.join('\n')}\n</ul>` : '<p>No edition was exported.</p>'}
</main>
</body>
</html>
`;
}

/** A part's question, outcomes, reading time and prerequisites (by title), for its index entry. */
function partSummary(h: PartHeader): string {
  const outcomes = h.outcomes.length > 0 ? `<ul class="outcomes">${h.outcomes.map((o) => `<li>${escapeHtml(o)}</li>`).join('')}</ul>` : '';
  const builds = h.buildsOn.length > 0 ? ` · builds on ${h.buildsOn.map((b) => escapeHtml(b.title)).join('; ')}` : '';
  return `<p class="question">${escapeHtml(h.question)}</p>${outcomes}<p class="meta">About ${h.readingMinutes} min to read${builds}</p>`;
}

/** Cuts at the last word boundary before `max` characters. */
function shorten(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.—-]+$/, '')} …`;
}
