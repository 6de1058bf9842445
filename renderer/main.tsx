import { QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DeskError } from '../shared/api/desk-api.js';
import { App } from './app/App.js';
import { initI18n } from './app/i18n.js';
import { createDeskClient } from './desk-client/index.js';
import { useUiStore } from './state/ui-store.js';

/** Errors that a retry cannot fix; everything else (a busy core, a restart) is retried twice. */
const FINAL = new Set(['not_signed_in', 'bad_credentials', 'too_many_attempts', 'other_users_changes', 'forbidden', 'not_found', 'invalid_args', 'invalid_response', 'unknown_method']);

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (failures, err) => failures < 2 && !(err instanceof DeskError && FINAL.has(err.code)),
      // The desk core pushes change events; refetching on focus would only add load.
      refetchOnWindowFocus: false,
    },
  },
});

initI18n(useUiStore.getState().language);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App desk={createDeskClient()} queryClient={queryClient} />
  </StrictMode>,
);
