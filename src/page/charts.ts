import type uPlot from 'uplot';
import type { ChartSpec, PageData } from './chart-spec.ts';

/** What the page script leaves on `window` for tests and for the curious: the drawn charts by id. */
export interface DrawnCharts {
  vcertCharts: Record<string, uPlot>;
}

/**
 * Runs in the browser, never in Node: it must use nothing from this module's scope. It reads the JSON
 * of `<script id="page-data">`, draws each `[data-chart=ID]` element's chart from `charts[ID]` with the
 * inlined uPlot, sizes it from its container's width, redraws on resize, and sets `data-drawn="true"`
 * on the element once uPlot has drawn it (`"error"` when it could not, with a console error).
 */
function drawCharts(): void {
  const UPlot = (window as unknown as { uPlot: typeof uPlot }).uPlot;
  const palette = ['#1565c0', '#c62828', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f', '#ad1457', '#5d4037'];
  const source = document.getElementById('page-data')?.textContent ?? '{"charts":{}}';
  const data = JSON.parse(source) as PageData;
  const drawn: Record<string, uPlot> = {};
  (window as unknown as DrawnCharts).vcertCharts = drawn;

  const colourOf = (spec: ChartSpec, index: number) =>
    spec.series[index]?.colour ?? (palette[index % palette.length] as string);
  const withX = (values: number[], unit: string | undefined) => (unit ? `${values} ${unit}` : String(values));
  const xValue = (unit: string | undefined) => (_: uPlot, value: number) =>
    value === null || value === undefined ? '–' : withX([+value.toFixed(6)], unit);
  const widthOf = (element: HTMLElement) => Math.max(240, Math.floor(element.clientWidth || 600));
  /** Room for the y axis's longest tick value (12 px digits, about 7.5 px each), ticks and gap. */
  const ySize = (_: uPlot, values: string[] | null) =>
    values ? Math.max(50, 18 + 7.5 * Math.max(0, ...values.map((value) => String(value).length))) : 50;
  const zeroBased = (_: uPlot, _min: number, max: number): uPlot.Range.MinMax => [
    0,
    max > 0 ? max * 1.08 : 1,
  ];

  /**
   * Cumulative sums of the series, each drawn from zero, largest first: they look stacked. Bars of
   * nothing are left out (null), or their outline would draw.
   */
  function stacked(spec: ChartSpec): { values: Array<Array<number | null>>; order: number[] } {
    const sums: number[][] = [];
    let running: number[] = spec.series[0]?.values.map(() => 0) ?? [];
    for (const series of spec.series) {
      running = running.map((total, at) => total + (series.values[at] ?? 0));
      sums.push(running);
    }
    const order = spec.series.map((_, index) => spec.series.length - 1 - index);
    const bars = spec.kind === 'histogram';
    const values = order.map((index) =>
      (sums[index] as number[]).map((sum) => (bars && sum === 0 ? null : sum)),
    );
    return { values, order };
  }

  function options(
    element: HTMLElement,
    spec: ChartSpec,
  ): { opts: uPlot.Options; aligned: uPlot.AlignedData } {
    const hooks: uPlot.Hooks.Arrays = {
      draw: [
        () => {
          element.dataset.drawn = 'true';
        },
      ],
    };
    const base = { width: widthOf(element), height: spec.height ?? 300, hooks, legend: { live: true } };
    if (spec.kind === 'lines') {
      const decimals = spec.decimals ?? 0;
      const yValue = (_: uPlot, value: number | null) =>
        value === null || value === undefined
          ? '–'
          : `${value.toFixed(decimals)}${spec.unit ? ` ${spec.unit}` : ''}`;
      const stepped = UPlot.paths.stepped?.({ align: 1 });
      return {
        opts: {
          ...base,
          scales: { x: { time: false } },
          axes: [
            { label: spec.xLabel, values: (_, splits) => splits.map((v) => withX([v], spec.xUnit)) },
            {
              label: spec.yLabel,
              size: ySize,
              values: (_, splits) => splits.map((v) => v.toFixed(decimals)),
            },
          ],
          series: [
            { label: spec.xLabel, value: xValue(spec.xUnit) },
            ...spec.series.map((series, index) => ({
              label: series.label,
              stroke: colourOf(spec, index),
              width: series.dash ? 1.5 : 2.5,
              dash: series.dash ? [6, 4] : undefined,
              paths: spec.step ? stepped : undefined,
              points: { show: false },
              value: yValue,
            })),
          ],
        },
        aligned: [spec.x, ...spec.series.map((series) => series.values)] as uPlot.AlignedData,
      };
    }
    const { values, order } = stacked(spec);
    const raw = (seriesIndex: number, at: number) =>
      spec.series[order[seriesIndex - 1] as number]?.values[at] ?? 0;
    const series = order.map((index, drawnAt) => ({
      label: spec.series[index]?.label ?? '',
      stroke: colourOf(spec, index),
      fill: `${colourOf(spec, index)}cc`,
      width: 1,
      points: { show: false },
      paths:
        spec.kind === 'histogram'
          ? UPlot.paths.bars?.({ size: [0.8, 80], align: 0 })
          : UPlot.paths.stepped?.({ align: 1 }),
      value: (_u: uPlot, _: number | null, _s: number, at: number | null) =>
        at === null ? '–' : String(raw(drawnAt + 1, at)),
    }));
    if (spec.kind === 'histogram') {
      const bins = spec.bins;
      return {
        opts: {
          ...base,
          scales: { x: { time: false, range: [-0.5, bins.length - 0.5] }, y: { range: zeroBased } },
          axes: [
            {
              label: spec.xLabel,
              incrs: [1, 2, 3, 4, 5, 10, 20],
              space: 70,
              values: (_, splits) => splits.map((v) => bins[v] ?? ''),
            },
            {
              label: spec.yLabel,
              size: ySize,
              values: (_, splits) => splits.map((v) => (Number.isInteger(v) ? v : '')),
            },
          ],
          series: [{ label: spec.xLabel, value: (_, v) => (v === null ? '–' : (bins[v] ?? '')) }, ...series],
        },
        aligned: [bins.map((_, index) => index), ...values] as uPlot.AlignedData,
      };
    }
    return {
      opts: {
        ...base,
        scales: { x: { time: false }, y: { range: zeroBased } },
        axes: [
          { label: spec.xLabel, values: (_, splits) => splits.map((v) => withX([v], spec.xUnit)) },
          {
            label: spec.yLabel,
            size: ySize,
            values: (_, splits) => splits.map((v) => (Number.isInteger(v) ? v : '')),
          },
        ],
        series: [{ label: spec.xLabel, value: xValue(spec.xUnit) }, ...series],
      },
      aligned: [spec.x, ...values] as uPlot.AlignedData,
    };
  }

  for (const element of document.querySelectorAll<HTMLElement>('[data-chart]')) {
    const id = element.dataset.chart as string;
    const spec = data.charts[id];
    try {
      if (!spec) throw new Error('no data');
      const { opts, aligned } = options(element, spec);
      drawn[id] = new UPlot(opts, aligned, element);
    } catch (error) {
      element.dataset.drawn = 'error';
      console.error(`chart ${id}: ${(error as Error).message}`);
    }
  }

  let pending = 0;
  window.addEventListener('resize', () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => {
      for (const [id, chart] of Object.entries(drawn)) {
        const element = document.querySelector<HTMLElement>(`[data-chart="${id}"]`);
        if (element) chart.setSize({ width: widthOf(element), height: chart.height });
      }
    });
  });
}

/** The browser script that draws every chart of a page (see drawCharts); renderPage inlines it. */
export const chartScript = `(${drawCharts.toString()})();`;
