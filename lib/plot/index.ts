export type { Axis, BarTrace, Dash, Figure, HeatmapTrace, Layout, ScatterTrace, Trace } from './figure';
export { THEME, baseLayout, baseAxis, type AxisOptions, type BaseLayoutOptions } from './theme';
export { PALETTE, NEUTRAL, colorFor, resetColors, assignedColors } from './palette';
export type { SampleSeries, XYSeries } from './series';
export type { CommonFigureOptions } from './checks';
export { FIGURE_LIMITS } from './limits';
export { histogramFigure, type HistogramFigureOptions, type HistogramNorm } from './histogramFigure';
export {
  ecdfFigure, ccdfFigure, type EcdfFigureOptions, type CcdfFigureOptions, type DistributionCurveOptions,
} from './distributionCurveFigure';
export { percentileFigure, type PercentileFigureOptions, type PercentileRow, type PercentileStyle } from './percentileFigure';
export { loadLatencyFigure, type LoadLatencyFigureOptions, type LoadPoint, type LoadSeries } from './loadLatencyFigure';
export type { VerticalMarker } from './verticalMarkers';
export { stackedBarFigure, type StackedBarFigureOptions, type StackedBarRow } from './stackedBarFigure';
export { timelineFigure, type TimelineFigureOptions, type TimelineRow } from './timelineFigure';
export { heatmapFigure, type HeatmapData, type HeatmapFigureOptions, type HeatmapScale } from './heatmapFigure';
export { lineFigure, type LineFigureOptions } from './lineFigure';
export { signalsFigure, type SignalPanel, type SignalsFigureOptions } from './signalsFigure';
export { smallMultiplesFigure, type SmallMultiplesPanel, type SmallMultiplesFigureOptions } from './smallMultiplesFigure';
export { figureProblems, namesUnit, spansDecades, MAX_TRACES_PER_PANEL, MIN_LOG_SPAN, type FigureProblem, type FigureRule } from './figureRules';
export { show, type ShowOptions, type ShowableFigure } from './show';
export { progress, withProgress, type Progress } from './progress';
export { showTable, tableHtml, tableText, type TableOptions, type Tabular } from './showTable';
export { mergeIdenticalSeries, type MergeSeriesOptions } from './mergeIdenticalSeries';
export { comparisonPanels, type ComparedRun, type ComparisonPanelSpec, type ComparisonPanelsOptions } from './comparisonPanels';
export { goldenSignalsFigure, type GoldenSignalBucket, type GoldenSignalsFigureOptions } from './goldenSignalsFigure';
export { saveFigure, type SaveFigureOptions } from './saveFigure';
