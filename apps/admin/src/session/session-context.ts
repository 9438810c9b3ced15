import type { SessionInfo } from '@ulms/platform/contracts';
import { createContext, useContext } from 'react';

export const SessionContext = createContext<SessionInfo | null>(null);

/** The signed-in session; only pages inside the signed-in layout may call it. */
export function useSessionInfo(): SessionInfo {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSessionInfo must be used inside the signed-in layout');
  return session;
}

/** Whether the signed-in staff member holds `permission`. */
export function useCan(permission: string): boolean {
  return useSessionInfo().permissions.includes(permission);
}
