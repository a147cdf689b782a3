import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../src/adapters/report/pdf-text.js';

describe('pdfText', () => {
  it.each([
    ['plain ASCII', 'plain ASCII'],
    ['café “quoted” – — … €', 'café “quoted” – — … €'],
    ['log(1 − D) ≥ 0, β, ∇f, ‖x‖', 'log(1 - D) >= 0, beta, nablaf, ||x||'],
    ['x̂ and ő', 'x and o'],
    ['emoji 🚀 and 漢字', 'emoji ? and ??'],
    ['a\r\nb\u0007c', 'a\nbc'],
  ])('%j', (input, expected) => expect(pdfText(input)).toBe(expected));
});
