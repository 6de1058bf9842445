import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import ListSubheader from '@mui/material/ListSubheader';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { alpha, useTheme, type Theme } from '@mui/material/styles';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModerationFinding } from '../../../shared/api/desk-api.js';

export interface SpellMark {
  start: number;
  end: number;
  word: string;
  suggestions: string[];
}

type Mark = { id: string; start: number; end: number } & ({ type: 'finding'; finding: ModerationFinding } | { type: 'spell'; spell: SpellMark });

/** Highlight colour per finding: what the guard refuses in error red, personal data in alert yellow, the rest in info blue. */
export function findingTone(theme: Theme, f: Pick<ModerationFinding, 'kind' | 'guarded'>): string {
  if (f.guarded) return theme.palette.error.main;
  if (['person', 'address', 'plate', 'health', 'hetu', 'phone', 'email', 'iban'].includes(f.kind)) return theme.palette.warning.main;
  return theme.palette.info.main;
}

const boxModel = {
  boxSizing: 'border-box',
  m: 0,
  px: 1.25,
  py: 1,
  fontFamily: 'inherit',
  fontSize: '0.95rem',
  lineHeight: 1.6,
  letterSpacing: 'normal',
  whiteSpace: 'pre-wrap',
  overflowWrap: 'break-word',
  wordBreak: 'normal',
  border: '1px solid',
} as const;

/**
 * An editable text with its findings highlighted and spelling mistakes underlined. The marks are drawn
 * on a mirror behind a transparent textarea with the same box model, so the text stays a real textarea
 * (native editing, undo, screen readers) and the marks still sit under the right characters. Clicking
 * a marked word opens its actions (redact, dismiss, suggestions).
 */
export function MarkedTextArea(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  findings: readonly ModerationFinding[];
  spelling: readonly SpellMark[];
  placeholderFor: (f: ModerationFinding) => string;
  onRedact: (f: ModerationFinding) => void;
  onDismiss: (f: ModerationFinding) => void;
  onReplaceWord: (s: SpellMark, replacement: string) => void;
  onIgnoreWord: (s: SpellMark) => void;
  singleLine?: boolean;
  readOnly?: boolean;
  minRows?: number;
  kindLabel: (f: ModerationFinding) => string;
}) {
  const { t } = useTranslation();
  const theme = useTheme();
  const mirror = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState<{ mark: Mark; anchor: Element } | null>(null);
  const { value } = props;

  // Findings win where a misspelled word is also a finding (a name is not a typo).
  const marks: Mark[] = [
    ...props.findings.map((f, i) => ({ id: `f${i}`, start: f.start, end: f.end, type: 'finding' as const, finding: f })),
    ...props.spelling
      .filter((s) => !props.findings.some((f) => f.start < s.end && s.start < f.end))
      .map((s, i) => ({ id: `s${i}`, start: s.start, end: s.end, type: 'spell' as const, spell: s })),
  ]
    .filter((m) => m.end <= value.length && m.start < m.end)
    .sort((a, b) => a.start - b.start);

  const segments: ReactNode[] = [];
  let pos = 0;
  for (const m of marks) {
    if (m.start < pos) continue; // overlapping marks: the earlier one is drawn
    segments.push(value.slice(pos, m.start));
    const tone = m.type === 'finding' ? findingTone(theme, m.finding) : theme.palette.error.main;
    segments.push(
      <Box
        component="mark"
        key={m.id}
        data-mark={m.id}
        sx={
          m.type === 'finding'
            ? { color: 'transparent', bgcolor: alpha(tone, 0.22), borderBottom: `2px solid ${tone}`, borderRadius: '2px' }
            : { color: 'transparent', bgcolor: 'transparent', textDecoration: 'underline wavy', textDecorationColor: tone, textUnderlineOffset: '3px' }
        }
      >
        {value.slice(m.start, m.end)}
      </Box>,
    );
    pos = m.end;
  }
  segments.push(value.slice(pos));

  const openAt = (caret: number) => {
    const mark = marks.find((m) => m.start <= caret && caret <= m.end && !(caret === m.end && marks.some((o) => o.start === caret)));
    const anchor = mark ? mirror.current?.querySelector(`[data-mark="${mark.id}"]`) : null;
    if (mark && anchor) setOpen({ mark, anchor });
  };

  const close = () => setOpen(null);
  const minHeight = `calc(${(props.minRows ?? (props.singleLine ? 1 : 4)) * 1.6}em + 18px)`;

  return (
    <Box sx={{ position: 'relative', bgcolor: 'background.paper' }}>
      <Box
        ref={mirror}
        aria-hidden
        sx={{ ...boxModel, borderColor: 'transparent', color: 'transparent', minHeight, userSelect: 'none' }}
        data-testid={`${props.id}-mirror`}
      >
        {segments}
        {/* keeps a final empty line as tall as the textarea's */}{' '}
      </Box>
      <Box
        component="textarea"
        id={props.id}
        aria-label={props.label}
        data-testid={props.id}
        value={value}
        readOnly={props.readOnly}
        spellCheck={false}
        rows={1}
        onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => props.onChange(props.singleLine ? e.target.value.replace(/[\r\n]+/g, ' ') : e.target.value)}
        onKeyDown={(e: React.KeyboardEvent<HTMLTextAreaElement>) => {
          if (props.singleLine && e.key === 'Enter') e.preventDefault();
          // the context-menu key (or Shift+F10) opens the actions of the word at the caret, without a mouse
          if (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10')) {
            e.preventDefault();
            openAt(e.currentTarget.selectionStart);
          }
        }}
        onClick={(e: React.MouseEvent<HTMLTextAreaElement>) => {
          if (e.currentTarget.selectionStart === e.currentTarget.selectionEnd) openAt(e.currentTarget.selectionStart);
        }}
        sx={{
          ...boxModel,
          position: 'absolute',
          inset: 0,
          width: '100%',
          height: '100%',
          resize: 'none',
          overflow: 'hidden',
          bgcolor: 'transparent',
          color: 'text.primary',
          borderColor: 'divider',
          borderRadius: 1,
          '&:focus-visible': { outline: `3px solid ${theme.palette.primary.main}`, outlineOffset: '1px' },
          '&[readonly]': { color: 'text.secondary' },
        }}
      />
      <Menu anchorEl={open?.anchor ?? null} open={open !== null && !props.readOnly} onClose={close} slotProps={{ list: { dense: true } }}>
        {open?.mark.type === 'finding'
          ? [
              <ListSubheader key="h" sx={{ lineHeight: 1.4, py: 1, maxWidth: 360, whiteSpace: 'normal' }}>
                {props.kindLabel(open.mark.finding)}
                {open.mark.finding.guarded ? ` · ${t('moderation.findings.guarded')}` : ''}
              </ListSubheader>,
              <MenuItem
                key="redact"
                data-testid="mark-redact"
                onClick={() => {
                  if (open.mark.type === 'finding') props.onRedact(open.mark.finding);
                  close();
                }}
              >
                {t('moderation.findings.replaceWith', { placeholder: props.placeholderFor(open.mark.finding) })}
              </MenuItem>,
              <MenuItem
                key="dismiss"
                onClick={() => {
                  if (open.mark.type === 'finding') props.onDismiss(open.mark.finding);
                  close();
                }}
              >
                {t('moderation.findings.dismiss')}
              </MenuItem>,
            ]
          : open?.mark.type === 'spell'
            ? [
                <ListSubheader key="h" sx={{ lineHeight: 1.4, py: 1 }}>
                  {t('moderation.spelling.menuTitle', { word: open.mark.spell.word })}
                </ListSubheader>,
                ...(open.mark.spell.suggestions.length === 0
                  ? [
                      <MenuItem key="none" disabled>
                        {t('moderation.spelling.noSuggestions')}
                      </MenuItem>,
                    ]
                  : open.mark.spell.suggestions.map((s) => (
                      <MenuItem
                        key={`s-${s}`}
                        data-testid="spell-suggestion"
                        onClick={() => {
                          if (open.mark.type === 'spell') props.onReplaceWord(open.mark.spell, s);
                          close();
                        }}
                        sx={{ fontWeight: 600 }}
                      >
                        {s}
                      </MenuItem>
                    ))),
                <Divider key="d" />,
                <MenuItem
                  key="ignore"
                  onClick={() => {
                    if (open.mark.type === 'spell') props.onIgnoreWord(open.mark.spell);
                    close();
                  }}
                >
                  {t('moderation.spelling.ignore')}
                </MenuItem>,
              ]
            : null}
      </Menu>
    </Box>
  );
}

