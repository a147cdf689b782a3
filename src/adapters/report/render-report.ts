// One entry point for every report format: renders the report and names the download, so the
// HTTP route and `probe export` serve identical files.
import type { Report } from '../../engine/report/report-schema.js';
import { formatDay } from './report-labels.js';
import type { ReportFormat } from './report-format.js';
import { renderHtml } from './render-html.js';
import { renderJson } from './render-json.js';
import { renderMarkdown } from './render-markdown.js';

export interface RenderedReport {
  body: string | Buffer;
  contentType: string;
  filename: string;
}

const CONTENT_TYPES: Record<ReportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  json: 'application/json; charset=utf-8',
};

/** `probe-report-<session id>-<yyyy-mm-dd>.<ext>`, dated by the session's creation (UTC); the id is reduced to filename-safe characters. */
export function reportFilename(report: Report, format: ReportFormat): string {
  const id = report.sessionId.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64) || 'session';
  return `probe-report-${id}-${formatDay(report.createdAt)}.${format}`;
}

/** Renders `report` in `format`, with the content type and download filename to serve it under. */
export async function renderReport(report: Report, format: ReportFormat): Promise<RenderedReport> {
  const contentType = CONTENT_TYPES[format];
  const filename = reportFilename(report, format);
  switch (format) {
    case 'md':
      return { body: renderMarkdown(report), contentType, filename };
    case 'html':
      return { body: renderHtml(report), contentType, filename };
    case 'json':
      return { body: renderJson(report), contentType, filename };
    case 'pdf':
      // pdfkit and its fonts load only when a PDF is asked for.
      const { renderPdf } = await import('./render-pdf.js');
      return { body: await renderPdf(report), contentType, filename };
  }
}
