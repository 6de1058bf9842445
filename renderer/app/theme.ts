import { createTheme, type Theme } from '@mui/material/styles';
import { hds } from './hds-tokens.js';

declare module '@mui/material/styles' {
  interface Palette {
    /** Anything that never reaches the citizen (comments, drafts): pale tint + "Internal" label. */
    internal: { background: string; border: string; text: string };
    /** Restricted items: a tinted band next to the lock icon. */
    restricted: { background: string; border: string; text: string };
    /** What the citizen will see (the answer, the publishable version). */
    public: { background: string; border: string };
    focusOutline: string;
  }
  interface PaletteOptions {
    internal?: Palette['internal'];
    restricted?: Palette['restricted'];
    public?: Palette['public'];
    focusOutline?: string;
  }
}

export type Contrast = 'normal' | 'high';

/** An HDS colour's shades as an MUI palette colour, white text on it; high contrast uses the dark shade. */
function hdsShades(colour: string, high: boolean) {
  return {
    main: high ? hds(`color-${colour}-dark`) : hds(`color-${colour}`),
    dark: hds(`color-${colour}-dark`),
    light: hds(`color-${colour}-light`),
    contrastText: hds('color-white'),
  };
}

/**
 * One MUI theme mapped from the Helsinki Design System tokens. `high` keeps the same meanings but
 * uses the darkest shades, black text and borders, and a thicker focus outline.
 */
export function createDeskTheme(contrast: Contrast = 'normal'): Theme {
  const high = contrast === 'high';
  const text = high ? hds('color-black') : hds('color-black-90');
  const focusOutline = high ? hds('color-black') : hds('color-focus-outline');
  const focusWidth = high ? 4 : 3;
  const divider = high ? hds('color-black-90') : hds('color-black-20');

  return createTheme({
    palette: {
      mode: 'light',
      primary: hdsShades('bus', high),
      secondary: hdsShades('coat-of-arms', high),
      error: hdsShades('error', high),
      success: hdsShades('success', high),
      // HDS alert yellow is a background colour: text on it is black, and as a text colour the
      // dark shade is used so it stays readable on white.
      warning: {
        main: hds('color-alert'),
        dark: hds('color-alert-dark'),
        light: hds('color-alert-light'),
        contrastText: hds('color-black'),
      },
      info: hdsShades('info', high),
      grey: {
        50: hds('color-black-5'),
        100: hds('color-black-5'),
        200: hds('color-black-10'),
        300: hds('color-black-20'),
        400: hds('color-black-30'),
        500: hds('color-black-50'),
        600: hds('color-black-60'),
        700: hds('color-black-70'),
        800: hds('color-black-80'),
        900: hds('color-black-90'),
      },
      text: {
        primary: text,
        secondary: high ? hds('color-black-90') : hds('color-black-60'),
        disabled: high ? hds('color-black-70') : hds('color-black-40'),
      },
      divider,
      background: { default: high ? hds('color-white') : hds('color-black-5'), paper: hds('color-white') },
      action: {
        selected: high ? hds('color-bus-medium-light') : hds('color-bus-light'),
        hover: high ? hds('color-black-10') : hds('color-black-5'),
      },
      internal: {
        background: high ? hds('color-white') : hds('color-fog-light'),
        border: high ? hds('color-black') : hds('color-fog-dark'),
        text: high ? hds('color-black') : hds('color-coat-of-arms-dark'),
      },
      restricted: {
        background: high ? hds('color-white') : hds('color-suomenlinna-light'),
        border: high ? hds('color-black') : hds('color-suomenlinna-dark'),
        text: hds('color-black-90'),
      },
      public: { background: hds('color-white'), border: high ? hds('color-black') : hds('color-success') },
      focusOutline,
    },
    typography: {
      fontFamily: hds('font-default'),
      fontSize: 14,
      h1: { fontSize: '1.25rem', fontWeight: 700 },
      h2: { fontSize: '1.125rem', fontWeight: 700 },
      h3: { fontSize: '1rem', fontWeight: 700 },
      h4: { fontSize: '0.875rem', fontWeight: 700, textTransform: 'uppercase', letterSpacing: '0.04em' },
      button: { textTransform: 'none', fontWeight: 600 },
    },
    // HDS components are square.
    shape: { borderRadius: 0 },
    spacing: 8,
    components: {
      MuiCssBaseline: {
        styleOverrides: {
          // The HDS focus ring on everything that can take keyboard focus.
          '*:focus-visible': { outline: `${focusWidth}px solid ${focusOutline}`, outlineOffset: 2 },
          'html, body, #root': { height: '100%' },
          body: { overflow: 'hidden' },
        },
      },
      MuiButtonBase: { defaultProps: { disableRipple: true } },
      // The real input of a checkbox, radio or switch is invisible (and ripples are off), so the
      // HDS focus ring goes round what is seen.
      MuiCheckbox: { styleOverrides: { root: { '&.Mui-focusVisible': { outline: `${focusWidth}px solid ${focusOutline}`, outlineOffset: -4 } } } },
      MuiRadio: { styleOverrides: { root: { '&.Mui-focusVisible': { outline: `${focusWidth}px solid ${focusOutline}`, outlineOffset: -4 } } } },
      MuiSwitch: { styleOverrides: { switchBase: { '&.Mui-focusVisible .MuiSwitch-thumb': { outline: `${focusWidth}px solid ${focusOutline}`, outlineOffset: 2 } } } },
      MuiButton: { defaultProps: { disableElevation: true, size: 'small' } },
      MuiIconButton: { defaultProps: { size: 'small' } },
      MuiTextField: { defaultProps: { size: 'small' } },
      MuiChip: {
        defaultProps: { size: 'small' },
        styleOverrides: { root: { fontWeight: 600 } },
      },
      MuiListItemButton: { defaultProps: { dense: true } },
      MuiTooltip: { defaultProps: { arrow: true } },
      MuiAppBar: { defaultProps: { elevation: 0 } },
      MuiPaper: { defaultProps: { elevation: 0 } },
      MuiOutlinedInput: {
        styleOverrides: { notchedOutline: { borderColor: high ? hds('color-black') : hds('color-black-50') } },
      },
    },
  });
}
