/**
 * Colleagues at work in the demo: a few of the generated items get comment requests, a share and
 * an answer waiting for approval, made with the real mutations (shared/mutations), so the demo holds
 * exactly what desks would have produced and the collaboration views have something to show.
 */
import type { Department, FeedbackItem, Staff } from '../../shared/domain/index.js';
import { findMutation, referenceDirectory, runMutation, type MutationContext } from '../../shared/mutations/index.js';
import { DEMO_STAFF } from './demo-staff.js';

const HOUR = 3600_000;

export function addDemoCollaboration(items: FeedbackItem[], departments: readonly Department[], now: Date): void {
  const staff = DEMO_STAFF as Staff[];
  const directory = referenceDirectory({ staff, departments: [...departments] });
  const byId = new Map(staff.map((s) => [s.id, s]));
  const apply = (item: FeedbackItem, actorId: string, name: string, args: Record<string, unknown>, at: number): FeedbackItem => {
    const s = byId.get(actorId)!;
    let n = 0;
    const ctx: MutationContext = {
      actor: { id: s.id, role: s.role, departmentId: s.departmentId, displayName: s.displayName },
      now: new Date(at).toISOString(),
      clientId: null,
      newId: () => `${item.id}-${name}-${++n}`,
      directory,
    };
    return runMutation(findMutation(name)!, { itemId: item.id, ...args }, item, ctx);
  };
  const replace = (next: FeedbackItem) => items.splice(items.findIndex((i) => i.id === next.id), 1, next);
  const after = (item: FeedbackItem, hours: number) => Math.min(Date.parse(item.updatedAt) + hours * HOUR, now.getTime() - 60_000);

  const kymp = items.filter((i) => i.assigneeId === 'kymp.vastaaja' && i.status === 'in_progress' && !i.restricted);
  const withDraft = kymp.filter((i) => i.answer.draft);
  const [asking, approving] = withDraft;
  if (asking) {
    const at = after(asking, 1);
    replace(
      apply(asking, 'kymp.vastaaja', 'requestComment', {
        to: [{ staffId: 'kasko.vastaaja' }],
        question: 'Onko koulun lähellä tulossa töitä, jotka vaikuttavat tähän? Vastaan asukkaalle tämän viikon aikana.',
        dueAt: new Date(now.getTime() + 2 * 24 * HOUR).toISOString(),
      }, at),
    );
  }
  if (approving) {
    const revision = approving.answer.draft!.revision ?? `v${approving.answer.draft!.version}`;
    replace(apply(approving, 'kymp.vastaaja', 'submitAnswerForApproval', { approverId: 'kymp.esihenkilo', draftRevision: revision }, after(approving, 2)));
  }
  // The demo's collaboration goes on items without an address: those that can be answered by
  // email stay free for a newcomer (and the end-to-end tests) to try that on.
  const overdue = kymp.find((i) => i !== asking && i !== approving && !i.contact.email && Date.parse(i.updatedAt) < now.getTime() - 3 * 24 * HOUR);
  if (overdue) {
    const at = after(overdue, 1);
    replace(
      apply(overdue, 'kymp.vastaaja', 'requestComment', {
        to: [{ departmentId: 'kuva' }],
        question: 'Onko liikuntapaikan aukioloihin tulossa muutoksia? Tarvitsen tiedon vastaukseen.',
        dueAt: new Date(at + 24 * HOUR).toISOString(),
      }, at),
    );
  }
  const kasko = items.find((i) => i.assigneeId === 'kasko.vastaaja' && i.status === 'in_progress' && !i.restricted);
  if (kasko) {
    replace(
      apply(kasko, 'kasko.vastaaja', 'requestComment', {
        to: [{ departmentId: 'kymp' }],
        question: 'Koulun edustan liikennejärjestelyt: onko hidasteita tai koulukatua suunnitteilla?',
        dueAt: new Date(now.getTime() + 3 * 24 * HOUR).toISOString(),
      }, after(kasko, 1)),
    );
  }
  const informed = kymp.find((i) => i !== asking && i !== approving && i !== overdue && !i.contact.email);
  if (informed) replace(apply(informed, 'kymp.vastaaja', 'shareForInformation', { staffIds: ['kasko.vastaaja'], note: 'Tiedoksi: koskee koulun reittiä.' }, after(informed, 1)));
}
