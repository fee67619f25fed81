/**
 * The workbook's index page: every exported notebook with its title and opening
 * sentence, all escaped text; its Content-Security-Policy allows no script and no request.
 */
import { cspMeta } from './csp';
import { escapeAttr, escapeHtml } from './html';
import { PAGE_CSS } from './style';

export interface IndexEntry {
  /** Link relative to the index page, e.g. `html/00-prologue.html`. */
  href: string;
  title: string;
  /** The notebook file name, e.g. `00-prologue.ipynb`. */
  file: string;
  /** The notebook's first paragraph, plain text. */
  summary: string;
}

export function renderIndexPage(entries: IndexEntry[]): string {
  const items = entries.map(
    (e) =>
      `<li><a class="title" href="${escapeAttr(e.href)}">${escapeHtml(e.title)}</a>` +
      `<span class="file">${escapeHtml(e.file)}</span>` +
      (e.summary ? `<p>${escapeHtml(shorten(e.summary, 240))}</p>` : '') +
      '</li>',
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
<p>The course notebooks, executed on the tslab TypeScript kernel. Each page opens offline.</p>
${entries.length > 0 ? `<ul class="notebooks">\n${items.join('\n')}\n</ul>` : '<p>No notebooks were exported.</p>'}
</main>
</body>
</html>
`;
}

/** Cuts at the last word boundary before `max` characters. */
function shorten(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.—-]+$/, '')} …`;
}
