/**
 * The style sheet of the `html` export: readable from a 390 px phone to print, and WCAG 2.1 AA
 * (every text colour at least 4.5:1 on its background; retracted text #555 on white is 7.5:1). On
 * a narrow screen each table row becomes a card of labelled cells, so no column is hidden or
 * scrolled out of sight; chart text is never below 12 px.
 */
import { BAR_FILL, CONFLICT_FILL } from "./html-chart.js";

export const CSS = `
:root { color-scheme: light; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1a1a1a; background: #fff; max-width: 72rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; margin: .5rem 0; }
h2 { font-size: 1.2rem; margin: 0 0 .4rem; overflow-wrap: anywhere; }
a { color: #0b57a4; }
.meta, .generated { color: #4a4a4a; margin: .2rem 0 .8rem; overflow-wrap: anywhere; }
.claim { border-top: 2px solid #ddd; padding-top: 1.2rem; margin-top: 1.6rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; margin: .6rem 0; }
caption { caption-side: top; text-align: left; font-weight: 600; padding: 0 0 .3rem; }
th, td { border: 1px solid #c8c8c8; padding: .3rem .5rem; text-align: left; vertical-align: top; }
/* Any word may break anywhere, so none (a pasted address, a hostile value) makes a table outgrow
   the page; each column keeps a width that holds its usual words whole ("government", a date). */
td, tbody th { white-space: pre-wrap; overflow-wrap: anywhere; }
tbody th, td[data-label="conflicts with"] { min-width: 8em; }
td[data-label="reported in"], td[data-label="quote"] { min-width: 7em; }
td[data-label="side"], td[data-label="says"] { min-width: 7.5em; }
td[data-label="stands"], td[data-label="quote check"] { min-width: 6.5em; }
td[data-label="date"] { min-width: 6em; }
thead th { background: #f0f0f0; }
tbody th { font-weight: 600; }
tr.retracted td, tr.retracted th { color: #555; text-decoration: line-through; }
tr.superseded td, tr.superseded th, tr.agrees td, tr.agrees th { color: #444; font-style: italic; }
.stands-position { font-weight: 700; }
.stands-stale-relay, .stands-relay-mismatch, .stands-error, .check-not-found { color: #a3271b; font-weight: 600; }
.unlinked { color: #444; }
.badge { display: inline-block; padding: 0 .55em; border: 1px solid currentColor; border-radius: .8em; font-size: .8rem; font-weight: 600; white-space: nowrap; font-style: normal; }
.status-conflict { background: #fde2e1; color: #8b1a12; }
.status-corroborated { background: #e1f3e8; color: #1d5b34; }
.status-single-source { background: #fff3d1; color: #6b4e00; }
.status-unsourced { background: #eee; color: #444; }
.brief { margin: .6rem 0; padding: .5rem .8rem; background: #f7f7f4; border-left: 4px solid #8a6d1a; }
.brief div { margin: .2rem 0; }
.brief dt { display: inline; font-weight: 700; }
.brief dt::after { content: ": "; }
.brief dd { display: inline; margin: 0; overflow-wrap: anywhere; }
.brief ul { margin: .2rem 0 .2rem 1.2rem; padding: 0; }
.chart { margin: .8rem 0 1rem; }
.chart figcaption { font-size: .85rem; color: #444; margin: 0 0 .3rem; }
.bars, .lanes { list-style: none; margin: 0; padding: 0; }
.bar-label, .lane-label { margin: .4rem 0 0; font-size: .9rem; overflow-wrap: anywhere; }
.bar-row.conflict .bar-label { font-weight: 600; }
.cross { color: #a3271b; }
.lane-name { font-weight: 600; }
.lane-label s { color: #555; }
svg.strip, svg.axis { display: block; overflow: visible; }
.bar, .dot, .arrow { fill: ${BAR_FILL}; }
.cap { fill: ${CONFLICT_FILL}; stroke: #000; stroke-width: 1; }
.open-end { fill: #fff; stroke: #1a1a1a; stroke-width: 2; }
.finding { fill: #e9b949; fill-opacity: .4; }
.grid { stroke: #e4e4e4; stroke-width: 1; }
.axis-line { stroke: #333; stroke-width: 1; }
.tick-label, .axis-caption, .value { font-size: 12px; fill: #333; }
.value { fill: #1a1a1a; }
.struck-text { text-decoration: line-through; fill: #555; }
.step { stroke: ${BAR_FILL}; stroke-width: 2; }
.step.latest { stroke-dasharray: 4 3; }
.extent { stroke: ${BAR_FILL}; stroke-width: 5; stroke-opacity: .45; }
.mark.own { fill: ${BAR_FILL}; }
.mark.relay { fill: #fff; stroke: ${BAR_FILL}; stroke-width: 2; }
.mark.error { fill: #fff; stroke: #555; stroke-width: 2; stroke-dasharray: 2 2; }
.ring { fill: none; stroke: #1a1a1a; stroke-width: 1.5; }
.struck { stroke: ${CONFLICT_FILL}; stroke-width: 2; }
.note { margin: .4rem 0 0; white-space: pre-wrap; overflow-wrap: anywhere; }
@media (max-width: 40rem) {
  body { padding: .75rem; }
  .axis .minor { display: none; }
}
/* A statements table needs about 1,050 px for its nine columns with their usual words whole:
   below that (a phone, a tablet, a narrow window) and on paper (A4 is 702 px between its margins)
   each row stacks into a card of labelled cells rather than overflow or break its words. */
@media screen and (max-width: 70rem), print {
  table.stack, .stack caption, .stack tbody, .stack tr, .stack th, .stack td { display: block; width: auto; }
  .stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .stack tr { border: 1px solid #c8c8c8; border-radius: 4px; margin: 0 0 .6rem; }
  .stack th, .stack td { border: 0; border-top: 1px solid #eee; min-width: 0; }
  .stack tbody th { border-top: 0; background: #f4f4f4; }
  .stack td::before { content: attr(data-label) ": "; display: inline-block; font-weight: 600; font-style: normal; color: #444; }
  .stack td:empty { display: none; }
}
@page { size: A4; margin: 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  table { font-size: 9pt; }
  th, td { padding: .15rem .3rem; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  figure, tr, .brief { break-inside: avoid; }
  h2 { break-after: avoid; }
  a { color: inherit; }
  td a[href]::after { content: " <" attr(href) ">"; font-size: 8pt; word-break: break-all; }
}
`;
