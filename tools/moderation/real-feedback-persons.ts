/**
 * npx tsx tools/moderation/real-feedback-persons.ts [--list]
 * A precision check on the domain that matters: person findings in the 1380 published Helsinki
 * feedback texts and answers of 2014-2016 (data/helsinki-feedback-2014-2016.json). They were moderated
 * before publication, so nearly every person finding there is a false alarm (the answers are signed
 * by offices, not people). Prints the count per 100 texts; --list prints each finding.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createModerationEngine } from '../../shared/moderation/engine.js';
import { DATA_DIR, loadLexicon } from './load-lexicon.js';

const rows = JSON.parse(readFileSync(join(DATA_DIR, 'helsinki-feedback-2014-2016.json'), 'utf8')) as { model: string; fields: Record<string, string> }[];
const texts = rows.filter((r) => r.model === 'api.feedback').flatMap((r) => [r.fields.description, r.fields.status_notes].filter(Boolean));
const engine = createModerationEngine(loadLexicon());
const list = process.argv.includes('--list');
let n = 0;
for (const text of texts) {
  for (const f of engine.scan(text, { language: 'fi', kinds: ['person'] })) {
    n++;
    if (list) console.log(`${text.slice(Math.max(0, f.start - 30), f.start).replace(/\n/g, ' ')}[[${text.slice(f.start, f.end)}]]${text.slice(f.end, f.end + 20).replace(/\n/g, ' ')}  (${f.score.toFixed(2)} ${f.explanation})`);
  }
}
console.log(`${texts.length} texts, ${n} person findings (${((100 * n) / texts.length).toFixed(1)} per 100 texts)`);
