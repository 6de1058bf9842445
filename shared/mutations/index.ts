import type { AnyMutationDef } from './define.js';
import { addComment } from './add-comment.js';
import { assign } from './assign.js';
import { setKind, setService } from './classify.js';
import { createWalkIn } from './create-walk-in.js';
import { forwardToDepartment } from './forward-to-department.js';
import { markInappropriate } from './mark-inappropriate.js';
import { publish } from './publish.js';
import { editPublication } from './edit-publication.js';
import { decidePublication } from './decide-publication.js';
import { redirectToRegistry } from './redirect-to-registry.js';
import { liftRestriction, restrictVisibility } from './restrict.js';
import { saveAnswerDraft } from './save-answer-draft.js';
import { linkDuplicate, markContinuesOutside, setLanguage, startTriage } from './triage.js';
import { cancelCommentRequest, requestComment } from './request-comment.js';
import { endShare, shareForInformation } from './share.js';
import { transfer } from './transfer.js';
import { approveAnswer, returnAnswer, submitAnswerForApproval } from './approval.js';
import { sendAnswer, sendInterimAnswer } from './send-answer.js';

export * from './define.js';
export {
  addComment,
  assign,
  createWalkIn,
  forwardToDepartment,
  liftRestriction,
  linkDuplicate,
  markContinuesOutside,
  markInappropriate,
  publish,
  editPublication,
  decidePublication,
  redirectToRegistry,
  restrictVisibility,
  saveAnswerDraft,
  setKind,
  setLanguage,
  setService,
  startTriage,
  requestComment,
  cancelCommentRequest,
  shareForInformation,
  endShare,
  transfer,
  submitAnswerForApproval,
  approveAnswer,
  returnAnswer,
  sendAnswer,
  sendInterimAnswer,
};

/** Every staff action by name. Adding a mutation = one file + one line here. */
export const mutations = {
  setKind,
  setService,
  setLanguage,
  startTriage,
  forwardToDepartment,
  assign,
  addComment,
  saveAnswerDraft,
  restrictVisibility,
  liftRestriction,
  markInappropriate,
  redirectToRegistry,
  linkDuplicate,
  markContinuesOutside,
  createWalkIn,
  publish,
  editPublication,
  decidePublication,
  requestComment,
  cancelCommentRequest,
  shareForInformation,
  endShare,
  transfer,
  submitAnswerForApproval,
  approveAnswer,
  returnAnswer,
  sendAnswer,
  sendInterimAnswer,
} as const;

export type MutationName = keyof typeof mutations;

export function findMutation(name: string): AnyMutationDef | undefined {
  return Object.hasOwn(mutations, name) ? (mutations[name as MutationName] as unknown as AnyMutationDef) : undefined;
}
