/**
 * What the administrators' screen is in the middle of, kept while the person visits the inbox
 * and comes back (session only, in memory): the section, the list's filters and the form with
 * its unsaved text.
 */
import { create } from 'zustand';
import type { Language } from '../../../shared/domain/enums.js';
import { newDraft, type DepartmentFilter, type TemplateDraft } from './template-form-model.js';

export type AdminSection = 'templates' | 'departments';

interface AdminState {
  /** Whose work this is: another person signing in at this desk starts afresh. */
  owner: string | null;
  section: AdminSection;
  department: DepartmentFilter;
  language: Language | 'all';
  /** The template as last loaded or saved; the form is dirty when `draft` differs from it. */
  baseline: TemplateDraft;
  draft: TemplateDraft;
  /** Saving was tried: missing fields are shown as errors from now on. */
  attempted: boolean;
  /** Start afresh unless the state already belongs to `owner`. */
  claim(owner: string): void;
  setSection(section: AdminSection): void;
  setFilter(filter: { department?: DepartmentFilter; language?: Language | 'all' }): void;
  /** Load a template (or a new draft) into the form. */
  load(draft: TemplateDraft): void;
  setDraft(update: TemplateDraft | ((current: TemplateDraft) => TemplateDraft)): void;
  setBaseline(draft: TemplateDraft): void;
  setAttempted(attempted: boolean): void;
}

const initial = () => ({
  section: 'templates' as AdminSection,
  department: { kind: 'all' } as DepartmentFilter,
  language: 'all' as Language | 'all',
  baseline: newDraft(),
  draft: newDraft(),
  attempted: false,
});

export const useAdminStore = create<AdminState>((set, get) => ({
  owner: null,
  ...initial(),
  claim: (owner) => {
    if (get().owner !== owner) set({ owner, ...initial() });
  },
  setSection: (section) => set({ section }),
  setFilter: (filter) => set(filter),
  load: (draft) => set({ baseline: draft, draft, attempted: false }),
  setDraft: (update) => set((s) => ({ draft: typeof update === 'function' ? update(s.draft) : update })),
  setBaseline: (baseline) => set({ baseline }),
  setAttempted: (attempted) => set({ attempted }),
}));
