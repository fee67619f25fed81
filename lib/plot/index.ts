export type { Axis, BarTrace, Dash, Figure, HeatmapTrace, Layout, ScatterTrace, Trace } from './figure';
export { THEME, baseLayout, baseAxis, type AxisOptions, type BaseLayoutOptions } from './theme';
export { PALETTE, NEUTRAL, colorFor, resetColors, assignedColors } from './palette';
export type { SampleSeries, XYSeries } from './series';
export type { CommonFigureOptions } from './checks';
export { FIGURE_LIMITS } from './limits';
export { histogramFigure, type HistogramFigureOptions, type HistogramNorm } from './figures/histogramFigure';
export {
  ecdfFigure, ccdfFigure, type EcdfFigureOptions, type CcdfFigureOptions, type DistributionCurveOptions,
} from './figures/distributionCurveFigure';
export { percentileFigure, type PercentileFigureOptions, type PercentileRow, type PercentileStyle } from './figures/percentileFigure';
export { loadLatencyFigure, type LoadLatencyFigureOptions, type LoadPoint, type LoadSeries } from './figures/loadLatencyFigure';
export type { VerticalMarker } from './verticalMarkers';
export { stackedBarFigure, type StackedBarFigureOptions, type StackedBarRow } from './figures/stackedBarFigure';
export { timelineFigure, type TimelineFigureOptions, type TimelineRow } from './figures/timelineFigure';
export { heatmapFigure, type HeatmapData, type HeatmapFigureOptions, type HeatmapScale } from './figures/heatmapFigure';
export { lineFigure, type LineFigureOptions } from './figures/lineFigure';
export { signalsFigure, type SignalPanel, type SignalsFigureOptions } from './figures/signalsFigure';
export { smallMultiplesFigure, type SmallMultiplesPanel, type SmallMultiplesFigureOptions } from './figures/smallMultiplesFigure';
export { figureProblems, namesUnit, spansDecades, MAX_TRACES_PER_PANEL, MIN_LOG_SPAN, type FigureProblem, type FigureRule } from './figureRules';
export { show, type ShowOptions, type ShowableFigure } from './output/show';
export { progress, withProgress, type Progress } from './output/progress';
export { showTable, tableHtml, tableText, type TableOptions, type Tabular } from './output/showTable';
export { mergeIdenticalSeries, type MergeSeriesOptions } from './mergeIdenticalSeries';
export { comparisonPanels, type ComparedRun, type ComparisonPanelSpec, type ComparisonPanelsOptions } from './figures/comparisonPanels';
export { goldenSignalsFigure, type GoldenSignalBucket, type GoldenSignalsFigureOptions } from './figures/goldenSignalsFigure';
export { saveFigure, type SaveFigureOptions } from './output/saveFigure';
