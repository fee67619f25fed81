/**
 * Upper bounds on what one figure takes. A figure is written into the page as
 * JSON and drawn by the browser, and raw samples are sorted or binned first, so
 * each bound keeps one builder call to a few seconds and a page to tens of MB;
 * a call past a bound throws a RangeError naming the input, the count and the
 * bound, before anything is copied. The bounds are far above what a readable
 * figure needs (≤ 6 traces per panel), so they only stop runaway inputs.
 */
export const FIGURE_LIMITS = {
  /** Named things in one figure: series, rows (bars), stacked parts, markers; per panel in signalsFigure. */
  series: 100,
  /** Panels of one signalsFigure. */
  panels: 8,
  /**
   * Elements drawn as they are in one figure: points of all lines, load points,
   * timeline intervals, heatmap cells, and series × maxPoints of ECDF/CCDF curves.
   */
  drawnPoints: 1_000_000,
  /** Raw values over all samples of one ecdfFigure, ccdfFigure or histogramFigure (sorted or binned, not drawn as they are). */
  sampleValues: 50_000_000,
  /** Bins of one histogram (explicit edges: bins + 1). */
  bins: 1000,
  /** maxPoints of an ECDF/CCDF curve. */
  curvePoints: 100_000,
  /** Rows one table shows (maxRows of showTable, tableHtml, tableText). */
  tableRows: 10_000,
} as const;
