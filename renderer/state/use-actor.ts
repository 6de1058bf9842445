import type { Actor } from '../../shared/workflow/permissions.js';
import { useSession } from './queries.js';

/** The signed-in person as the shared permission rules see them (null when signed out). */
export function useActor(): Actor | null {
  const session = useSession();
  const staff = session.data?.staff;
  return staff ? { id: staff.id, role: staff.role, departmentId: staff.departmentId, displayName: staff.displayName } : null;
}
