import Box from '@mui/material/Box';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import MenuList from '@mui/material/MenuList';
import Paper from '@mui/material/Paper';
import Popper from '@mui/material/Popper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { replaceTrigger, type CaretTrigger } from '../../lib/caret-trigger.js';

export interface PickerOption {
  key: string;
  label: string;
  secondary?: string;
  /** What replaces the trigger text when chosen. */
  insert: string;
  /** Where in `insert` the caret goes (default: after it). */
  caretAt?: number;
}

/**
 * A text area that opens a picker when what is typed at the caret is a trigger (`::` for text
 * modules, `@` for colleagues): arrows choose, Enter or Tab inserts, Esc closes, Ctrl+Enter submits.
 * The picker lists what `options` gives for the text typed after the trigger.
 */
export function PickerTextArea(props: {
  id: string;
  label: string;
  placeholder?: string;
  value: string;
  onChange: (value: string) => void;
  onSubmit?: () => void;
  onFocus?: () => void;
  onBlur?: () => void;
  minRows?: number;
  maxLength?: number;
  lang?: string;
  trigger: (text: string, caret: number) => CaretTrigger | null;
  options: (query: string) => PickerOption[];
  pickerTitle: string;
  /** Shown when nothing matches; null hides the picker instead. */
  emptyText: string | null;
  hint: string;
  helperText?: string;
  testId?: string;
}) {
  const { value, onChange, trigger, options } = props;
  const input = useRef<HTMLTextAreaElement | null>(null);
  const anchor = useRef<HTMLDivElement | null>(null);
  const [caret, setCaret] = useState(0);
  const [highlight, setHighlight] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const listId = useId();
  const found = useMemo(() => trigger(value, caret), [trigger, value, caret]);
  const active = found && found.start !== dismissedAt ? found : null;
  const list = useMemo(() => (active ? options(active.query) : []), [active, options]);
  const open = active !== null && (list.length > 0 || props.emptyText !== null);
  const index = Math.min(highlight, Math.max(0, list.length - 1));

  const readCaret = () => setCaret(input.current?.selectionStart ?? value.length);
  const choose = (option: PickerOption) => {
    if (!active) return;
    const replaced = replaceTrigger(value, caret, active, option.insert);
    const next = { text: replaced.text, caret: option.caretAt === undefined ? replaced.caret : active.start + option.caretAt };
    onChange(next.text);
    setCaret(next.caret);
    setHighlight(0);
    requestAnimationFrame(() => {
      input.current?.focus();
      input.current?.setSelectionRange(next.caret, next.caret);
    });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      props.onSubmit?.();
      return;
    }
    if (!open) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const n = list.length;
      if (n > 0) setHighlight((index + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    } else if ((e.key === 'Enter' || e.key === 'Tab') && list.length > 0) {
      e.preventDefault();
      choose(list[index]);
    } else if (e.key === 'Escape') {
      // Closes the picker only; the text stays and Esc does not leave the item.
      e.preventDefault();
      e.stopPropagation();
      setDismissedAt(active!.start);
    }
  };

  return (
    <Box ref={anchor}>
      <TextField
        id={props.id}
        label={props.label}
        placeholder={props.placeholder}
        value={value}
        multiline
        fullWidth
        minRows={props.minRows ?? 3}
        inputRef={input}
        onChange={(e) => {
          onChange(e.target.value);
          setCaret(e.target.selectionStart ?? e.target.value.length);
          setHighlight(0);
        }}
        onSelect={readCaret}
        onKeyDown={onKeyDown}
        onFocus={props.onFocus}
        onBlur={props.onBlur}
        helperText={props.helperText}
        slotProps={{
          htmlInput: {
            maxLength: props.maxLength,
            lang: props.lang,
            'data-testid': props.testId,
            'aria-autocomplete': 'list',
            'aria-controls': open ? listId : undefined,
            'aria-expanded': open,
          },
        }}
      />
      <Popper open={open} anchorEl={anchor.current} placement="bottom-start" sx={{ zIndex: 1400, width: anchor.current?.clientWidth ?? 360, maxWidth: 560 }}>
        <Paper elevation={6} sx={{ mt: 0.5, maxHeight: 320, overflow: 'auto' }} data-testid="picker">
          <Typography variant="caption" color="text.secondary" component="p" sx={{ px: 1.5, pt: 1 }}>
            {props.pickerTitle} · {props.hint}
          </Typography>
          {list.length === 0 ? (
            <Typography variant="body2" sx={{ px: 1.5, py: 1 }}>
              {props.emptyText}
            </Typography>
          ) : (
            <MenuList id={listId} dense role="listbox" aria-label={props.pickerTitle}>
              {list.map((o, i) => (
                <MenuItem
                  key={o.key}
                  selected={i === index}
                  role="option"
                  aria-selected={i === index}
                  // Keep the focus (and the caret) in the text area.
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => choose(o)}
                >
                  <ListItemText primary={o.label} secondary={o.secondary} slotProps={{ secondary: { noWrap: true } }} />
                </MenuItem>
              ))}
            </MenuList>
          )}
        </Paper>
      </Popper>
    </Box>
  );
}
