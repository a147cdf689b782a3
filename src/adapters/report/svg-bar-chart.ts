// A horizontal bar chart as an SVG string: pure, no DOM, no external references. Used inline by
// the HTML report and meant for the web app too. Every label is HTML-escaped.
import { BAND_COLORS, bandOfShare } from '../../engine/report/score-colors.js';
import { escapeHtml } from './escape-html.js';

export interface BarChartItem {
  label: string;
  /** Null draws an empty track with `empty` as the value text (e.g. "not reached"). */
  value: number | null;
  max: number;
  /** Text shown right of the bar; defaults to the rounded value. */
  display?: string;
}

export interface BarChartGroup {
  title: string;
  items: BarChartItem[];
}

export interface BarChartOptions {
  /** Accessible name of the chart. */
  title: string;
  width?: number;
  /** Text for a null value. */
  empty?: string;
  /** Adds the SVG namespace, for a chart saved as its own .svg file (inline HTML needs none). */
  standalone?: boolean;
}

const LABEL_WIDTH = 210;
const VALUE_WIDTH = 100;
const ROW = 26;
const BAR = 14;
const HEADER = 30;
/** Labels longer than this are cut with an ellipsis; the full text stays in a <title> tooltip. */
const MAX_LABEL = 30;

/** The score band of a share 0..1, as a class name (the HTML stylesheet colours the bands). */
export const bandClass = (share: number): string => `band-${bandOfShare(share, 1)}`;

/** Default fills (the light scheme of the one score colour scale), overridden by CSS in dark pages. */
export const BAND_FILLS: Record<string, string> = Object.fromEntries(Object.entries(BAND_COLORS).map(([band, c]) => [`band-${band}`, c.light]));

const cut = (s: string): string => (s.length > MAX_LABEL ? `${s.slice(0, MAX_LABEL - 1).trimEnd()}…` : s);

function row(item: BarChartItem, y: number, width: number, empty: string): string {
  const trackX = LABEL_WIDTH + 8;
  const trackWidth = width - trackX - VALUE_WIDTH;
  const share = item.value === null || item.max <= 0 ? 0 : Math.min(1, Math.max(0, item.value / item.max));
  const band = bandClass(share);
  const text = item.value === null ? empty : (item.display ?? String(Math.round(item.value)));
  const barY = y + (ROW - BAR) / 2;
  const label = escapeHtml(item.label);
  return [
    `<g class="row">`,
    `<title>${label}: ${escapeHtml(text)}</title>`,
    `<text class="label" x="${LABEL_WIDTH}" y="${y + ROW / 2}" text-anchor="end" dominant-baseline="middle" fill="currentColor">${escapeHtml(cut(item.label))}</text>`,
    `<rect class="track" x="${trackX}" y="${barY}" width="${trackWidth}" height="${BAR}" rx="3" fill="#e3e6ea"/>`,
    share > 0 ? `<rect class="bar ${band}" x="${trackX}" y="${barY}" width="${(trackWidth * share).toFixed(1)}" height="${BAR}" rx="3" fill="${BAND_FILLS[band]}"/>` : '',
    `<text class="value" x="${width - VALUE_WIDTH + 8}" y="${y + ROW / 2}" dominant-baseline="middle" fill="currentColor">${escapeHtml(text)}</text>`,
    `</g>`,
  ].join('');
}

/** Renders groups of bars (e.g. topics, then criteria) as one SVG; height follows the content. */
export function renderBarChart(groups: BarChartGroup[], options: BarChartOptions): string {
  const width = options.width ?? 640;
  const empty = options.empty ?? 'n/a';
  const parts: string[] = [];
  let y = 0;
  for (const group of groups.filter((g) => g.items.length > 0)) {
    parts.push(`<text class="group" x="0" y="${y + HEADER - 10}" font-weight="bold" fill="currentColor">${escapeHtml(group.title)}</text>`);
    y += HEADER;
    for (const item of group.items) {
      parts.push(row(item, y, width, empty));
      y += ROW;
    }
    y += 6;
  }
  const height = Math.max(y, ROW);
  const ns = options.standalone ? ' xmlns="http://www.w3.org/2000/svg"' : '';
  const title = escapeHtml(options.title);
  return (
    `<svg${ns} class="chart" role="img" aria-label="${title}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, sans-serif" font-size="13">` +
    `<title>${title}</title>${parts.join('')}</svg>`
  );
}
