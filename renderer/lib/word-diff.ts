/** Word-level diff of the original and the publishable version (LCS over words and the spaces between them). */

export type DiffOp = 'equal' | 'insert' | 'delete';
export interface DiffPart {
  op: DiffOp;
  text: string;
}

/** Words, runs of whitespace and single punctuation marks, so "Virtanen," diffs as the name and the comma. */
export function tokenize(text: string): string[] {
  return text.match(/[\p{L}\p{M}\p{N}_'’-]+|\s+|[^\s\p{L}\p{M}\p{N}_'’-]/gu) ?? [];
}

// Above this many token pairs the LCS table would be too large for the UI thread; fall back to one replacement.
const MAX_CELLS = 4_000_000;

export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const am = a.slice(pre, a.length - suf);
  const bm = b.slice(pre, b.length - suf);
  const parts: DiffPart[] = [];
  const push = (op: DiffOp, text: string) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += text;
    else parts.push({ op, text });
  };
  push('equal', a.slice(0, pre).join(''));
  if (am.length * bm.length > MAX_CELLS) {
    push('delete', am.join(''));
    push('insert', bm.join(''));
  } else {
    const n = am.length;
    const m = bm.length;
    // lcs[i][j] = LCS length of am[i..] and bm[j..], flattened
    const lcs = new Uint32Array((n + 1) * (m + 1));
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        lcs[i * (m + 1) + j] = am[i] === bm[j] ? lcs[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(lcs[(i + 1) * (m + 1) + j], lcs[i * (m + 1) + j + 1]);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && am[i] === bm[j]) {
        push('equal', am[i++]);
        j++;
      } else if (i < n && (j === m || lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1])) push('delete', am[i++]);
      else push('insert', bm[j++]);
    }
  }
  push('equal', a.slice(a.length - suf).join(''));
  return joinChanges(parts);
}

/**
 * A lone space between two changes splits one edit into many ("Matti" -> "[nimi", " ", "Virtanen" ->
 * "poistettu]"); readers see one replaced phrase, so whitespace-only equal runs inside a change are absorbed.
 */
function joinChanges(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let i = 0;
  while (i < parts.length) {
    if (parts[i].op === 'equal') {
      out.push(parts[i++]);
      continue;
    }
    let del = '';
    let ins = '';
    for (; i < parts.length; i++) {
      const p = parts[i];
      if (p.op === 'delete') del += p.text;
      else if (p.op === 'insert') ins += p.text;
      else if (/^\s+$/.test(p.text) && i + 1 < parts.length) {
        del += p.text;
        ins += p.text;
      } else break;
    }
    if (del) out.push({ op: 'delete', text: del });
    if (ins) out.push({ op: 'insert', text: ins });
  }
  return out;
}
