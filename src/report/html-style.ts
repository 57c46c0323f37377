// The HTML report's only stylesheet, inline: system fonts, readable on screen, compact when printed to PDF.
export const REPORT_CSS = `
:root { --fg:#1d232a; --muted:#5d6873; --line:#d5dbe1; --ok:#1a7f37; --warn:#9a6700; --crit:#cf222e; --accent:#0b62c4; --bg-alt:#f4f6f8; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--fg); max-width: 1100px; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
h2 { font-size: 1.2rem; border-bottom: 2px solid var(--line); padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: 13px; }
th, td { border: 1px solid var(--line); padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: var(--bg-alt); font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.nowrap { white-space: nowrap; }
table.kv th { width: 11rem; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; word-break: break-all; }
.muted { color: var(--muted); }
.draft { border: 2px solid var(--warn); color: var(--warn); padding: .5rem .8rem; font-weight: 600; margin: .8rem 0; }
.warning { border-left: 4px solid var(--warn); padding: .3rem .6rem; background: #fff8e6; margin: .3rem 0; }
.met { color: var(--ok); font-weight: 600; } .missed { color: var(--crit); font-weight: 700; } .unknown { color: var(--muted); }
.bad { color: var(--crit); font-weight: 600; }
.correction { display: block; color: var(--warn); margin-top: .2rem; }
.chart { max-width: 100%; height: auto; display: block; }
.chart .plot { fill: #fbfcfd; stroke: var(--line); }
.chart .series { fill: none; stroke: var(--accent); stroke-width: 2; }
.chart .dot { fill: var(--accent); }
.chart .th-warning { stroke: var(--warn); stroke-dasharray: 5 4; stroke-width: 1.5; }
.chart .th-critical { stroke: var(--crit); stroke-dasharray: 5 4; stroke-width: 1.5; }
.chart .th-label { font-size: 10px; fill: var(--muted); }
.chart .alarm { stroke-width: 1.5; } .chart .alarm-on { stroke: var(--crit); } .chart .alarm-off { stroke: var(--ok); }
.chart .axis { font-size: 10px; fill: var(--muted); }
.chart .impact-window { fill: var(--crit); fill-opacity: .09; }
.chart .milestone { stroke: var(--fg); stroke-dasharray: 2 3; stroke-width: 1; }
.gantt .bar { fill: var(--accent); } .gantt .bar-failed { fill: var(--crit); } .gantt .bar-skipped { fill: #b7bec6; } .gantt .bar-open { fill: var(--warn); }
.gantt .verified { fill: var(--ok); stroke: #fff; } .gantt .unverified { fill: var(--crit); stroke: #fff; }
.gantt .rto { stroke: var(--crit); stroke-dasharray: 6 4; stroke-width: 1.5; }
.objectives-chart .achieved { fill: var(--muted); } .objectives-chart .achieved-met { fill: var(--ok); } .objectives-chart .achieved-missed { fill: var(--crit); }
.objectives-chart .target { stroke: var(--fg); stroke-width: 2.5; }
.draft-section { border-left: 3px solid var(--line); padding-left: .7rem; }
.written { white-space: normal; }
a.cite { color: var(--accent); text-decoration: none; font-size: 12px; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  @page { size: A4; margin: 14mm; }
  h2 { break-after: avoid; } tr, .chart, .warning { break-inside: avoid; }
  th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .timeline td { font-size: 9pt; }
}
`;
