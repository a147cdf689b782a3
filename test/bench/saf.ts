// Loading the SAF (Short Answer Feedback, communication networks) CSV files: expert scores
// normalised by each question's maximum, for the calibration part of `npm run bench:grader`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataRoot } from './semeval.js';

export interface SafRow {
  id: string;
  question: string;
  reference: string;
  answer: string;
  /** The expert score divided by the question's maximum, 0..1. */
  normalised: number;
  verdict: string;
}

/** The data folder: PROBE_SAF_DIR, or <PROBE_DATA_DIR or ../shared/data>/saf. */
export function safDir(): string {
  const dir = process.env.PROBE_SAF_DIR ?? join(dataRoot(), 'saf');
  if (!existsSync(dir)) throw new Error(`SAF data not found at ${dir}; set PROBE_SAF_DIR (or PROBE_DATA_DIR) to the folder holding train.csv.`);
  return dir;
}

/** RFC 4180 CSV: quoted fields may hold commas, newlines and doubled quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows.filter((r) => r.length > 1 || (r[0] ?? '') !== '');
}

function readRaw(split: 'train' | 'validation'): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readFileSync(join(safDir(), `${split}.csv`), 'utf8'));
  if (!header) throw new Error(`SAF ${split}.csv is empty`);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/**
 * Loads a split. A question's maximum is the highest score any answer to it earned in train
 * and validation together (the release does not state it; every question has full-credit answers).
 */
export function loadSaf(split: 'train' | 'validation'): SafRow[] {
  const all = [...readRaw('train'), ...readRaw('validation')];
  const max = new Map<string, number>();
  for (const r of all) max.set(r.question ?? '', Math.max(max.get(r.question ?? '') ?? 0, Number(r.score)));
  return readRaw(split).map((r) => ({
    id: r.id ?? '',
    question: r.question ?? '',
    reference: r.reference_answer ?? '',
    answer: r.provided_answer ?? '',
    normalised: Number(r.score) / (max.get(r.question ?? '') || 1),
    verdict: r.verification_feedback ?? '',
  }));
}

/** Pearson correlation. */
export function pearson(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i += 1) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}

export const mean = (x: number[]): number => x.reduce((a, b) => a + b, 0) / Math.max(1, x.length);
