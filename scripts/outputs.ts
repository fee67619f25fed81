/**
 * One code cell's outputs as HTML for the exported page.
 *
 * Per display bundle the richest representation we can show offline wins: a plotly
 * figure (drawn later by the page's one script, from the JSON kept in a
 * `<script type="application/json">`), then HTML, images (as data URIs), markdown,
 * JSON and plain text. HTML and markdown go through the allow-list of sanitize.ts;
 * the rest is escaped. The output that carries plotly.js for live notebooks
 * (show()'s loader) is dropped: the page includes plotly.js once itself. Empty
 * outputs (a finished progress bar) are dropped. Streams are shown as text, stderr
 * and errors in red.
 */
import { PLOTLY_LOADER_METADATA } from '../lib/plot/output/show';
import { escapeAttr, escapeHtml, scriptJson } from './html';
import { renderMarkdown } from './markdown';
import { sanitizeNotebookHtml } from './sanitize';
import { PLOTLY_MIME, stripAnsi, text, type DataOutput, type MultilineString, type Output } from './notebook';

/** Numbers figures across a page. */
export interface FigureCounter {
  next: number;
}

export function renderOutputs(outputs: Output[], figures: FigureCounter): string {
  const parts: string[] = [];
  for (let i = 0; i < outputs.length; i++) {
    const out = outputs[i];
    if (out.output_type === 'stream') {
      // Consecutive writes to the same stream read as one block.
      let body = text(out.text);
      while (i + 1 < outputs.length) {
        const nextOut = outputs[i + 1];
        if (nextOut.output_type !== 'stream' || nextOut.name !== out.name) break;
        body += text(nextOut.text);
        i += 1;
      }
      const stream = out.name === 'stderr' ? 'stderr' : 'stdout';
      if (body !== '') parts.push(`<pre class="output stream ${stream}">${escapeHtml(stripAnsi(body))}</pre>`);
    } else if (out.output_type === 'error') {
      const body = out.traceback.length > 0 ? out.traceback.join('\n') : `${out.ename}: ${out.evalue}`;
      parts.push(`<pre class="output error">${escapeHtml(stripAnsi(body))}</pre>`);
    } else {
      const html = renderBundle(out, figures);
      if (html !== '') parts.push(html);
    }
  }
  return parts.length > 0 ? `<div class="outputs">\n${parts.join('\n')}\n</div>` : '';
}

export function isPlotlyLoader(out: DataOutput): boolean {
  const meta = out.metadata?.netlab as { role?: string } | undefined;
  return meta?.role === PLOTLY_LOADER_METADATA.netlab.role;
}

function renderBundle(out: DataOutput, figures: FigureCounter): string {
  if (isPlotlyLoader(out)) return '';
  const data = out.data;
  if (PLOTLY_MIME in data) {
    figures.next += 1;
    const id = `figure-${figures.next}`;
    return (
      `<div class="output figure" id="${id}" data-spec="${id}-spec"></div>\n` +
      `<script type="application/json" id="${id}-spec">${scriptJson(data[PLOTLY_MIME])}</script>`
    );
  }
  if ('text/html' in data) return `<div class="output html">${sanitizeNotebookHtml(str(data['text/html']))}</div>`;
  if ('image/svg+xml' in data) {
    const svg = Buffer.from(str(data['image/svg+xml']), 'utf8').toString('base64');
    return `<div class="output image"><img alt="" src="data:image/svg+xml;base64,${svg}"></div>`;
  }
  for (const mime of ['image/png', 'image/jpeg', 'image/gif']) {
    if (mime in data) {
      const b64 = str(data[mime]).replace(/\s/g, '');
      return `<div class="output image"><img alt="" src="data:${mime};base64,${escapeAttr(b64)}"></div>`;
    }
  }
  if ('text/markdown' in data) return `<div class="output markdown">${renderMarkdown(str(data['text/markdown']))}</div>`;
  if ('application/json' in data) {
    return `<pre class="output json">${escapeHtml(JSON.stringify(data['application/json'], null, 2))}</pre>`;
  }
  for (const mime of ['text/latex', 'text/plain']) {
    if (mime in data) {
      const body = str(data[mime]);
      return body === '' ? '' : `<pre class="output text">${escapeHtml(stripAnsi(body))}</pre>`;
    }
  }
  return '';
}

function str(value: unknown): string {
  if (typeof value === 'string' || Array.isArray(value)) return text(value as MultilineString);
  return JSON.stringify(value);
}
