import { createContext, useContext, type ReactNode } from 'react';
import type { DeskApi } from '../../shared/api/desk-api.js';

const DeskContext = createContext<DeskApi | null>(null);

export function DeskProvider({ desk, children }: { desk: DeskApi; children: ReactNode }) {
  return <DeskContext.Provider value={desk}>{children}</DeskContext.Provider>;
}

export function useDesk(): DeskApi {
  const desk = useContext(DeskContext);
  if (!desk) throw new Error('useDesk outside DeskProvider');
  return desk;
}
