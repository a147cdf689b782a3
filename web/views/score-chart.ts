// The report's score chart: one horizontal bar per row (overall first, then each topic), drawn as
// SVG with text nodes. Labels sit above their bars so the chart stays legible on a phone.
import { BAND_COLORS, bandOfShare } from '../../src/engine/report/score-colors.js';
import { svg } from '../dom.js';
import { formatScore } from '../format.js';

export interface ChartRow {
  label: string;
  /** 0-100, or null when nothing in the row was scored. */
  score: number | null;
  /** Drawn heavier (the overall). */
  strong?: boolean;
}

const WIDTH = 320;
const ROW = 44;
const BAR = 14;
const VALUE_W = 44;

/** An SVG bar chart of scores out of 100, with an accessible name listing every value. */
export function scoreChart(rows: ChartRow[], title: string): SVGSVGElement {
  const height = rows.length * ROW + 8;
  const summary = rows.map((r) => `${r.label}: ${r.score === null ? 'not scored' : `${formatScore(r.score)} of 100`}`).join('; ');
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${height}`, class: 'score-chart', role: 'img', 'aria-label': `${title}. ${summary}`, 'data-testid': 'score-chart' }, svg('title', {}, title));
  rows.forEach((row, i) => chart.append(barRow(row, i * ROW + 4)));
  return chart;
}

function barRow(row: ChartRow, y: number): SVGGElement {
  const track = WIDTH - VALUE_W;
  const fill = row.score === null ? 0 : Math.max(0, Math.min(100, row.score)) / 100 * track;
  const barY = y + 20;
  return svg(
    'g',
    { class: row.strong ? 'row strong' : 'row', 'aria-hidden': 'true' },
    svg('text', { x: 0, y: y + 13, class: 'bar-label' }, row.label),
    svg('rect', { x: 0, y: barY, width: track, height: BAR, rx: 3, class: 'bar-track' }),
    row.score === null ? null : bar(row.score, barY, fill),
    svg('text', { x: WIDTH, y: barY + BAR - 2, 'text-anchor': 'end', class: 'bar-value' }, row.score === null ? 'n/a' : formatScore(row.score)),
  );
}

/**
 * A score's bar in the one colour scale the HTML and PDF reports use too: the colours come from
 * BAND_COLORS as custom properties, and the stylesheet picks the light or dark one.
 */
function bar(score: number, y: number, width: number): SVGRectElement {
  const band = bandOfShare(score);
  const colors = BAND_COLORS[band];
  return svg('rect', { x: 0, y, width: width.toFixed(1), height: BAR, rx: 3, class: 'bar', 'data-band': band, style: `--band-light: ${colors.light}; --band-dark: ${colors.dark}` });
}
