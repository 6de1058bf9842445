import { LinkifyIt } from 'linkify-it';
import type { Finding, Recognizer } from '../types.js';

// fuzzyLink catches bare domains (hel.fi, www.hel.fi/palaute) that feedback writers use all the time.
const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: true, fuzzyIP: true });

export const linkRecognizer: Recognizer = {
  kind: ['email', 'url'],
  find(text) {
    const out: Finding[] = [];
    for (const m of linkify.match(text) ?? []) {
      if (m.schema === 'mailto:') {
        out.push({ kind: 'email', start: m.index, end: m.lastIndex, score: 1, explanation: `email address ${m.text}` });
      } else {
        // A bare "word.fi" is a link only if linkify accepted the TLD; prefixed ones are certain.
        const bare = m.schema === '';
        // "suojaan.Se on" is a missing space after a full stop, not the Swedish TLD.
        if (bare && !/^www\./i.test(m.text) && /\.\p{Lu}\p{Ll}*(?:$|\/)/u.test(m.text.replace(/\/.*$/, ''))) continue;
        out.push({ kind: 'url', start: m.index, end: m.lastIndex, score: bare ? 0.85 : 1, explanation: bare ? `bare domain ${m.text}` : `link ${m.url}` });
      }
    }
    return out;
  },
};
