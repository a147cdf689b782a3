// The progress page's score-over-time chart: one line per topic, drawn with SVG elements and text
// nodes (the HTML report draws the same chart as a string in src/adapters/report/svg-trend-chart.ts).
// Its accessible name and description list every value; the legend repeats them as text.
import type { ProgressData } from '../../src/protocol/profile.js';
import { h, svg } from '../dom.js';
import { formatDate } from '../format.js';

const W = 480;
const H = 200;
const PAD = { left: 34, right: 12, top: 12, bottom: 28 };
/** Colour-blind-safe (Okabe-Ito), cycled. */
export const TREND_COLORS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#7f7f7f'];

export function trendChart(p: ProgressData): HTMLElement {
  const all = p.topics.flatMap((t) => t.trend);
  const min = Math.min(...all.map((x) => x.at));
  const max = Math.max(...all.map((x) => x.at));
  const x = (at: number) => PAD.left + (max === min ? (W - PAD.left - PAD.right) / 2 : ((at - min) / (max - min)) * (W - PAD.left - PAD.right));
  const y = (score: number) => PAD.top + (1 - score / 100) * (H - PAD.top - PAD.bottom);
  const describe = p.topics.map((t) => `${t.title}: ${t.trend.map((v) => `${formatDate(v.at)} ${Math.round(v.score)}`).join(', ')}`).join('; ');
  const chart = svg(
    'svg',
    { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'trend-title trend-desc', class: 'trend-chart' },
    svg('title', { id: 'trend-title' }, 'Score per session, by topic (0 to 100)'),
    svg('desc', { id: 'trend-desc' }, describe),
    ...[0, 50, 100].flatMap((v) => [
      svg('line', { x1: PAD.left, x2: W - PAD.right, y1: y(v), y2: y(v), stroke: 'currentColor', 'stroke-opacity': 0.2 }),
      svg('text', { x: PAD.left - 4, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 10, fill: 'currentColor' }, String(v)),
    ]),
    ...p.topics.flatMap((t, i) => {
      const color = TREND_COLORS[i % TREND_COLORS.length] ?? '#000';
      return [
        svg('polyline', { points: t.trend.map((v) => `${x(v.at).toFixed(1)},${y(v.score).toFixed(1)}`).join(' '), fill: 'none', stroke: color, 'stroke-width': 2 }),
        ...t.trend.map((v) => svg('circle', { cx: x(v.at).toFixed(1), cy: y(v.score).toFixed(1), r: 3, fill: color })),
      ];
    }),
    all.length > 0 ? svg('text', { x: PAD.left, y: H - 8, 'font-size': 10, fill: 'currentColor' }, formatDate(min)) : null,
    all.length > 0 ? svg('text', { x: W - PAD.right, y: H - 8, 'font-size': 10, 'text-anchor': 'end', fill: 'currentColor' }, formatDate(max)) : null,
  );
  const legend = h('ul', { class: 'trend-legend' }, ...p.topics.map((t, i) => h('li', {}, h('span', { class: 'swatch', style: `background:${TREND_COLORS[i % TREND_COLORS.length]}` }), `${t.title}: ${t.trend.map((v) => Math.round(v.score)).join(' → ')}`)));
  return h('figure', { class: 'trend', 'data-testid': 'trend' }, chart, legend);
}
