// One entry point for the progress report in every format, for the HTTP route and `probe progress`.
import { ProgressSchema, type ProgressData } from '../../engine/progress/progress-schema.js';
import { renderProgressHtml } from './progress-html.js';
import { renderProgressMarkdown } from './progress-markdown.js';
import type { RenderedReport } from './render-report.js';
import type { ReportFormat } from './report-format.js';
import { formatDay } from './report-labels.js';

const CONTENT_TYPES: Record<ReportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  json: 'application/json; charset=utf-8',
};

export async function renderProgressReport(progress: ProgressData, subject: string, format: ReportFormat): Promise<RenderedReport> {
  const contentType = CONTENT_TYPES[format];
  const filename = `probe-progress-${formatDay(progress.generatedAt)}.${format}`;
  switch (format) {
    case 'md':
      return { body: renderProgressMarkdown(progress, subject), contentType, filename };
    case 'html':
      return { body: renderProgressHtml(progress, subject), contentType, filename };
    case 'json':
      return { body: `${JSON.stringify({ subject, ...ProgressSchema.parse(progress) }, null, 2)}\n`, contentType, filename };
    case 'pdf': {
      const { renderProgressPdf } = await import('./progress-pdf.js');
      return { body: await renderProgressPdf(progress, subject), contentType, filename };
    }
  }
}
