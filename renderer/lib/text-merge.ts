import { wordDiff, type DiffPart } from './word-diff.js';

/**
 * Two versions of one text that crossed (two people saved the shared answer draft, one of them
 * offline), merged so that nothing either wrote is lost: the words both share once, and where they
 * differ, their words and then mine. Without the text both started from, a word only one side has
 * may be one they added or one the other deleted, so both are kept and the writer decides.
 */
export function mergeKeepingBoth(theirs: string, mine: string): string {
  let out = '';
  let previous: DiffPart | null = null;
  for (const part of wordDiff(theirs, mine)) {
    // Their words and mine at the same place must stay apart ("viikolla" + "Olemme", not
    // "viikollaOlemme"), on a line of their own when either runs over several words.
    if (previous?.op === 'delete' && part.op === 'insert' && !/\s$/.test(previous.text) && !/^\s/.test(part.text)) {
      out += /\s/.test(previous.text) || /\s/.test(part.text) ? '\n' : ' ';
    }
    out += part.text;
    previous = part;
  }
  return out;
}

/** The diff behind mergeKeepingBoth, for showing each side's own words. */
export function crossedEdits(theirs: string, mine: string): DiffPart[] {
  return wordDiff(theirs, mine);
}
