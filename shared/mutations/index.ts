import type { MutationDef } from './define.js';
import { addComment } from './add-comment.js';
import { assign } from './assign.js';
import { setKind, setService } from './classify.js';
import { forwardToDepartment } from './forward-to-department.js';
import { saveAnswerDraft } from './save-answer-draft.js';

export * from './define.js';
export { addComment, assign, setKind, setService, forwardToDepartment, saveAnswerDraft };

/** Every staff action by name. Adding a mutation = one file + one line here. */
export const mutations = {
  setKind,
  setService,
  forwardToDepartment,
  assign,
  addComment,
  saveAnswerDraft,
} as const;

export type MutationName = keyof typeof mutations;

export function findMutation(name: string): MutationDef<string, { itemId: string }> | undefined {
  return Object.hasOwn(mutations, name) ? (mutations[name as MutationName] as unknown as MutationDef<string, { itemId: string }>) : undefined;
}
