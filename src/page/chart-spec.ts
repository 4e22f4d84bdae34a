/**
 * The JSON a page embeds for its charts: what the browser script (charts.ts) draws. Builders on the
 * server fill these; every array is already cut to a size a browser draws at once (see step-series.ts).
 */

/** One series: its label and one value per x (null: no value there). */
export interface ChartSeries {
  label: string;
  values: Array<number | null>;
  /** A CSS colour; the script picks one from its palette when absent. */
  colour?: string;
  /** Drawn dashed (lines charts). */
  dash?: boolean;
}

interface ChartBase {
  /** Shown above the chart. */
  title: string;
  /** Shown under the chart: what it shows, and whether the data were sampled or cut. */
  note?: string;
  xLabel: string;
  yLabel: string;
  /** CSS pixels; 300 when absent. The width always follows the container. */
  height?: number;
  series: ChartSeries[];
}

/**
 * Lines over a numeric x (seconds, say), one value per x in each series; `step`: each value holds until
 * the next x (a running total). `unit` and `decimals` format the y values (money: "EUR", 2).
 */
export interface LinesChart extends ChartBase {
  kind: 'lines';
  x: number[];
  step?: boolean;
  unit?: string;
  decimals?: number;
  /** Unit of x, shown after each x value ("s"). */
  xUnit?: string;
}

/** Bars over named bins (a histogram), the series stacked in each bin: counts. */
export interface HistogramChart extends ChartBase {
  kind: 'histogram';
  bins: string[];
}

/** Counts per x interval, the series stacked as step areas (events per time bucket, say). */
export interface StackedChart extends ChartBase {
  kind: 'stacked';
  x: number[];
  xUnit?: string;
}

export type ChartSpec = LinesChart | HistogramChart | StackedChart;

/** The page's embedded data: the charts by id (the `data-chart` of their containers), and anything else. */
export interface PageData {
  charts: Record<string, ChartSpec>;
  [key: string]: unknown;
}
