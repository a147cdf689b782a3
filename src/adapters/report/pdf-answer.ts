// The candidate's answer in the PDF: its Markdown laid out as prose, list items and code (in
// Courier), with an accent rule down the left of each page's part, so it reads as in the HTML.
import { markdownToBlocks, type TextBlock } from './markdown-render.js';
import { pdfText } from './pdf-text.js';
import { COLORS, type PdfWriter } from './pdf-writer.js';

const INDENT = 12;
const LIST_STEP = 12;

function drawBlock(w: PdfWriter, block: TextBlock): void {
  const { doc } = w;
  const x = w.left + INDENT + Math.max(0, block.depth - 1) * LIST_STEP;
  const width = w.width - (x - w.left) - 4;
  if (block.kind === 'code') {
    doc.font('Courier').fontSize(9).fillColor(COLORS.text);
    doc.text(pdfText(block.text), x + 4, doc.y, { width: width - 4, lineGap: 1 });
  } else if (block.kind === 'item') {
    doc.font('Helvetica').fontSize(10).fillColor(COLORS.text);
    const marker = block.marker ?? '-';
    doc.text(marker, x, doc.y, { width: 16, lineBreak: false });
    doc.moveUp();
    doc.text(pdfText(block.text), x + 16, doc.y, { width: width - 16, lineGap: 1.5 });
  } else {
    doc.font('Helvetica').fontSize(10).fillColor(COLORS.text);
    doc.text(pdfText(block.text), x, doc.y, { width, lineGap: 1.5 });
  }
  doc.moveDown(0.25);
}

/** Draws an answer; the accent rule is drawn once its text is placed (on the page it ends on). */
export function drawAnswer(w: PdfWriter, text: string): void {
  const { doc } = w;
  const blocks = markdownToBlocks(text);
  if (blocks.length === 0) blocks.push({ kind: 'text', text: '(empty)', depth: 0 });
  w.ensure(40);
  let top = doc.y;
  // An answer that runs onto a new page gets its rule from that page's top margin.
  const onPage = (): void => {
    top = doc.page.margins.top;
  };
  doc.on('pageAdded', onPage);
  try {
    for (const block of blocks) drawBlock(w, block);
  } finally {
    doc.removeListener('pageAdded', onPage);
  }
  doc.rect(w.left, top, 2.5, Math.max(0, doc.y - top)).fill(COLORS.accent);
  doc.moveDown(0.3);
  doc.x = w.left;
}
