// Text for the PDF's standard fonts (Helvetica, WinAnsi encoding): characters they cannot show are
// spelled out or replaced, since pdfkit would otherwise write bytes no reader can decode.

/** Unicode characters WinAnsi holds above Latin-1 (pdfkit maps these itself). */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Common characters outside WinAnsi, spelled with ones inside it. */
const SUBSTITUTES: Record<string, string> = {
  '−': '-', '‐': '-', '‑': '-', '‒': '-', '―': '-', '≤': '<=', '≥': '>=', '≠': '!=', '≈': '~', '→': '->', '←': '<-', '⇒': '=>',
  '↔': '<->', '∞': 'infinity', '√': 'sqrt', '∑': 'sum', '∏': 'prod', '∫': 'integral', '∇': 'nabla', '∂': 'd', '‖': '||', '∈': 'in',
  '✓': 'v', '✔': 'v', '✗': 'x', '✘': 'x', '█': '#', '░': '.', '\u200b': '', '\u00a0': ' ', '\t': '    ',
  'α': 'alpha', 'β': 'beta', 'γ': 'gamma', 'δ': 'delta', 'ε': 'epsilon', 'θ': 'theta', 'λ': 'lambda', 'μ': 'mu', 'π': 'pi',
  'σ': 'sigma', 'τ': 'tau', 'φ': 'phi', 'ω': 'omega', 'Σ': 'Sigma', 'Δ': 'Delta', 'Ω': 'Omega', 'η': 'eta', 'ρ': 'rho', 'κ': 'kappa',
};

const encodable = (ch: string): boolean => {
  const code = ch.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || ch === '\n' || WIN_ANSI_EXTRA.has(ch);
};

function substitute(ch: string): string {
  const known = SUBSTITUTES[ch];
  if (known !== undefined) return known;
  // Accented letters outside Latin-1 (e.g. "ő") keep their base letter.
  const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
  return base.length > 0 && [...base].every(encodable) ? base : '?';
}

/** Makes text printable in a standard PDF font: CRLF to LF, control characters dropped, the rest mapped. */
export function pdfText(text: string): string {
  let out = '';
  for (const ch of text.replace(/\r\n?/g, '\n')) {
    if (encodable(ch)) out += ch;
    else if (/\p{Cc}/u.test(ch) && ch !== '\t') continue;
    else if (/\p{M}/u.test(ch)) continue;
    else out += substitute(ch);
  }
  return out;
}
