/**
 * What the person is typing at the caret when it opens a picker: `::kiitos` (a text module, as in
 * Zammad) or `@kal` (a colleague to mention). Pure, so the editors' pickers are testable without a DOM.
 */
export interface CaretTrigger {
  /** Where the trigger starts (the first ':' or the '@'): the text from here to the caret is replaced. */
  start: number;
  query: string;
}

const TEMPLATE_TRIGGER = /::([\p{L}\p{N}_-][\p{L}\p{N} _-]{0,39})?$/u;
const MENTION_TRIGGER = /(?:^|[\s(])@([\p{L}\p{N}._-]{0,40})$/u;

export function templateTrigger(text: string, caret: number): CaretTrigger | null {
  const m = TEMPLATE_TRIGGER.exec(text.slice(0, caret));
  return m ? { start: m.index, query: m[1] ?? '' } : null;
}

export function mentionTrigger(text: string, caret: number): CaretTrigger | null {
  const before = text.slice(0, caret);
  const m = MENTION_TRIGGER.exec(before);
  if (!m) return null;
  return { start: before.length - m[1].length - 1, query: m[1] };
}

/** The text with the trigger (start..caret) replaced by `insert`, and where the caret goes. */
export function replaceTrigger(text: string, caret: number, trigger: CaretTrigger, insert: string): { text: string; caret: number } {
  const next = text.slice(0, trigger.start) + insert + text.slice(caret);
  return { text: next, caret: trigger.start + insert.length };
}

/** The usernames mentioned as @username in a comment that are known colleagues. */
export function mentionedUsernames(text: string, known: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?:^|[\s(])@([\p{L}\p{N}._-]+)/gu)) {
    const name = m[1].replace(/[.]+$/, '');
    if (known.has(name)) out.add(name);
  }
  return [...out];
}
