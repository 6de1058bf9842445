import type { DepartedItem, DeskNotification } from '../../../shared/api/desk-api.js';
import type { FeedbackItem } from '../../../shared/domain/feedback-item.js';
import { notificationsFor, type DerivedNotification, type NotificationKind } from '../../../shared/workflow/notifications.js';
import { accessTo, type Actor } from '../../../shared/workflow/permissions.js';
import { asksActor, requestTarget } from '../../../shared/workflow/collaboration.js';
import type { CacheDb } from './cache-db.js';

/** Kinds that mean "someone wrote a comment you have not read": the inbox's "new comments" chip. */
const COMMENT_KINDS: readonly NotificationKind[] = ['commented', 'request_answered', 'mentioned'];

/**
 * The person's notifications (what colleagues did that concerns them) and the items that left
 * their view after they handed them on, kept in the encrypted cache: both survive a restart and
 * work offline, and both go with a sign-out (clearUserData).
 */
export class NotificationStore {
  private readonly stmts;

  constructor(db: CacheDb) {
    this.stmts = {
      insert: db.prepare('INSERT OR IGNORE INTO notifications (id, item_id, kind, at, actor_name, read) VALUES (?, ?, ?, ?, ?, 0)'),
      list: db.prepare(
        `SELECT n.id, n.item_id, n.kind, n.at, n.actor_name, n.read, i.service_request_id, i.title
         FROM notifications n LEFT JOIN items i ON i.id = n.item_id ORDER BY n.at DESC, n.id LIMIT ?`,
      ),
      unread: db.prepare('SELECT count(*) FROM notifications WHERE read = 0').pluck(),
      readItem: db.prepare('UPDATE notifications SET read = 1 WHERE item_id = ? AND read = 0'),
      readAll: db.prepare('UPDATE notifications SET read = 1 WHERE read = 0'),
      unreadCommentItems: db
        .prepare(`SELECT DISTINCT item_id FROM notifications WHERE read = 0 AND kind IN (${COMMENT_KINDS.map(() => '?').join(', ')})`)
        .pluck(),
      putDeparted: db.prepare(
        'INSERT OR REPLACE INTO departed_items (item_id, service_request_id, reason, to_department_id, to_staff_id, at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      getDeparted: db.prepare('SELECT item_id, service_request_id, reason, to_department_id, to_staff_id, at FROM departed_items WHERE item_id = ?'),
      forgetDeparted: db.prepare('DELETE FROM departed_items WHERE item_id = ?'),
      clear: db.prepare('DELETE FROM notifications'),
      clearDeparted: db.prepare('DELETE FROM departed_items'),
    };
  }

  /** Store what a colleague's change means for `actor` (call inside the pull's transaction); returns the new ones. */
  record(actor: Actor, before: FeedbackItem | null, after: FeedbackItem, newSince: string): DerivedNotification[] {
    return notificationsFor(actor, before, after, { newSince }).filter(
      (n) => this.stmts.insert.run(n.id, n.itemId, n.kind, n.at, n.actorName).changes > 0,
    );
  }

  list(limit = 100): DeskNotification[] {
    const rows = this.stmts.list.all(limit) as Array<{
      id: string;
      item_id: string;
      kind: NotificationKind;
      at: string;
      actor_name: string;
      read: number;
      service_request_id: string | null;
      title: string | null;
    }>;
    return rows.map((r) => ({
      id: r.id,
      itemId: r.item_id,
      kind: r.kind,
      at: r.at,
      actorName: r.actor_name,
      read: r.read === 1,
      serviceRequestId: r.service_request_id,
      title: r.title,
    }));
  }

  /** The list entries of these derived notifications (for the change event), unread. */
  entries(added: readonly DerivedNotification[]): DeskNotification[] {
    if (added.length === 0) return [];
    const ids = new Set(added.map((n) => n.id));
    return this.list(Math.max(100, added.length)).filter((n) => ids.has(n.id));
  }

  unreadCount(): number {
    return this.stmts.unread.get() as number;
  }

  markRead(itemId: string | null): number {
    return (itemId === null ? this.stmts.readAll.run() : this.stmts.readItem.run(itemId)).changes;
  }

  /** Items with comments the person has not read yet. */
  unreadCommentItems(): Set<string> {
    return new Set(this.stmts.unreadCommentItems.all(...COMMENT_KINDS) as string[]);
  }

  /**
   * An item is leaving this desk (revoked): remember why, when it is one the person handed on or
   * could see only as a guest, so the desk can tell them instead of "not found".
   */
  rememberDeparture(actor: Actor, last: FeedbackItem, at: string): void {
    if (accessTo(actor, last) === 'full') return;
    const sharedWithMe =
      (last.shares ?? []).some((s) => s.staffId === actor.id) || last.history.some((e) => e.type === 'share_ended' && e.details.staffId === actor.id);
    const askedMe = (last.commentRequests ?? []).some((r) => asksActor(requestTarget(r), actor));
    let reason: DepartedItem['reason'] | null = null;
    if (last.handoff?.by === actor.id) reason = 'transferred';
    else if (sharedWithMe) reason = 'share_ended';
    else if (askedMe) reason = 'request_closed';
    if (!reason) return;
    const to = reason === 'transferred' ? last.handoff! : null;
    this.stmts.putDeparted.run(last.id, last.serviceRequestId, reason, to?.toDepartmentId ?? null, to?.toStaffId ?? null, to?.at ?? at);
  }

  departed(itemId: string): DepartedItem | null {
    const r = this.stmts.getDeparted.get(itemId) as
      | { item_id: string; service_request_id: string; reason: DepartedItem['reason']; to_department_id: string | null; to_staff_id: string | null; at: string }
      | undefined;
    return r ? { itemId: r.item_id, serviceRequestId: r.service_request_id, reason: r.reason, toDepartmentId: r.to_department_id, toStaffId: r.to_staff_id, at: r.at } : null;
  }

  /** The item is back in view (asked again, transferred back): it has not departed. */
  forgetDeparture(itemId: string): void {
    this.stmts.forgetDeparted.run(itemId);
  }

  clear(): void {
    this.stmts.clear.run();
    this.stmts.clearDeparted.run();
  }
}
