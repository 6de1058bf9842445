/** Small HTTP helpers: what any Open311 client would write, plus the staff API for publishing. */
import { XMLParser } from 'fast-xml-parser';
import { randomUUID } from 'node:crypto';

export const API_KEY = 'demo-api-key';

export async function getJson<T = unknown>(url: string): Promise<{ status: number; body: T; type: string }> {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as T, type: res.headers.get('content-type') ?? '' };
}

const xml = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => ['request', 'service', 'error', 'media_url', 'task', 'endpoint', 'format', 'locale'].includes(name) });

export async function getXml(url: string): Promise<{ status: number; text: string; doc: Record<string, any>; type: string }> {
  const res = await fetch(url);
  const text = await res.text();
  return { status: res.status, text, doc: xml.parse(text) as Record<string, any>, type: res.headers.get('content-type') ?? '' };
}

export function parseXml(text: string): Record<string, any> {
  return xml.parse(text) as Record<string, any>;
}

/** POST form-urlencoded, exactly as a Helsinki client does. */
export async function postForm(url: string, fields: Record<string, string>): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
}

export function validRequest(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    api_key: API_KEY,
    service_code: '171',
    description: 'Syvä kuoppa ajoradalla Sturenkadun ja Mäkelänkadun risteyksessä.',
    lat: '60.1952',
    long: '24.9588',
    ...overrides,
  };
}

/** The staff side, used only to look behind the public API and to publish (as a moderator would). */
export class Staff {
  private token = '';
  private mutationId = 0;
  readonly clientId = `blackbox-${randomUUID().slice(0, 12)}`;
  constructor(private readonly base: string) {}

  async login(username = 'admin', password = 'demo'): Promise<void> {
    const res = await fetch(`${this.base}/staff/v1/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password, clientId: this.clientId }),
    });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
    this.token = ((await res.json()) as { token: string }).token;
  }

  /** Every item this user may see, as staff see it (full JSON), plus refusals of our mutations. */
  async pullAll(): Promise<{ items: any[]; results: any[] }> {
    const items = new Map<string, any>();
    const results: any[] = [];
    let cookie = 0;
    for (;;) {
      const res = await fetch(`${this.base}/staff/v1/pull?cookie=${cookie}&limit=5000&clientId=${this.clientId}`, { headers: { authorization: `Bearer ${this.token}` } });
      if (res.status !== 200) throw new Error(`pull failed: ${res.status} ${await res.text()}`);
      const body = (await res.json()) as { cookie: number; hasMore: boolean; items: any[]; results: any[] };
      for (const i of body.items) items.set(i.id, i);
      results.push(...body.results);
      cookie = body.cookie;
      if (!body.hasMore) break;
    }
    return { items: [...items.values()], results };
  }

  /** GET a path of the staff API (e.g. an attachment's /media/<name>) as this user. */
  async get(path: string): Promise<Response> {
    return fetch(`${this.base}/staff/v1${path}`, { headers: { authorization: `Bearer ${this.token}` } });
  }

  async item(serviceRequestId: string): Promise<any> {
    const { items } = await this.pullAll();
    return items.find((i) => i.serviceRequestId === serviceRequestId);
  }

  async push(name: string, args: Record<string, unknown>): Promise<number> {
    const id = ++this.mutationId;
    const res = await fetch(`${this.base}/staff/v1/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ clientId: this.clientId, schemaVersion: 1, mutations: [{ id, name, args, clientTime: new Date().toISOString() }] }),
    });
    if (res.status !== 200) throw new Error(`push failed: ${res.status} ${await res.text()}`);
    return id;
  }
}
