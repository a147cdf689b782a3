// Writes one "## ..." section of docs/benchmarks.md, replacing only that section: the other
// sections belong to other benchmarks.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Replaces (or appends) the section whose heading line is `heading` with `body`. */
export function upsertSection(file: string, heading: string, body: string): void {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const lines = current.split('\n');
  const start = lines.findIndex((line) => line.trim() === heading);
  const section = [heading, '', ...body.trim().split('\n'), ''];
  let next: string[];
  if (start < 0) {
    next = [...trimEnd(lines), '', ...section];
  } else {
    let end = lines.findIndex((line, i) => i > start && /^## /.test(line));
    if (end < 0) end = lines.length;
    next = [...lines.slice(0, start), ...section, ...lines.slice(end)];
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${trimEnd(next).join('\n')}\n`);
}

function trimEnd(lines: string[]): string[] {
  const out = [...lines];
  while (out.length > 0 && out[out.length - 1]?.trim() === '') out.pop();
  return out;
}
