import Box from '@mui/material/Box';
import { useEffect, useRef } from 'react';
import { describeTarget, keyAction } from '../../lib/keyboard.js';
import { useUiStore } from '../../state/ui-store.js';
import { InboxList, type InboxListHandle } from '../inbox/InboxList.js';
import { ViewsPane } from '../inbox/ViewsPane.js';
import { ItemView } from '../item/ItemView.js';
import { KeyMapDialog } from './KeyMapDialog.js';

/** The signed-in desk: views | inbox | open item, driven by the keyboard as much as the mouse. */
export function Workspace() {
  const list = useRef<InboxListHandle>(null);
  const itemPane = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = keyAction(event, describeTarget(event.target));
      if (!action) return;
      const ui = useUiStore.getState();
      const total = list.current?.total() ?? 0;
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
          list.current?.focus();
          break;
        case 'help':
          ui.setKeyMapOpen(true);
          break;
      }
      event.preventDefault();
    };
    // Signed in: the keys work at once, starting in the list.
    list.current?.focus();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

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
      <InboxList ref={list} />
      <ItemView ref={itemPane} onBack={() => list.current?.focus()} />
      <KeyMapDialog />
    </Box>
  );
}
