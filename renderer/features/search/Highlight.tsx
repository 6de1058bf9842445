import type { ReactNode } from 'react';
import type { Highlighted } from '../../../shared/api/desk-api.js';

/** Text with its matches in <mark>; ranges outside the text or overlapping are ignored. */
export function HighlightedText({ value }: { value: Highlighted }) {
  const parts: ReactNode[] = [];
  let at = 0;
  const ranges = [...value.highlights].sort((a, b) => a[0] - b[0]);
  for (const [start, end] of ranges) {
    if (start < at || end > value.text.length || end <= start) continue;
    if (start > at) parts.push(value.text.slice(at, start));
    parts.push(
      <mark key={start} className="ir-hit">
        {value.text.slice(start, end)}
      </mark>,
    );
    at = end;
  }
  if (at < value.text.length) parts.push(value.text.slice(at));
  return <>{parts}</>;
}
