// The report's bar chart drawn with pdfkit vector primitives (rects and text), from the same data
// and bands as the SVG chart, so the PDF shows what the HTML shows.
import { pdfText } from './pdf-text.js';
import type { PdfWriter } from './pdf-writer.js';
import { BAND_FILLS, bandClass, type BarChartGroup } from './svg-bar-chart.js';

const ROW = 17;
const BAR = 10;
const LABEL_WIDTH = 150;
const VALUE_WIDTH = 64;

/** Draws the groups of bars at the current position, starting a page first if the chart would not fit. */
export function drawBarChart(w: PdfWriter, groups: BarChartGroup[], empty: string): void {
  const shown = groups.filter((g) => g.items.length > 0);
  const height = shown.reduce((h, g) => h + 22 + g.items.length * ROW, 0);
  w.ensure(Math.min(height, 400));
  const { doc } = w;
  const trackX = w.left + LABEL_WIDTH + 8;
  const trackWidth = w.width - LABEL_WIDTH - 8 - VALUE_WIDTH;
  for (const group of shown) {
    w.ensure(22 + ROW);
    doc.font('Helvetica-Bold').fontSize(9.5).fillColor('#1d232b').text(pdfText(group.title), w.left, doc.y + 4, { width: w.width });
    let y = doc.y + 3;
    for (const item of group.items) {
      if (y + ROW > doc.page.height - doc.page.margins.bottom) {
        doc.addPage();
        y = doc.y;
      }
      const share = item.value === null || item.max <= 0 ? 0 : Math.min(1, Math.max(0, item.value / item.max));
      const barY = y + (ROW - BAR) / 2;
      doc.font('Helvetica').fontSize(9).fillColor('#1d232b');
      doc.text(pdfText(item.label), w.left, barY + 1, { width: LABEL_WIDTH, align: 'right', lineBreak: false, ellipsis: true, height: ROW });
      doc.roundedRect(trackX, barY, trackWidth, BAR, 2).fill('#e3e6ea');
      if (share > 0) doc.roundedRect(trackX, barY, trackWidth * share, BAR, 2).fill(BAND_FILLS[bandClass(share)] ?? '#2f6fb5');
      const text = item.value === null ? empty : (item.display ?? String(Math.round(item.value)));
      doc.fillColor('#1d232b').text(pdfText(text), trackX + trackWidth + 8, barY + 1, { width: VALUE_WIDTH - 8, lineBreak: false });
      y += ROW;
    }
    doc.y = y + 4;
  }
  doc.x = w.left;
  doc.moveDown(0.5);
}
