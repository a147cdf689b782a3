// The report formats, in a module of their own so callers (the CLI's option parsing, the route's
// query check) can name them without loading the renderers and pdfkit.
import { z } from 'zod';

export const ReportFormatSchema = z.enum(['md', 'html', 'pdf', 'json']);
export type ReportFormat = z.infer<typeof ReportFormatSchema>;
export const REPORT_FORMATS = ReportFormatSchema.options;
