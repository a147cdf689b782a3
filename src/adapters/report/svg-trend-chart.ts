// A small SVG line chart of scores over time, one line per topic, with a <title> and <desc> that
// list every value (screen readers read those, not the lines). A string, so the HTML report and
// the web app draw the same chart.
import { escapeHtml } from './escape-html.js';
import { formatDay } from './report-labels.js';

export interface TrendSeries {
  label: string;
  points: { at: number; score: number }[];
}

const W = 480;
const H = 200;
const PAD = { left: 34, right: 12, top: 12, bottom: 28 };
/** Colour-blind-safe (Okabe-Ito), cycled. */
export const TREND_COLORS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#000000'];

export function renderTrendChart(series: TrendSeries[], title: string): string {
  const all = series.flatMap((s) => s.points);
  const desc = series.map((s) => `${s.label}: ${s.points.map((p) => `${formatDay(p.at)} ${Math.round(p.score)}`).join(', ')}`).join('; ');
  const min = Math.min(...all.map((p) => p.at));
  const max = Math.max(...all.map((p) => p.at));
  const x = (at: number) => PAD.left + (max === min ? (W - PAD.left - PAD.right) / 2 : ((at - min) / (max - min)) * (W - PAD.left - PAD.right));
  const y = (score: number) => PAD.top + (1 - score / 100) * (H - PAD.top - PAD.bottom);
  const grid = [0, 50, 100].map((v) => `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(v)}" y2="${y(v)}" stroke="#8884" /><text x="${PAD.left - 4}" y="${y(v) + 4}" text-anchor="end" font-size="10" fill="currentColor">${v}</text>`).join('');
  const lines = series
    .map((s, i) => {
      const color = TREND_COLORS[i % TREND_COLORS.length];
      const pts = s.points.map((p) => `${x(p.at).toFixed(1)},${y(p.score).toFixed(1)}`);
      const dots = s.points.map((p) => `<circle cx="${x(p.at).toFixed(1)}" cy="${y(p.score).toFixed(1)}" r="3" fill="${color}" />`).join('');
      return `<polyline points="${pts.join(' ')}" fill="none" stroke="${color}" stroke-width="2" />${dots}`;
    })
    .join('');
  const axis = all.length > 0 ? `<text x="${PAD.left}" y="${H - 8}" font-size="10" fill="currentColor">${formatDay(min)}</text><text x="${W - PAD.right}" y="${H - 8}" font-size="10" text-anchor="end" fill="currentColor">${formatDay(max)}</text>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-labelledby="trend-title trend-desc" class="trend-chart"><title id="trend-title">${escapeHtml(title)}</title><desc id="trend-desc">${escapeHtml(desc || 'no scores yet')}</desc>${grid}${lines}${axis}</svg>`;
}
