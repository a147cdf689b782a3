// The HTML report's stylesheet, inlined in the file: light and dark colour schemes, and a print
// layout (light colours, no shadows, cards kept whole across pages). System fonts only.
import { BAND_COLORS } from '../../engine/report/score-colors.js';

const bands = (scheme: 'light' | 'dark'): string =>
  Object.entries(BAND_COLORS).map(([band, c]) => `--${band}: ${c[scheme]};`).join(' ');

export const REPORT_CSS = `
:root {
  color-scheme: light dark;
  --bg: #f6f7f9; --card: #ffffff; --text: #1d232b; --muted: #5b6572; --line: #dde1e6;
  --accent: #2f6fb5; --quote: #f0f3f7; --covered: #2e8540; --partly: #b7791f; --missed: #c0392b;
  ${bands('light')} --track: #e3e6ea;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #14181d; --card: #1d232b; --text: #e6e9ed; --muted: #9aa4b1; --line: #333b46;
    --accent: #6ea8e8; --quote: #252c36; --covered: #5cc77a; --partly: #e0a948; --missed: #f07a6d;
    ${bands('dark')} --track: #333b46;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text); font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 920px; margin: 0 auto; padding: 24px 20px 48px; }
h1 { font-size: 1.7rem; margin: 0 0 4px; }
h2 { font-size: 1.25rem; margin: 32px 0 12px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 1.05rem; margin: 0 0 6px; }
.meta, .muted { color: var(--muted); font-size: 0.9rem; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 16px 20px; margin: 12px 0; }
.overall { display: flex; gap: 24px; align-items: center; }
.score { font-size: 2.8rem; font-weight: 700; line-height: 1; white-space: nowrap; }
.score small { font-size: 1rem; color: var(--muted); font-weight: 400; }
.badge { display: inline-block; border-radius: 999px; padding: 1px 10px; font-size: 0.8rem; font-weight: 600; color: #fff; background: var(--muted); }
.badge.strong { background: var(--strong); } .badge.solid { background: var(--solid); }
.badge.developing { background: var(--developing); } .badge.starting { background: var(--starting); }
.verdict { font-size: 1.1rem; font-weight: 600; margin: 0 0 6px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 0.92rem; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
svg.chart { max-width: 100%; height: auto; color: var(--text); }
svg.chart .track { fill: var(--track); }
svg.chart .band-strong { fill: var(--strong); } svg.chart .band-solid { fill: var(--solid); }
svg.chart .band-developing { fill: var(--developing); } svg.chart .band-starting { fill: var(--starting); }
blockquote { margin: 6px 0 10px; padding: 8px 12px; background: var(--quote); border-left: 3px solid var(--accent); border-radius: 4px; overflow-wrap: anywhere; }
blockquote > :first-child { margin-top: 0; } blockquote > :last-child { margin-bottom: 0; }
blockquote pre { background: var(--card); padding: 6px 8px; border-radius: 4px; overflow-x: auto; white-space: pre-wrap; }
ul.notes { margin: 6px 0; padding-left: 18px; color: var(--missed); }
details.attempt { border-left: 3px solid var(--line); padding-left: 10px; margin: 8px 0; }
details.attempt summary { cursor: pointer; color: var(--muted); }
li.contradicted::before { content: "✗"; color: var(--missed); }
.asked { margin: 12px 0 2px; font-size: 0.9rem; color: var(--muted); }
ul.kps { list-style: none; padding: 0; margin: 6px 0; }
ul.kps > li { margin: 6px 0; padding-left: 22px; position: relative; }
ul.kps > li::before { position: absolute; left: 0; font-weight: 700; }
li.covered::before { content: "✓"; color: var(--covered); }
li.partly::before { content: "◐"; color: var(--partly); }
li.missed::before { content: "✗"; color: var(--missed); }
li.unassessed::before { content: "·"; color: var(--muted); }
.evidence { display: block; color: var(--muted); font-style: italic; overflow-wrap: anywhere; }
.gap h3 { color: var(--accent); }
.reference { border-top: 1px dashed var(--line); margin-top: 12px; padding-top: 8px; }
.warn { color: var(--missed); }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.88em; }
@media print {
  :root { --bg: #fff; --card: #fff; --text: #000; --muted: #444; --line: #bbb; --quote: #f3f3f3; --track: #e6e6e6; }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  .card { border-color: #bbb; break-inside: avoid; }
  article.card { break-inside: auto; }
  h2, h3 { break-after: avoid; }
  svg.chart, .badge, blockquote { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;
