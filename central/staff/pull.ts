import { canSee } from '../../shared/workflow/index.js';
import type { PullQuery } from '../../shared/api/sync-protocol.js';
import { visibilityOf, type CentralStore } from '../store/central-store.js';
import { HttpError } from '../http/errors.js';
import type { Authenticated } from './auth.js';

/**
 * One page of a pull, as the JSON text of a PullResponse.
 *
 * - Items come in change order (seq); each appears once, with its current state.
 * - `revoked`: items changed after the cookie that this user may not see now but may hold: items
 *   it could see in a state since the pull's start cookie (the store logs the state each change
 *   replaced). An item the user never could see is not named, so ids of hidden items do not leak.
 * - First page vs continuation: the server remembers, per client, the cookie of the last page that
 *   had more to come. A pull with exactly that cookie continues a paged pull; any other cookie
 *   (and 0 always) starts a new one. A new pull's first page carries `total` (how many items the
 *   whole pull holds) and `reference` (departments, services, staff); continuation pages carry null.
 * - `results`: this client's refused mutations whose change sequence lies in the range this page
 *   covers (cookie, responseCookie]. A refusal therefore arrives in exactly the page that moves the
 *   client's cookie past it; a response lost on the way is simply pulled again, nothing is dropped.
 *
 * Item JSON is sent as stored: every write validated it against the FeedbackItem schema, and the
 * desk validates the whole response again; re-parsing 100,000 items here would only slow sync.
 */
export function pullPage(store: CentralStore, auth: Authenticated, query: PullQuery): string {
  const head = store.changeCounter();
  if (query.cookie > head) {
    throw new HttpError(409, 'cookie_ahead', `cookie ${query.cookie} is ahead of this server (${head}); the server's data was replaced, start again from cookie 0`);
  }
  const client = store.getClient(query.clientId) ?? store.bindClient(query.clientId, auth.staff.id);
  if (client.staffId !== auth.staff.id) throw new HttpError(403, 'client_mismatch', 'this clientId belongs to another user');

  const firstPage = query.cookie === 0 || client.pullNextCookie !== query.cookie;
  // Where the desk's cache stands for items not delivered yet: the cookie this pull started from.
  const start = firstPage ? query.cookie : (client.pullStartCookie ?? query.cookie);
  const emptyCache = firstPage && start === 0;
  const mayHold = (id: string): boolean => {
    if (emptyCache) return false;
    const states = store.statesSince(id, start);
    if (states.length > 0) return states.some((state) => canSee(auth.actor, state));
    // Changed before the log existed: revoke to be safe (deleting a missing item is a no-op).
    return start > 0 && !store.hasLoggedChangeSince(id, start);
  };
  const items: string[] = [];
  const revoked: string[] = [];
  let lastSeq = query.cookie;
  let hasMore = false;
  for (const row of store.changedSince(query.cookie)) {
    if (items.length + revoked.length >= query.limit) {
      hasMore = true;
      break;
    }
    lastSeq = row.seq;
    if (canSee(auth.actor, visibilityOf(row))) items.push(row.json);
    else if (mayHold(row.id)) revoked.push(row.id);
  }
  const cookie = hasMore ? lastSeq : head;

  let total: number | null = null;
  if (firstPage) {
    total = 0;
    for (const row of store.changedRowsSince(query.cookie)) if (canSee(auth.actor, visibilityOf(row))) total++;
  }
  const results = store.resultsBetween(query.clientId, query.cookie, cookie);
  const reference = firstPage ? store.reference() : null;
  store.setPullCookies(query.clientId, hasMore ? cookie : null, hasMore ? start : null);

  return (
    `{"cookie":${cookie},"hasMore":${hasMore},"total":${total === null ? 'null' : total},` +
    `"lastMutationId":${client.lastMutationId},"items":[${items.join(',')}],` +
    `"revoked":${JSON.stringify(revoked)},"results":${JSON.stringify(results)},"reference":${JSON.stringify(reference)}}`
  );
}
