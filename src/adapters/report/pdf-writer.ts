// A small layout layer over a pdfkit document for the report: headings, paragraphs, bullets,
// quoted answers and tables in the standard fonts, with text made printable by pdfText.
import type PDFDocument from 'pdfkit';
import { pdfText } from './pdf-text.js';

type Doc = InstanceType<typeof PDFDocument>;

export const COLORS = { text: '#1d232b', muted: '#5b6572', accent: '#2f6fb5', line: '#c9ced5', quote: '#f0f3f7', warn: '#c0392b' };
const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' } as const;

export class PdfWriter {
  constructor(readonly doc: Doc) {}

  get left(): number {
    return this.doc.page.margins.left;
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  /** Starts a new page unless `height` points still fit above the bottom margin. */
  ensure(height: number): void {
    if (this.doc.y + height > this.doc.page.height - this.doc.page.margins.bottom) this.doc.addPage();
    this.doc.x = this.left;
  }

  /**
   * A heading, kept with what follows: it starts a new page unless the heading itself and
   * `keepWithNext` points of the next block fit, so none is left at a page bottom. A section
   * heading keeps room for a sub-heading and its first lines, which keep their own room.
   */
  heading(text: string, level: 1 | 2 | 3, keepWithNext = level === 3 ? 60 : 120): void {
    const size = level === 1 ? 20 : level === 2 ? 14 : 11.5;
    this.doc.font(FONT.bold).fontSize(size);
    const own = this.doc.heightOfString(pdfText(text), { width: this.width }) + size * 1.5;
    this.ensure(own + keepWithNext);
    if (level > 1) this.doc.moveDown(level === 2 ? 0.8 : 0.5);
    this.doc.font(FONT.bold).fontSize(size).fillColor(level === 2 ? COLORS.accent : COLORS.text);
    this.doc.text(pdfText(text), this.left, this.doc.y, { width: this.width });
    if (level === 2) {
      const y = this.doc.y + 2;
      this.doc.moveTo(this.left, y).lineTo(this.left + this.width, y).lineWidth(0.5).strokeColor(COLORS.line).stroke();
      this.doc.y = y + 6;
    }
    this.doc.moveDown(0.2);
  }

  /** A light horizontal rule across the content width, between blocks such as questions. */
  rule(): void {
    this.ensure(30);
    this.doc.moveDown(0.6);
    const y = this.doc.y;
    this.doc.moveTo(this.left, y).lineTo(this.left + this.width, y).lineWidth(0.5).strokeColor(COLORS.line).stroke();
    this.doc.y = y + 4;
  }

  paragraph(text: string, options: { bold?: boolean; muted?: boolean; size?: number; italic?: boolean; indent?: number } = {}): void {
    const font = options.bold ? FONT.bold : options.italic ? FONT.italic : FONT.regular;
    const indent = options.indent ?? 0;
    this.doc.font(font).fontSize(options.size ?? 10).fillColor(options.muted ? COLORS.muted : COLORS.text);
    this.doc.text(pdfText(text), this.left + indent, this.doc.y, { width: this.width - indent, lineGap: 1.5 });
    this.doc.moveDown(0.35);
  }

  /** A bold line that introduces the block below it (e.g. "Key points"), kept with that block. */
  label(text: string, keepWithNext = 50): void {
    this.doc.font(FONT.bold).fontSize(10);
    this.ensure(this.doc.heightOfString(pdfText(text), { width: this.width }) + keepWithNext);
    this.paragraph(text, { bold: true });
  }

  /** A bold lead-in followed by regular text on the same line(s). */
  labelled(label: string, text: string, options: { indent?: number; muted?: boolean } = {}): void {
    const indent = options.indent ?? 0;
    this.doc.font(FONT.bold).fontSize(10).fillColor(COLORS.text);
    this.doc.text(pdfText(label), this.left + indent, this.doc.y, { width: this.width - indent, continued: true, lineGap: 1.5 });
    this.doc.font(FONT.regular).fillColor(options.muted ? COLORS.muted : COLORS.text).text(pdfText(` ${text}`), { lineGap: 1.5 });
    this.doc.moveDown(0.35);
  }

  bullet(text: string, indent = 0): void {
    this.doc.font(FONT.regular).fontSize(10).fillColor(COLORS.text);
    const x = this.left + indent;
    this.doc.text('-', x, this.doc.y, { width: 10, continued: false, lineBreak: false });
    this.doc.moveUp();
    this.doc.text(pdfText(text), x + 10, this.doc.y, { width: this.width - indent - 10, lineGap: 1.5 });
    this.doc.moveDown(0.2);
  }

  /** The candidate's words: indented, on a tinted band with an accent rule. */
  quote(text: string): void {
    const width = this.width - 20;
    const body = pdfText(text);
    this.doc.font(FONT.regular).fontSize(10);
    const height = this.doc.heightOfString(body, { width, lineGap: 1.5 });
    this.ensure(Math.min(height, 200) + 10);
    const top = this.doc.y;
    const fits = top + height + 8 <= this.doc.page.height - this.doc.page.margins.bottom;
    if (fits) {
      this.doc.rect(this.left, top, this.width, height + 8).fill(COLORS.quote);
      this.doc.rect(this.left, top, 2.5, height + 8).fill(COLORS.accent);
    }
    this.doc.fillColor(COLORS.text).text(body, this.left + 12, top + 4, { width, lineGap: 1.5 });
    this.doc.y = Math.max(this.doc.y, top + height + 8) + 4;
    this.doc.x = this.left;
  }

  /** A table; the first row is the header. `widths` are fractions of the content width. */
  table(rows: string[][], widths: number[]): void {
    this.ensure(40);
    this.doc.font(FONT.regular).fontSize(9).fillColor(COLORS.text);
    this.doc.table({
      position: { x: this.left, y: this.doc.y },
      maxWidth: this.width,
      columnStyles: widths.map((w) => ({ width: w * this.width })),
      defaultStyle: { border: { bottom: 0.5, top: 0, left: 0, right: 0 }, borderColor: COLORS.line, padding: 3 },
      rowStyles: (i) => (i === 0 ? { font: { src: FONT.bold }, textColor: COLORS.muted } : undefined),
      data: rows.map((r) => r.map(pdfText)),
    });
    this.doc.x = this.left;
    this.doc.moveDown(0.6);
  }
}

/** The document's bytes once `doc.end()` has been called. */
export function collectPdf(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
