import type { z } from 'zod';

/** Every problem zod found, each with the path it is at: `ticket.channel: Invalid option…; …`. */
export function describeIssues(error: z.ZodError, rootLabel = '(root)'): string {
  return error.issues.map((issue) => `${issue.path.join('.') || rootLabel}: ${issue.message}`).join('; ');
}
