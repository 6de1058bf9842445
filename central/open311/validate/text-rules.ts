/**
 * Rules every public text field obeys. Values arrive as form fields, already decoded; a bad byte
 * sequence shows up as U+FFFD (multipart) or as a decoding failure (form-urlencoded, see forms.ts).
 */
import { z } from 'zod';

// Anything that looks like a tag: <b>, </p>, <!-- -->, <?xml, <script. "a < b" and "<3" are fine.
const HTML_TAG = /<\s*[a-zA-Z!/?]/;
const CONTROL_MULTILINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const CONTROL_SINGLE = /[\u0000-\u001F\u007F]/;

export function textField(opts: { min?: number; max: number; multiline?: boolean; html?: boolean }) {
  return z
    .string()
    .transform((s) => s.replace(/\r\n?/g, '\n').trim())
    .superRefine((s, ctx) => {
      if (s.includes('\uFFFD')) ctx.addIssue({ code: 'custom', message: 'is not valid UTF-8' });
      else if ((opts.multiline ? CONTROL_MULTILINE : CONTROL_SINGLE).test(s)) ctx.addIssue({ code: 'custom', message: 'contains control characters' });
      if (!opts.html && HTML_TAG.test(s)) ctx.addIssue({ code: 'custom', message: 'must be plain text, HTML is not accepted' });
      const length = [...s].length;
      if (opts.min !== undefined && length < opts.min) ctx.addIssue({ code: 'custom', message: `must be at least ${opts.min} characters` });
      if (length > opts.max) ctx.addIssue({ code: 'custom', message: `must be at most ${opts.max} characters` });
    });
}

/** Issues of a failed parse as one line each ("description: must be at least 10 characters"). */
export function describeIssues(error: z.ZodError): string[] {
  const lines = error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
  return [...new Set(lines)];
}

/** A query or form value given once: the first of repeated values, '' treated as absent. */
export function single(v: unknown): unknown {
  const first = Array.isArray(v) ? v[0] : v;
  return first === '' ? undefined : first;
}
