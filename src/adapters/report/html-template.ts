// A tagged template for HTML that escapes every interpolated value unless it is already SafeHtml,
// so a renderer cannot forget to escape candidate or LLM text (the approach of lit-html and hono/html).
import { escapeHtml } from './escape-html.js';

/** Markup that is already safe: built by `html`, or trusted and wrapped with `trustedHtml`. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | HtmlValue[];

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/** Builds markup; strings and numbers are escaped, arrays are joined, null / undefined / false vanish. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Marks markup we generated ourselves (the stylesheet, the SVG chart, itself escaped) as safe. */
export const trustedHtml = (markup: string): SafeHtml => new SafeHtml(markup);
