/**
 * SQL for the public lists. Only rows the store marks published and unrestricted are ever read
 * for the filtered list; the id list reads any item but callers render unpublished ones minimally.
 */
import type { Database } from 'better-sqlite3';
import { FeedbackItem } from '../../shared/domain/index.js';
import { openStatuses } from '../../shared/workflow/index.js';
import type { RequestFilters } from './validate/get-filters.js';

const EARTH_RADIUS_M = 6_371_008.8;

export function distanceMetres(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Make the distance function available to SQL on this connection (idempotent). */
export function registerGeoFunctions(db: Database): void {
  db.function('open311_distance_m', { deterministic: true }, (lat1: unknown, lon1: unknown, lat2: unknown, lon2: unknown) =>
    typeof lat1 === 'number' && typeof lon1 === 'number' && typeof lat2 === 'number' && typeof lon2 === 'number' ? distanceMetres(lat1, lon1, lat2, lon2) : null,
  );
}

function parseRow(row: { id: string; json: string }): FeedbackItem {
  const parsed = FeedbackItem.safeParse(JSON.parse(row.json));
  if (!parsed.success) throw new Error(`stored item ${row.id} does not match the FeedbackItem schema`);
  return parsed.data;
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

export function findRequests(db: Database, f: RequestFilters): FeedbackItem[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.ids) {
    where.push(`service_request_id IN (${placeholders(f.ids.length)})`);
    params.push(...f.ids);
  } else {
    // The same rule as isPublic(): never an email item or one without permission (P19a), even
    // if something marked it published.
    where.push('published = 1', 'is_restricted = 0', "json_extract(json, '$.channel') <> 'email'", "json_extract(json, '$.publicationPermission') = 1");
    if (f.serviceCodes) {
      where.push(`service_code IN (${placeholders(f.serviceCodes.length)})`);
      params.push(...f.serviceCodes);
    }
    if (f.statuses && f.statuses.length === 1) {
      where.push(`status ${f.statuses[0] === 'open' ? 'IN' : 'NOT IN'} (${placeholders(openStatuses.length)})`);
      params.push(...openStatuses);
    }
    if (f.from) {
      where.push('received_at >= ?');
      params.push(f.from);
    }
    if (f.to) {
      where.push('received_at <= ?');
      params.push(f.to);
    }
    if (f.updatedAfter) {
      where.push('updated_at > ?');
      params.push(f.updatedAfter);
    }
    if (f.updatedBefore) {
      where.push('updated_at < ?');
      params.push(f.updatedBefore);
    }
    if (f.bbox) {
      where.push('loc_lat BETWEEN ? AND ?', 'loc_long BETWEEN ? AND ?');
      params.push(f.bbox.minLat, f.bbox.maxLat, f.bbox.minLong, f.bbox.maxLong);
    }
    if (f.near) {
      // A box around the circle lets the index do most of the work; the distance decides.
      const dLat = f.near.radius / 111_000;
      const dLong = f.near.radius / (111_000 * Math.max(0.01, Math.cos((f.near.lat * Math.PI) / 180)));
      where.push('loc_lat BETWEEN ? AND ?', 'loc_long BETWEEN ? AND ?', 'open311_distance_m(loc_lat, loc_long, ?, ?) <= ?');
      params.push(f.near.lat - dLat, f.near.lat + dLat, f.near.long - dLong, f.near.long + dLong, f.near.lat, f.near.long, f.near.radius);
    }
  }
  const sql = `SELECT id, json FROM items WHERE ${where.join(' AND ')} ORDER BY received_at DESC, id DESC LIMIT ? OFFSET ?`;
  params.push(f.pageSize, (f.page - 1) * f.pageSize);
  return (db.prepare(sql).all(...params) as { id: string; json: string }[]).map(parseRow);
}

export function findByServiceRequestId(db: Database, id: string): FeedbackItem | null {
  const row = db.prepare('SELECT id, json FROM items WHERE service_request_id = ?').get(id) as { id: string; json: string } | undefined;
  return row ? parseRow(row) : null;
}
