/**
 * The administrators' changes to reference data (text modules, department settings). They go to
 * the central server at once (no outbox: reference data is kept there), so each is a plain
 * mutation that fails with `central_unreachable` when offline.
 *
 * After a change the cached reference is patched with what the central answered, so the screen
 * shows it at once; the desk core re-pulls by itself, and once that pull has ended the reference
 * query is invalidated so every screen reads the desk's refreshed copy.
 */
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { DeskApi, DeskArgs, SyncStatus } from '../../../shared/api/desk-api.js';
import type { AnswerTemplate, Department, Reference } from '../../../shared/domain/reference.js';
import { useDesk } from '../../app/desk-context.js';
import { keys } from '../../state/queries.js';

function patchReference(client: QueryClient, patch: (ref: Reference) => Reference): void {
  client.setQueryData<Reference>(keys.reference, (ref) => (ref ? patch(ref) : ref));
}

/**
 * Invalidate the reference after the desk core's next sync cycle has ended: invalidating at once
 * would read the desk's copy from before its pull and hide the change again for a moment.
 */
function refreshAfterSync(desk: DeskApi, client: QueryClient): void {
  void desk
    .syncNow({})
    .then((status) => client.setQueryData<SyncStatus>(keys.syncStatus, status))
    .catch(() => undefined)
    .finally(() => void client.invalidateQueries({ queryKey: keys.reference }));
}

export function useSaveTemplate() {
  const desk = useDesk();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (args: DeskArgs<'saveTemplate'>) => desk.saveTemplate(args),
    onSuccess: (saved: AnswerTemplate) => {
      patchReference(client, (ref) => ({
        ...ref,
        templates: ref.templates.some((t) => t.id === saved.id) ? ref.templates.map((t) => (t.id === saved.id ? saved : t)) : [...ref.templates, saved],
      }));
      refreshAfterSync(desk, client);
    },
  });
}

export function useDeleteTemplate() {
  const desk = useDesk();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (args: { id: string }) => desk.deleteTemplate(args),
    onSuccess: (_ok, { id }) => {
      patchReference(client, (ref) => ({ ...ref, templates: ref.templates.filter((t) => t.id !== id) }));
      refreshAfterSync(desk, client);
    },
  });
}

export function useSetDepartmentSettings() {
  const desk = useDesk();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (args: { departmentId: string; requiresApproval: boolean }) => desk.setDepartmentSettings(args),
    onSuccess: (department: Department) => {
      patchReference(client, (ref) => ({ ...ref, departments: ref.departments.map((d) => (d.id === department.id ? department : d)) }));
      refreshAfterSync(desk, client);
    },
  });
}
