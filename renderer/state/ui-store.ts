import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { InboxFilter, InboxSort, InboxView } from '../../shared/api/desk-api.js';
import { DEFAULT_UI_LANGUAGE, isUiLanguage, type UiLanguage } from '../../shared/i18n/index.js';
import type { Contrast } from '../app/theme.js';

export type SortKey = 'receivedAt_desc' | 'receivedAt_asc' | 'dueAt_asc';
export const SORTS: Record<SortKey, InboxSort> = {
  receivedAt_desc: { by: 'receivedAt', dir: 'desc' },
  receivedAt_asc: { by: 'receivedAt', dir: 'asc' },
  dueAt_asc: { by: 'dueAt', dir: 'asc' },
};

/** The middle and right panes show the inbox (with the open item), search results, the dashboard, or (administrators) the administration screen. */
export type Mode = 'inbox' | 'search' | 'dashboard' | 'admin';
/** Inbox filters besides the view (kind, channel, ...); session-only. */
export type ListFilter = Omit<InboxFilter, 'view'>;
const TRIAGE_DIALOGS = ['kind', 'service', 'language', 'forward', 'assign', 'restrict', 'lift', 'spam', 'redirect', 'duplicate', 'outside'] as const;
export type TriageDialogKind = (typeof TRIAGE_DIALOGS)[number];
/** Dialogs of working with colleagues and answering (renderer/features/collab). */
const COLLAB_DIALOGS = ['ask', 'share', 'transfer', 'approval', 'return', 'send', 'interim'] as const;
export type CollabDialogKind = (typeof COLLAB_DIALOGS)[number];
export type DialogKind = TriageDialogKind | CollabDialogKind;

export function isCollabDialog(kind: DialogKind): kind is CollabDialogKind {
  return (COLLAB_DIALOGS as readonly string[]).includes(kind);
}

export function isTriageDialog(kind: DialogKind): kind is TriageDialogKind {
  return (TRIAGE_DIALOGS as readonly string[]).includes(kind);
}
export interface Notice {
  text: string;
  severity: 'success' | 'error' | 'info';
}

interface UiState {
  /** Remembered across restarts. */
  language: UiLanguage;
  contrast: Contrast;
  /** Show new notifications as desktop (OS) notifications too. */
  desktopNotifications: boolean;
  setDesktopNotifications(on: boolean): void;
  view: InboxView;
  sort: SortKey;
  /** Session-only. */
  cursor: number;
  openItemId: string | null;
  keyMapOpen: boolean;
  mode: Mode;
  searchQuery: string;
  filter: ListFilter;
  /** Multi-selection for bulk actions (item ids). */
  selection: string[];
  /** The open triage dialog and the items it acts on (one, or the selection). */
  dialog: { kind: DialogKind; itemIds: string[]; preset?: Record<string, unknown> } | null;
  walkInOpen: boolean;
  notice: Notice | null;
  /** The item whose answer draft has the focus (announced as "editing" presence). */
  editingAnswerOf: string | null;
  setEditingAnswerOf(itemId: string | null): void;
  /** C or R pressed: the open item's comment field or answer editor takes the focus once it is there. */
  focusRequest: 'comment' | 'reply' | null;
  requestFocus(field: 'comment' | 'reply' | null): void;
  setMode(mode: Mode): void;
  setSearchQuery(query: string): void;
  setFilter(filter: ListFilter): void;
  toggleSelected(id: string): void;
  clearSelection(): void;
  openDialog(kind: DialogKind, itemIds: string[], preset?: Record<string, unknown>): void;
  closeDialog(): void;
  setWalkInOpen(open: boolean): void;
  notify(notice: Notice | null): void;
  setLanguage(language: UiLanguage): void;
  setContrast(contrast: Contrast): void;
  setView(view: InboxView): void;
  setSort(sort: SortKey): void;
  setCursor(cursor: number): void;
  openItem(id: string | null): void;
  setKeyMapOpen(open: boolean): void;
}

export const useUiStore = create<UiState>()(
  persist(
    (set) => ({
      language: DEFAULT_UI_LANGUAGE,
      contrast: 'normal',
      desktopNotifications: false,
      setDesktopNotifications: (desktopNotifications) => set({ desktopNotifications }),
      view: 'all',
      sort: 'receivedAt_desc',
      cursor: 0,
      openItemId: null,
      keyMapOpen: false,
      mode: 'inbox',
      searchQuery: '',
      filter: {},
      selection: [],
      dialog: null,
      walkInOpen: false,
      notice: null,
      editingAnswerOf: null,
      setEditingAnswerOf: (editingAnswerOf) => set({ editingAnswerOf }),
      focusRequest: null,
      requestFocus: (focusRequest) => set({ focusRequest }),
      setMode: (mode) => set({ mode, cursor: 0 }),
      setSearchQuery: (searchQuery) => set({ searchQuery, mode: 'search', cursor: 0 }),
      setFilter: (filter) => set({ filter, cursor: 0 }),
      toggleSelected: (id) => set((s) => ({ selection: s.selection.includes(id) ? s.selection.filter((x) => x !== id) : [...s.selection, id] })),
      clearSelection: () => set({ selection: [] }),
      openDialog: (kind, itemIds, preset) => set({ dialog: { kind, itemIds, preset } }),
      closeDialog: () => set({ dialog: null }),
      setWalkInOpen: (walkInOpen) => set({ walkInOpen }),
      notify: (notice) => set({ notice }),
      setLanguage: (language) => set({ language }),
      setContrast: (contrast) => set({ contrast }),
      setView: (view) => set({ view, cursor: 0, mode: 'inbox', selection: [] }),
      setSort: (sort) => set({ sort, cursor: 0 }),
      setCursor: (cursor) => set({ cursor }),
      openItem: (openItemId) => set({ openItemId }),
      setKeyMapOpen: (keyMapOpen) => set({ keyMapOpen }),
    }),
    {
      name: 'feedback-desk.ui',
      version: 1,
      partialize: ({ language, contrast, view, sort, desktopNotifications }) => ({ language, contrast, view, sort, desktopNotifications }),
      // A stored value from an older build (or edited by hand) must not break start-up.
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<UiState>;
        return {
          ...current,
          language: isUiLanguage(p.language) ? p.language : current.language,
          contrast: p.contrast === 'high' ? 'high' : 'normal',
          view: typeof p.view === 'string' ? (p.view as InboxView) : current.view,
          sort: p.sort && p.sort in SORTS ? p.sort : current.sort,
          desktopNotifications: p.desktopNotifications === true,
        };
      },
    },
  ),
);
