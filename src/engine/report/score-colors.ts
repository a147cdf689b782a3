// One colour scale for scores, used by the web report, the HTML report and the PDF, so a score has
// the same colour everywhere: the score bands of the overall (strong 80+, solid 60+, developing
// 40+, starting below), each with a light-scheme and a dark-scheme colour.
import type { ScoreBand } from './report-schema.js';
import { bandOf } from './score-summary.js';

export interface BandColor {
  light: string;
  dark: string;
}

/** Light colours hold at least 4.5:1 against white, dark ones against the dark card (#1d232b). */
export const BAND_COLORS: Record<ScoreBand, BandColor> = {
  strong: { light: '#2e7d3e', dark: '#5cc77a' },
  solid: { light: '#2f6fb5', dark: '#6ea8e8' },
  developing: { light: '#a35f00', dark: '#e0a948' },
  starting: { light: '#c0392b', dark: '#f07a6d' },
};

/** The band of a value out of `max` (a score of 100, or a criterion level of 4). */
export const bandOfShare = (value: number, max = 100): ScoreBand => bandOf(max <= 0 ? 0 : (Math.min(max, Math.max(0, value)) / max) * 100);

/** The light-scheme colour of a score (what a printed page and the PDF use). */
export const scoreColor = (value: number, max = 100): string => BAND_COLORS[bandOfShare(value, max)].light;
