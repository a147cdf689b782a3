// The report as JSON: the report data itself, checked against the exported ReportSchema first so
// a consumer can rely on the schema (and `schemaVersion`) it validates with.
import { ReportSchema, type Report } from '../../engine/report/report-schema.js';

/** Validates the report and serialises it, indented for people who open the file. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(ReportSchema.parse(report), null, 2)}\n`;
}
