import { useCallback, useEffect, useRef, useState } from 'react';
import type { FeedbackItem } from '../../../shared/domain/feedback-item.js';
import { draftRevision } from '../../../shared/workflow/answering.js';
import { useErrorText } from '../../components/ErrorText.js';
import { useMutateOne } from '../../state/queries.js';

/** Pause in typing after which the draft is saved (locally at once, to the central when online). */
export const AUTOSAVE_MS = 1000;

/** A revision id for one save: unique across desks, so two offline saves never pass for each other. */
export function newRevision(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return `r${Date.now().toString(36)}${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export interface Crossed {
  theirs: string;
  by: string | null;
  at: string | null;
}

/**
 * The shared answer draft as one person edits it: their text, the revision it builds on, saving
 * after each pause (and when the field loses focus or the item closes), and noticing when someone
 * else's save crossed their unsaved text (`crossed`), which is then merged, never overwritten.
 */
export function useDraftEditor(item: FeedbackItem) {
  const draft = item.answer.draft;
  const serverRevision = draftRevision(draft);
  const mutateOne = useMutateOne();
  const errorText = useErrorText();
  const [text, setTextState] = useState(draft?.text ?? '');
  const [base, setBase] = useState<string | null>(serverRevision);
  const [saved, setSaved] = useState(draft?.text ?? '');
  const [crossed, setCrossed] = useState<Crossed | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** The text a save was refused for: not retried by itself until it changes. */
  const [failed, setFailed] = useState<string | null>(null);
  const mine = useRef(new Set<string>());
  /** The revision the next save builds on: the last one saved here or heard of. */
  const lastBase = useRef<string | null>(base);
  const dirty = text !== saved;

  // Someone's save arrived (a pull, or our own save coming back).
  useEffect(() => {
    if (serverRevision === base) return;
    lastBase.current = serverRevision;
    if (serverRevision !== null && mine.current.has(serverRevision)) {
      setBase(serverRevision);
      return;
    }
    if (!dirty) {
      setTextState(draft?.text ?? '');
      setSaved(draft?.text ?? '');
      setBase(serverRevision);
      return;
    }
    setCrossed({ theirs: draft?.text ?? '', by: draft?.updatedBy ?? null, at: draft?.updatedAt ?? null });
    // Deliberately only on a new revision: the text typed meanwhile must not re-trigger this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [serverRevision]);

  const state = useRef({ text, dirty, crossed, itemId: item.id });
  state.current = { text, dirty, crossed, itemId: item.id };
  // Saves run one after another, each on the revision the previous one made: a save started while
  // another is on its way (leaving the field mid-save) must not name a base that is already gone.
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  // Kept in refs so that `save` is one function for the editor's lifetime: a new one on every
  // render would restart the pause timer at each keystroke's re-render and save at every render.
  const tools = useRef({ mutateOne, errorText });
  tools.current = { mutateOne, errorText };

  const save = useCallback(
    /** `onBase` undefined: on top of the last revision saved or heard of. */
    (value: string, onBase?: string | null, after?: () => void) => {
      const revision = newRevision();
      mine.current.add(revision);
      setSaving(true);
      chain.current = chain.current.then(async () => {
        try {
          await tools.current.mutateOne('saveAnswerDraft', { itemId: state.current.itemId, text: value, baseRevision: onBase === undefined ? lastBase.current : onBase, revision });
          lastBase.current = revision;
          setError(null);
          setSaved(value);
          setBase(revision);
          after?.();
        } catch (err) {
          setError(tools.current.errorText(err));
          setFailed(value);
        } finally {
          setSaving(false);
        }
      });
    },
    [],
  );

  // Save after a pause in typing; never while a crossed edit waits to be merged.
  useEffect(() => {
    if (!dirty || crossed || saving || text === failed) return;
    const timer = setTimeout(() => save(text), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [text, dirty, crossed, saving, failed, save]);

  /** Save now what is typed (leaving the field, closing the item). */
  const flush = useCallback(() => {
    const s = state.current;
    if (s.dirty && !s.crossed) save(s.text);
  }, [save]);

  // Closing the item (or switching to another) saves what was typed.
  useEffect(() => () => flush(), [flush]);

  /** Store the merged text on top of the other's save: nothing of either is lost. */
  const saveMerged = (merged: string, after?: () => void) => {
    setTextState(merged);
    setCrossed(null);
    save(merged, serverRevision, after);
  };

  return {
    text,
    setText: (value: string) => setTextState(value),
    dirty,
    saving,
    error,
    crossed,
    flush,
    saveMerged,
    dismissCrossed: () => setCrossed(null),
  };
}
