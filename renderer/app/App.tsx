import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskApi } from '../../shared/api/desk-api.js';
import { ErrorAlert } from '../components/ErrorText.js';
import { SignIn } from '../features/sign-in/SignIn.js';
import { TopBar } from '../features/shell/TopBar.js';
import { Workspace } from '../features/shell/Workspace.js';
import { useDeskEvents, useSession } from '../state/queries.js';
import { useUiStore } from '../state/ui-store.js';
import { DeskProvider } from './desk-context.js';
import { changeLanguage } from './i18n.js';
import { createDeskTheme } from './theme.js';

function Root() {
  const { t } = useTranslation();
  useDeskEvents();
  const session = useSession();
  const language = useUiStore((s) => s.language);
  useEffect(() => changeLanguage(language), [language]);
  useEffect(() => {
    document.title = `${t('app.name')} – ${t('app.owner')}`;
  }, [t, language]);

  let main;
  if (session.isPending) {
    main = (
      <Box sx={{ flex: 1, display: 'grid', placeItems: 'center' }}>
        <CircularProgress aria-label={t('app.loading')} />
      </Box>
    );
  } else if (session.error) {
    main = (
      <Box sx={{ p: 3 }}>
        <ErrorAlert error={session.error} onRetry={() => void session.refetch()} />
      </Box>
    );
  } else if (session.data) {
    main = <Workspace />;
  } else {
    main = <SignIn />;
  }

  return (
    <Box sx={{ height: '100%', display: 'flex', flexDirection: 'column' }}>
      <TopBar session={session.data} />
      {main}
    </Box>
  );
}

export function App({ desk, queryClient }: { desk: DeskApi; queryClient: QueryClient }) {
  const contrast = useUiStore((s) => s.contrast);
  const theme = useMemo(() => createDeskTheme(contrast), [contrast]);
  return (
    <DeskProvider desk={desk}>
      <QueryClientProvider client={queryClient}>
        <ThemeProvider theme={theme}>
          <CssBaseline />
          <Root />
        </ThemeProvider>
      </QueryClientProvider>
    </DeskProvider>
  );
}
