import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { InboxSort, InboxView } from '../../shared/api/desk-api.js';
import { DEFAULT_UI_LANGUAGE, isUiLanguage, type UiLanguage } from '../../shared/i18n/index.js';
import type { Contrast } from '../app/theme.js';

export type SortKey = 'receivedAt_desc' | 'receivedAt_asc' | 'dueAt_asc';
export const SORTS: Record<SortKey, InboxSort> = {
  receivedAt_desc: { by: 'receivedAt', dir: 'desc' },
  receivedAt_asc: { by: 'receivedAt', dir: 'asc' },
  dueAt_asc: { by: 'dueAt', dir: 'asc' },
};

interface UiState {
  /** Remembered across restarts. */
  language: UiLanguage;
  contrast: Contrast;
  view: InboxView;
  sort: SortKey;
  /** Session-only. */
  cursor: number;
  openItemId: string | null;
  keyMapOpen: boolean;
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
      view: 'all',
      sort: 'receivedAt_desc',
      cursor: 0,
      openItemId: null,
      keyMapOpen: false,
      setLanguage: (language) => set({ language }),
      setContrast: (contrast) => set({ contrast }),
      setView: (view) => set({ view, cursor: 0 }),
      setSort: (sort) => set({ sort, cursor: 0 }),
      setCursor: (cursor) => set({ cursor }),
      openItem: (openItemId) => set({ openItemId }),
      setKeyMapOpen: (keyMapOpen) => set({ keyMapOpen }),
    }),
    {
      name: 'feedback-desk.ui',
      version: 1,
      partialize: ({ language, contrast, view, sort }) => ({ language, contrast, view, sort }),
      // A stored value from an older build (or edited by hand) must not break start-up.
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<UiState>;
        return {
          ...current,
          language: isUiLanguage(p.language) ? p.language : current.language,
          contrast: p.contrast === 'high' ? 'high' : 'normal',
          view: typeof p.view === 'string' ? (p.view as InboxView) : current.view,
          sort: p.sort && p.sort in SORTS ? p.sort : current.sort,
        };
      },
    },
  ),
);
