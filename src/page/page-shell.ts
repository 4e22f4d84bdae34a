import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ChartSpec, PageData } from './chart-spec.ts';
import { chartScript } from './charts.ts';
import { escapeHtml, inlineScript, jsonForScript } from './html-escape.ts';

export interface PageOptions {
  /** The document's title (plain text: it is escaped). */
  title: string;
  /** The HTML of the body (already escaped where it holds text). */
  body: string;
  /** Embedded as JSON in `<script type="application/json" id="page-data">`; `charts` feeds chartSlot's elements. */
  data?: PageData;
  /** More page-specific JavaScript, run after the charts are drawn (it must not contain `</script`). */
  script?: string;
  /** More page-specific CSS. */
  css?: string;
}

const require = createRequire(import.meta.url);
let uplotAssets: { js: string; css: string } | undefined;

/** uPlot's browser build and style sheet from node_modules, read once. */
function uplot(): { js: string; css: string } {
  uplotAssets ??= {
    js: inlineScript(readFileSync(require.resolve('uplot/dist/uPlot.iife.min.js'), 'utf8')),
    css: readFileSync(require.resolve('uplot/dist/uPlot.min.css'), 'utf8'),
  };
  return uplotAssets;
}

const pageCss = `
*,*::before,*::after{box-sizing:border-box}
body{font:14px/1.45 system-ui,sans-serif;margin:0;padding:1.5em clamp(.75em,3vw,3em);color:#222;max-width:none}
h1{font-size:1.5em;margin:.2em 0 .4em;overflow-wrap:anywhere}
h2{font-size:1.2em;margin:1.4em 0 .5em;border-top:1px solid #ddd;padding-top:.6em}
h3{font-size:1.05em;margin:1.1em 0 .4em;overflow-wrap:anywhere}
p,li,td,th{overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{text-align:left;vertical-align:top;padding:.25em .5em;border-bottom:1px solid #eee}
.v-true{color:#2e7d32}.v-false{color:#c62828}.v-unknown{color:#6a1b9a}
.verdict{font-weight:700}
.muted{color:#666;font-size:.9em}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,560px),1fr));gap:1.2em}
figure.chart-box{margin:0;min-width:0}
figure.chart-box figcaption{font-weight:600;margin-bottom:.3em}
.chart{width:100%;min-height:120px;overflow:hidden}
.chart .u-legend{font-size:12px}
`;

/** A container the page script fills with the chart `data.charts[id]` (draws it, sets data-drawn). */
export function chartSlot(id: string, spec: ChartSpec): string {
  const note = spec.note ? `<p class="muted">${escapeHtml(spec.note)}</p>` : '';
  return `<figure class="chart-box"><figcaption>${escapeHtml(spec.title)}</figcaption><div class="chart" data-chart="${escapeHtml(id)}" data-drawn="false"></div>${note}</figure>`;
}

/**
 * A complete, self-contained HTML document: uPlot's script and style sheet inlined, the data as JSON,
 * the chart script, a layout that follows the window's width. Works offline from a file:// address.
 */
export function renderPage(options: PageOptions): string {
  const assets = uplot();
  const data = options.data ?? { charts: {} };
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style>${assets.css}</style>
<style>${pageCss}${options.css ?? ''}</style>
</head><body>
${options.body}
<script type="application/json" id="page-data">${jsonForScript(data)}</script>
<script>${assets.js}</script>
<script>${inlineScript(chartScript)}</script>
${options.script ? `<script>${inlineScript(options.script)}</script>` : ''}
</body></html>
`;
}
