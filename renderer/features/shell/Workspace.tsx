import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Snackbar from '@mui/material/Snackbar';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { FeedbackItem } from '../../../shared/domain/feedback-item.js';
import { describeTarget, keyAction } from '../../lib/keyboard.js';
import { keys } from '../../state/queries.js';
import { useUiStore } from '../../state/ui-store.js';
import { useActor } from '../../state/use-actor.js';
import { may, type Actor } from '../../../shared/workflow/permissions.js';
import { Dashboard } from '../dashboard/Dashboard.js';
import { AdminPanel } from '../admin/AdminPanel.js';
import { InboxList, type InboxListHandle } from '../inbox/InboxList.js';
import { ViewsPane } from '../inbox/ViewsPane.js';
import { ItemView } from '../item/ItemView.js';
import { SEARCH_FIELD_ID } from '../search/SearchField.js';
import { SearchResults } from '../search/SearchResults.js';
import { suggestionKeys, triageDialogFor } from '../triage/TriagePanel.js';
import { TriageDialogs } from '../triage/TriageDialogs.js';
import { WalkInForm } from '../walk-in/WalkInForm.js';
import { CollabDialogs } from '../collab/CollabDialogs.js';
import { KeyMapDialog } from './KeyMapDialog.js';

function Notices() {
  const notice = useUiStore((s) => s.notice);
  const notify = useUiStore((s) => s.notify);
  return (
    <Snackbar open={notice !== null} autoHideDuration={5000} onClose={() => notify(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}>
      {notice ? (
        <Alert severity={notice.severity} variant="filled" onClose={() => notify(null)} data-testid="notice">
          {notice.text}
        </Alert>
      ) : undefined}
    </Snackbar>
  );
}

/** The signed-in desk: views | inbox or search results | open item (or the dashboard), keyboard first. */
export function Workspace() {
  const list = useRef<InboxListHandle>(null);
  const itemPane = useRef<HTMLDivElement>(null);
  const mode = useUiStore((s) => s.mode);
  const client = useQueryClient();
  // Read by the key handler, which is registered once.
  const actor = useRef<Actor | null>(null);
  actor.current = useActor();

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = keyAction(event, describeTarget(event.target));
      if (!action) return;
      const ui = useUiStore.getState();
      const total = list.current?.total() ?? 0;
      // Triage keys act on the selection when there is one, else on the open item, else on the row under the cursor.
      const targetId = ui.openItemId ?? list.current?.idAt(ui.cursor) ?? null;
      const cached = (id: string | null) => (id ? (client.getQueryData<FeedbackItem | null>(keys.item(id)) ?? null) : null);
      switch (action) {
        case 'next':
          if (total) ui.setCursor(Math.min(ui.cursor + 1, total - 1));
          list.current?.focus();
          break;
        case 'previous':
          ui.setCursor(Math.max(ui.cursor - 1, 0));
          list.current?.focus();
          break;
        case 'open': {
          const id = list.current?.idAt(ui.cursor);
          if (!id) return;
          ui.openItem(id);
          // Reading starts in the item pane; Esc brings the focus back to the list.
          requestAnimationFrame(() => itemPane.current?.focus());
          break;
        }
        case 'back':
          if (ui.mode === 'dashboard' || ui.mode === 'admin' || (ui.mode === 'search' && document.activeElement?.id === 'inbox-list')) {
            ui.setMode('inbox');
            // The list pane is rendered anew for the inbox.
            requestAnimationFrame(() => list.current?.focus());
          } else {
            list.current?.focus();
          }
          break;
        case 'help':
          ui.setKeyMapOpen(true);
          break;
        case 'search':
          (document.getElementById(SEARCH_FIELD_ID) as HTMLInputElement | null)?.select();
          document.getElementById(SEARCH_FIELD_ID)?.focus();
          break;
        case 'walkIn':
          if (actor.current && may(actor.current, 'record_walk_in', null)) ui.setWalkInOpen(true);
          break;
        case 'select': {
          const id = list.current?.idAt(ui.cursor);
          if (!id) return;
          ui.toggleSelected(id);
          break;
        }
        case 'suggestion':
          if (!suggestionKeys.accept) return;
          suggestionKeys.accept(Number(event.key));
          break;
        case 'comment':
        case 'reply':
          // On the open item, or the row under the cursor (opened first); the field takes the
          // focus as soon as it is on screen (useFocusRequest).
          if (ui.mode === 'dashboard' || ui.mode === 'admin' || !targetId) return;
          if (ui.openItemId !== targetId) ui.openItem(targetId);
          ui.requestFocus(action);
          break;
        case 'kind':
        case 'service':
        case 'forward':
        case 'assign':
        case 'restrict': {
          if (ui.mode === 'dashboard' || ui.mode === 'admin') return;
          const bulk = ui.selection.length > 0 && action !== 'restrict';
          const ids = bulk ? ui.selection : targetId ? [targetId] : [];
          if (ids.length === 0) return;
          ui.openDialog(bulk ? action : triageDialogFor(action, cached(ids[0])), ids);
          break;
        }
      }
      event.preventDefault();
    };
    // Signed in: the keys work at once, starting in the list.
    list.current?.focus();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [client]);

  return (
    <Box
      sx={{
        flex: 1,
        minHeight: 0,
        display: 'grid',
        gridTemplateColumns: 'minmax(200px, 240px) minmax(380px, 520px) minmax(420px, 1fr)',
      }}
    >
      <ViewsPane />
      {mode === 'dashboard' ? (
        <Dashboard />
      ) : mode === 'admin' ? (
        <AdminPanel />
      ) : (
        <>
          {mode === 'search' ? <SearchResults ref={list} /> : <InboxList ref={list} />}
          <ItemView ref={itemPane} onBack={() => list.current?.focus()} />
        </>
      )}
      <KeyMapDialog />
      <TriageDialogs />
      <CollabDialogs />
      <WalkInForm />
      <Notices />
    </Box>
  );
}
