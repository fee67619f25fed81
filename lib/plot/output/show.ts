/**
 * show(figure): the one side effect of the plot module — display a plotly figure
 * from a notebook cell running on the tslab kernel.
 *
 * Each call sends ONE display_data message whose mime bundle holds
 *  - `application/vnd.plotly.v1+json`: the figure itself, drawn natively by
 *    JupyterLab (with its plotly extension) and VS Code, and read by the
 *    workbook's HTML exporter;
 *  - `text/html`: a `<div>` with a deterministic id (a per-kernel counter) and a
 *    small script drawing it with `window.Plotly`, for classic Notebook and any
 *    other HTML front end; until the script draws, the div holds a one-line hint
 *    (FIGURE_HINT), so a front end that does not run the script shows that line
 *    instead of an empty gap;
 *  - `text/plain`: a one-line summary for plain-text consoles.
 * Classic Notebook has no plotly.js of its own and the notebooks must work offline,
 * so the first show() of a kernel session first sends plotly.js itself (read from
 * the `plotly.js-dist-min` package) as an HTML output marked in its metadata
 * (`{ netlab: { role: 'plotly-loader' } }`), which defines `window.Plotly` once per
 * page. That output is about 5 MB of an executed copy (the minified bundle, as JSON),
 * most of the 6 MB an executed notebook may take; committed notebooks are saved
 * without outputs and the HTML exporter drops it and includes plotly.js once itself.
 *
 * The workbook adds `image/svg+xml` to the executed copies' bundles
 * (scripts/figureImages.ts), for viewers that show images but run no script.
 *
 * Outside a tslab kernel (plain node, tests) show() throws: it needs the kernel.
 * tslab is looked up lazily among the modules already loaded, never imported.
 *
 * Not done: widgets/interactivity with the kernel, and re-sending plotly.js after a
 * browser reload of a running kernel (restart the kernel and run all instead).
 */

import { readFileSync } from 'fs';
import * as check from '../../validate';

/** The content of a Jupyter display_data / update_display_data message. */
export interface DisplayContent {
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  transient?: { display_id?: string };
}

/** Sends display content to the front end; `update` replaces an earlier display with the same display_id. */
export type DisplayWriter = (content: DisplayContent, update: boolean) => void;

/**
 * The display writer of the running tslab kernel, or null outside one.
 *
 * tslab's public `display.raw(type, data)` sends one mime type per message; its
 * module `tslab/dist/jupyter` keeps the writer of the running cell in
 * `lastWriteDisplayData`, which takes a whole mime bundle. We only look at
 * modules the kernel has already loaded, so nothing is required outside a kernel.
 */
export function kernelDisplayWriter(): DisplayWriter | null {
  const suffix = ['', 'tslab', 'dist', 'jupyter.js'].join(sep());
  for (const file of Object.keys(require.cache)) {
    if (!file.endsWith(suffix)) continue;
    const mod = require.cache[file]?.exports as { lastWriteDisplayData?: unknown } | undefined;
    const write = mod?.lastWriteDisplayData;
    if (typeof write === 'function') return write as DisplayWriter;
  }
  return null;
}

function sep(): string {
  return process.platform === 'win32' ? '\\' : '/';
}

export interface ShowOptions {
  /** Plotly config (e.g. `{ displayModeBar: false }`); merged over `{ responsive: true, displaylogo: false }`. */
  config?: Record<string, unknown>;
}

const SHOW_KEYS: readonly (keyof ShowOptions)[] = ['config'];

/** The figure shape show() accepts: plotly JSON, as the figure builders return it. */
export interface ShowableFigure {
  data: readonly object[];
  layout?: object;
}

/** Metadata marking the output that carries plotly.js itself. */
export const PLOTLY_LOADER_METADATA = { netlab: { role: 'plotly-loader' } } as const;

let figuresShown = 0;
let plotlySent = false;

/**
 * Displays a plotly figure in the notebook (tslab kernel only): one display_data
 * output carrying the figure as plotly JSON, HTML and a one-line text summary.
 *
 * @example
 * ```ts
 * import { lineFigure, show } from 'netlab';
 *
 * show(lineFigure([{ name: 'queue', x: [0, 1, 2], y: [3, 5, 4] }], { xTitle: 'time (s)', yTitle: 'requests waiting' }));
 * ```
 *
 * @throws TypeError when `figure` is not `{ data: object[], layout?: object }`.
 * @throws Error when not running inside the tslab Jupyter kernel.
 */
export function show(figure: ShowableFigure, opts: ShowOptions = {}): void {
  const fig = plainFigure(figure, opts);
  const write = kernelDisplayWriter();
  if (write === null) {
    throw new Error(
      'show() displays figures in a Jupyter notebook and needs the tslab kernel; ' +
        'outside a notebook, use the figure JSON directly (e.g. JSON.stringify(figure)).',
    );
  }
  if (!plotlySent) {
    write({ data: { 'text/html': plotlyLoaderHtml() }, metadata: { ...PLOTLY_LOADER_METADATA } }, false);
    plotlySent = true;
  }
  figuresShown += 1;
  const id = `netlab-figure-${figuresShown}`;
  const traces = fig.data.length;
  write(
    {
      data: {
        'application/vnd.plotly.v1+json': fig,
        'text/html': figureHtml(id, fig),
        'text/plain': `<plotly figure: ${traces} trace${traces === 1 ? '' : 's'}>`,
      },
      metadata: {},
    },
    false,
  );
}

interface PlainFigure {
  data: unknown[];
  layout: unknown;
  config: Record<string, unknown>;
}

/** Checks the figure and turns it into plain JSON (typed arrays become arrays, NaN becomes null). */
function plainFigure(figure: ShowableFigure, opts: ShowOptions): PlainFigure {
  const plain = figureJson('show', figure);
  check.options('show', opts, SHOW_KEYS);
  if (opts.config !== undefined && (typeof opts.config !== 'object' || Array.isArray(opts.config))) {
    throw new TypeError(`show config must be a plotly config object; got ${check.describe(opts.config)}`);
  }
  return { data: plain.data, layout: plain.layout, config: { responsive: true, displaylogo: false, ...(opts.config ?? {}) } };
}

/**
 * The figure as plain JSON (typed arrays become arrays, NaN becomes null), after
 * checking its shape; `fn` names the caller in the TypeError (`show`, `saveFigure`).
 */
export function figureJson(fn: string, figure: ShowableFigure): { data: unknown[]; layout: unknown } {
  if (figure === null || typeof figure !== 'object' || !Array.isArray(figure.data)) {
    throw new TypeError(`${fn}(figure) expects a plotly figure { data: object[], layout?: object }; got ` + describe(figure));
  }
  figure.data.forEach((trace, i) => {
    if (trace === null || typeof trace !== 'object' || Array.isArray(trace)) {
      throw new TypeError(`${fn}(figure): figure.data[${i}] must be a trace object; got ${describe(trace)}`);
    }
  });
  if (figure.layout !== undefined && (figure.layout === null || typeof figure.layout !== 'object')) {
    throw new TypeError(`${fn}(figure): figure.layout must be an object; got ${describe(figure.layout)}`);
  }
  const json = JSON.stringify({ data: figure.data, layout: figure.layout ?? {} }, (_key, value: unknown) =>
    ArrayBuffer.isView(value) && !(value instanceof DataView) ? Array.from(value as unknown as ArrayLike<number>) : value,
  );
  return JSON.parse(json) as { data: unknown[]; layout: unknown };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object without a data array' : `a ${typeof value}`;
}

/** JSON that is safe inside an HTML <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * The one line a figure's HTML shows where its script does not run (a saved notebook
 * reopened without trust, a static viewer): plotly replaces it when it draws.
 */
export const FIGURE_HINT = "Interactive figure: run the cell to draw it here, or open the notebook's exported page.";

const FIGURE_HINT_HTML = `<p class="netlab-figure-hint" style="margin:0;padding:4px 0;color:#666;font-style:italic">${FIGURE_HINT.replace(/'/g, '&#39;')}</p>`;

/**
 * The HTML representation: a div holding the hint and a script that draws into it. The id repeats
 * after a kernel restart while older outputs may still be on the page, so the
 * script draws into the last element with that id that plotly has not drawn yet.
 * When plotly.js is not on the page yet the draw waits in a queue the loader runs.
 */
function figureHtml(id: string, fig: PlainFigure): string {
  return `<div id="${id}" class="netlab-figure" style="width:100%">${FIGURE_HINT_HTML}</div>
<script type="text/javascript">
(function () {
  var id = ${scriptJson(id)};
  var fig = ${scriptJson(fig)};
  function target() {
    var all = document.querySelectorAll('[id="' + id + '"]');
    for (var i = all.length - 1; i >= 0; i--) if (!all[i].classList.contains('js-plotly-plot')) return all[i];
    return null;
  }
  function draw() {
    var el = target();
    if (!el) return;
    el.textContent = '';
    window.Plotly.newPlot(el, fig.data, fig.layout, fig.config);
  }
  if (window.Plotly) { draw(); return; }
  (window.netlabPendingFigures = window.netlabPendingFigures || []).push(draw);
  var el = target();
  if (el) el.textContent = 'plotly.js is not loaded on this page yet; if this message stays, restart the kernel and run all cells.';
})();
</script>`;
}

let loaderHtml: string | null = null;

/** plotly.js wrapped so that it always defines window.Plotly (even beside require.js), then drains the queue. */
function plotlyLoaderHtml(): string {
  if (loaderHtml === null) {
    // The one file read of lib/: the plotly.js bundle the page needs offline.
    const source = readFileSync(require.resolve('plotly.js-dist-min'), 'utf8').replace(/<\/script/gi, '<\\/script');
    loaderHtml = `<div class="netlab-plotly-loader" style="display:none"></div>
<script type="text/javascript">
if (!window.Plotly) {
(function (define, module, exports) {
${source}
}).call(window);
}
(function () {
  var pending = window.netlabPendingFigures || [];
  window.netlabPendingFigures = [];
  for (var i = 0; i < pending.length; i++) pending[i]();
})();
</script>`;
  }
  return loaderHtml;
}
