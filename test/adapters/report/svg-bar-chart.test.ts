import { describe, expect, it } from 'vitest';
import { bandClass, renderBarChart } from '../../../src/adapters/report/svg-bar-chart.js';

const groups = [
  { title: 'Topics', items: [{ label: 'gans', value: 75, max: 100 }, { label: 'vaes', value: null, max: 100 }] },
  { title: 'Criteria', items: [{ label: 'Depth', value: 1, max: 4, display: '1.0 / 4' }] },
  { title: 'Empty', items: [] },
];

describe('renderBarChart', () => {
  const svg = renderBarChart(groups, { title: 'Scores', empty: 'not counted', width: 600 });

  it('draws one bar per non-null value, scaled to the track, in the band colour', () => {
    const bars = [...svg.matchAll(/<rect class="bar (band-[a-z]+)" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)];
    expect(bars.map((b) => b[1])).toEqual(['band-solid', 'band-starting']);
    const track = Number(svg.match(/<rect class="track" x="[\d.]+" y="[\d.]+" width="([\d.]+)"/)?.[1]);
    expect(Number(bars[0]?.[3])).toBeCloseTo(track * 0.75, 0);
    expect(Number(bars[1]?.[3])).toBeCloseTo(track * 0.25, 0);
  });

  it('labels values, shows the empty text for null, skips empty groups and has an accessible name', () => {
    expect(svg).toContain('>75</text>');
    expect(svg).toContain('>1.0 / 4</text>');
    expect(svg).toContain('>not counted</text>');
    expect(svg).not.toContain('Empty');
    expect(svg).toMatch(/^<svg class="chart" role="img" aria-label="Scores"/);
    expect(svg).not.toContain('xmlns');
    expect(renderBarChart(groups, { title: 't', standalone: true })).toContain('xmlns="http://www.w3.org/2000/svg"');
  });

  it('escapes labels and cuts long ones, keeping the full text in the tooltip', () => {
    const evil = renderBarChart([{ title: '<script>', items: [{ label: '<img src=x onerror=alert(1)> and a very long label indeed', value: 10, max: 100 }] }], { title: '"quoted"' });
    expect(evil).not.toMatch(/<img|<script/);
    expect(evil).toContain('&lt;img src=x onerror=alert(1)&gt; and a very long label indeed: 10</title>');
    expect(evil).toContain('…</text>');
    expect(evil).toContain('aria-label="&quot;quoted&quot;"');
  });
});

describe('bandClass', () => {
  it.each([[0.8, 'band-strong'], [0.79, 'band-solid'], [0.4, 'band-developing'], [0.1, 'band-starting']])('%d', (share, band) => expect(bandClass(share)).toBe(band));
});
