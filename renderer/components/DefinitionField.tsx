import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** One label–value pair of a definition list (<dl>): the item's facts, the sync details. */
export function DefinitionField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Typography component="dt" variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere' }}>
        {children}
      </Typography>
    </>
  );
}
