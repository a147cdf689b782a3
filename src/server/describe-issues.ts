// Renders zod issues as one readable sentence: "text: expected string, received number; ...".
import type { z } from 'zod';

export function describeIssues(issues: readonly z.core.$ZodIssue[], subject = 'body'): string {
  return issues
    .slice(0, 10)
    .map((i) => `${i.path.length > 0 ? i.path.join('.') : subject}: ${i.message}`)
    .join('; ');
}
