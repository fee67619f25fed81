export { quantileSorted, quantiles, sortedCopy } from './quantile';
export { summarize, summarizeSorted, accurateSum, EMPTY_SUMMARY, SUMMARY_QUANTILES, type Summary } from './summarize';
export { ecdf, ccdf, type Curve, type CurveOptions, type CcdfOptions } from './ecdf';
export { binEdges, type BinEdgeOptions, type HistogramScale } from './binEdges';
export { histogram, type Histogram, type HistogramOptions } from './histogram';
export { LogHistogram, type LogHistogramOptions } from './streamingHistogram';
export { percentileInterval, type PercentileInterval } from './percentileInterval';
export { toTable, summaryTable, type Row, type Columns } from './table';
export { jainIndex, maxOverMean } from './fairness';
