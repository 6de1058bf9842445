import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DeskError } from '../../../shared/api/desk-api.js';
import { useErrorText } from '../../components/ErrorText.js';
import { useSignIn } from '../../state/queries.js';

export function SignIn() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!username.trim() || !password) return;
    signIn.mutate({ username: username.trim(), password });
  };
  // Another user's changes still wait on this desk: said plainly, and discarded only on request.
  const othersChanges = signIn.error instanceof DeskError && signIn.error.code === 'other_users_changes';

  return (
    <Box sx={{ flex: 1, display: 'grid', placeItems: 'center', p: 2, overflow: 'auto' }}>
      <Paper component="main" variant="outlined" sx={{ width: '100%', maxWidth: 400, p: 4 }}>
        <Box component="form" onSubmit={submit} noValidate aria-labelledby="sign-in-title">
          <Stack spacing={2}>
            <Typography id="sign-in-title" variant="h1">
              {t('signIn.title')}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {t('signIn.intro')}
            </Typography>
            {othersChanges ? (
              <Alert severity="warning" role="alert" data-testid="sign-in-others-changes">
                {errorText(signIn.error)}
                <Box sx={{ mt: 1 }}>
                  <Button color="inherit" variant="outlined" size="small" onClick={() => signIn.mutate({ username: username.trim(), password, discardOtherUsersChanges: true })}>
                    {t('signIn.discardOthersChanges')}
                  </Button>
                </Box>
              </Alert>
            ) : signIn.error ? (
              <Alert severity="error" role="alert" data-testid="sign-in-error">
                {errorText(signIn.error)}
              </Alert>
            ) : null}
            <TextField
              label={t('signIn.username')}
              name="username"
              autoComplete="username"
              autoFocus
              required
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              fullWidth
            />
            <TextField
              label={t('signIn.password')}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              fullWidth
            />
            <Button type="submit" variant="contained" size="medium" disabled={signIn.isPending || !username.trim() || !password}>
              {signIn.isPending ? t('signIn.submitting') : t('signIn.submit')}
            </Button>
          </Stack>
        </Box>
      </Paper>
    </Box>
  );
}
