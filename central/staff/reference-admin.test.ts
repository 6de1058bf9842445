/**
 * Reference data an administrator keeps over the staff API: text modules (answer templates) and
 * department settings. Real HTTP against a real central with the demo seed and its accounts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PullResponse } from '../../shared/api/sync-protocol.js';
import type { AnswerTemplate, Department, Reference } from '../../shared/domain/reference.js';
import { startTestCentral, TestDesk, type TestCentral } from '../testing.js';

let central: TestCentral;
let admin: TestDesk;
let responder: TestDesk;
let clerk: TestDesk;

beforeAll(async () => {
  central = await startTestCentral({ seed: 'demo' });
  admin = new TestDesk(central.url);
  responder = new TestDesk(central.url);
  clerk = new TestDesk(central.url);
  for (const [desk, user] of [[admin, 'admin'], [responder, 'kymp.vastaaja'], [clerk, 'neuvonta']] as const) {
    expect((await desk.login(user, 'demo')).status).toBe(200);
  }
}, 120_000);
afterAll(async () => {
  await central?.dispose();
});

function call(desk: TestDesk | null, method: 'PUT' | 'DELETE', path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = {};
  if (desk) headers.authorization = `Bearer ${desk.token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${central.url}/staff/v1${path}`, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
}

async function errorCode(res: Response): Promise<string> {
  return ((await res.json()) as { error: { code: string } }).error.code;
}

/** The reference a desk receives with the first page of its next pull. */
async function pulledReference(desk: TestDesk): Promise<Reference> {
  const page = PullResponse.parse(await desk.pull(0, 1));
  expect(page.reference).not.toBeNull();
  return page.reference!;
}

const pulledTemplate = async (desk: TestDesk, id: string): Promise<AnswerTemplate | undefined> => (await pulledReference(desk)).templates.find((t) => t.id === id);
const storedTemplateIds = () => central.store.reference().templates.map((t) => t.id).sort();

const input = {
  departmentId: 'kymp',
  language: 'fi',
  title: 'Katuvalo korjataan',
  text: 'Hei {{sender.name}},\n\nkiitos ilmoituksesta {{item.id}}. Katuvalo korjataan kahden viikon kuluessa.\n\n{{responder.name}}\n{{responder.department}}',
} as const;

describe('text modules', () => {
  it('an administrator creates, changes and deletes one, and every desk pulls each state', async () => {
    const created = await call(admin, 'PUT', '/templates/kymp-katuvalo-fi', input);
    expect(created.status).toBe(200);
    const body = (await created.json()) as AnswerTemplate;
    expect(body).toEqual({ id: 'kymp-katuvalo-fi', ...input, updatedAt: expect.any(String), updatedBy: 'admin' });

    // every signed-in desk gets it with its next pull (the responder who will use it, too)
    expect(await pulledTemplate(admin, 'kymp-katuvalo-fi')).toEqual(body);
    expect(await pulledTemplate(responder, 'kymp-katuvalo-fi')).toEqual(body);

    const changedInput = { ...input, departmentId: null, language: 'sv', title: 'Gatubelysningen repareras', text: 'Hej {{sender.name}}, tack för anmälan {{item.id}}.' };
    const changed = await call(admin, 'PUT', '/templates/kymp-katuvalo-fi', changedInput);
    expect(changed.status).toBe(200);
    expect(await changed.json()).toEqual({ id: 'kymp-katuvalo-fi', ...changedInput, updatedAt: expect.any(String), updatedBy: 'admin' });
    expect(await pulledTemplate(clerk, 'kymp-katuvalo-fi')).toMatchObject(changedInput);
    expect(storedTemplateIds().filter((id) => id === 'kymp-katuvalo-fi')).toHaveLength(1);

    const deleted = await call(admin, 'DELETE', '/templates/kymp-katuvalo-fi');
    expect(deleted.status).toBe(200);
    expect(await deleted.json()).toEqual({ ok: true });
    expect(await pulledTemplate(responder, 'kymp-katuvalo-fi')).toBeUndefined();
    expect(storedTemplateIds()).not.toContain('kymp-katuvalo-fi');

    // deleting it again: there is nothing to delete
    const again = await call(admin, 'DELETE', '/templates/kymp-katuvalo-fi');
    expect(again.status).toBe(404);
    expect(await errorCode(again)).toBe('not_found');
  });

  it('refuses non-administrators with 403 and changes nothing', async () => {
    const before = central.store.reference().templates;
    const seeded = before.find((t) => t.id === 'kymp-korjaus-fi')!;
    expect(seeded).toBeDefined();
    for (const desk of [responder, clerk]) {
      const created = await call(desk, 'PUT', '/templates/not-by-you', input);
      expect(created.status).toBe(403);
      expect(await errorCode(created)).toBe('forbidden');
      const changed = await call(desk, 'PUT', `/templates/${seeded.id}`, { ...input, title: 'Muutettu' });
      expect(changed.status).toBe(403);
      const deleted = await call(desk, 'DELETE', `/templates/${seeded.id}`);
      expect(deleted.status).toBe(403);
      expect(await errorCode(deleted)).toBe('forbidden');
    }
    // nor may anyone without a session
    expect((await call(null, 'PUT', '/templates/anonymous', input)).status).toBe(401);
    expect((await call(null, 'DELETE', `/templates/${seeded.id}`)).status).toBe(401);
    expect(central.store.reference().templates).toEqual(before);
    expect(await pulledTemplate(admin, seeded.id)).toEqual(seeded);
  });

  it('refuses an unknown placeholder (in the text or the title) with 400 unknown_placeholder and stores nothing', async () => {
    const before = storedTemplateIds();
    const typo = await call(admin, 'PUT', '/templates/typo', { ...input, text: 'Hei {{sender.nmae}}, kiitos {{ item.id }}.' });
    expect(typo.status).toBe(400);
    const body = (await typo.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('unknown_placeholder');
    expect(body.error.message).toContain('{{sender.nmae}}');
    expect(body.error.message).not.toContain('item.id');

    const inTitle = await call(admin, 'PUT', '/templates/typo', { ...input, title: 'Hei {{nimi}}' });
    expect(inTitle.status).toBe(400);
    expect(await errorCode(inTitle)).toBe('unknown_placeholder');

    // an existing template keeps its text when a change to it is refused
    const seeded = central.store.reference().templates.find((t) => t.id === 'kiitos-fi')!;
    const refusedChange = await call(admin, 'PUT', '/templates/kiitos-fi', { ...input, departmentId: null, text: 'Hei {{lahettaja}}' });
    expect(refusedChange.status).toBe(400);
    expect(storedTemplateIds()).toEqual(before);
    expect(await pulledTemplate(admin, 'kiitos-fi')).toEqual(seeded);
    expect(await pulledTemplate(admin, 'typo')).toBeUndefined();
  });

  it('answers bad bodies and ids with 400 and stores nothing', async () => {
    const before = central.store.reference().templates;
    const cases: [string, unknown][] = [
      ['/templates/bad-1', '{"title":'],
      ['/templates/bad-2', { ...input, title: '' }],
      ['/templates/bad-3', { ...input, title: 'x'.repeat(121) }],
      ['/templates/bad-4', { ...input, text: '' }],
      ['/templates/bad-5', { ...input, text: 'x'.repeat(10_001) }],
      ['/templates/bad-6', { ...input, language: 'de' }],
      ['/templates/bad-7', { title: input.title, text: input.text }],
      ['/templates/bad-8', { ...input, departmentId: 'no-such-department' }],
      ['/templates/bad-9', []],
      [`/templates/${'x'.repeat(65)}`, input],
      ['/templates/bad%20id', input],
    ];
    for (const [path, body] of cases) {
      const res = await call(admin, 'PUT', path, body);
      expect(res.status, path).toBe(400);
      expect(await errorCode(res), path).toBe('invalid_request');
    }
    expect(central.store.reference().templates).toEqual(before);
    const pulled = (await pulledReference(admin)).templates.map((t) => t.id);
    expect(pulled.filter((id) => id.startsWith('bad'))).toEqual([]);
  });
});

describe('department settings', () => {
  const department = async (desk: TestDesk, id: string): Promise<Department | undefined> => (await pulledReference(desk)).departments.find((d) => d.id === id);

  it('an administrator switches approval (P11) on and off, and desks pull it', async () => {
    expect((await department(admin, 'kasko'))?.requiresApproval ?? false).toBe(false);
    const on = await call(admin, 'PUT', '/departments/kasko/settings', { requiresApproval: true });
    expect(on.status).toBe(200);
    expect(await on.json()).toMatchObject({ id: 'kasko', requiresApproval: true, name: { fi: 'Kasvatuksen ja koulutuksen toimiala' } });
    expect((await department(responder, 'kasko'))?.requiresApproval).toBe(true);
    expect(central.store.getDepartment('kasko')?.requiresApproval).toBe(true);

    const off = await call(admin, 'PUT', '/departments/kasko/settings', { requiresApproval: false });
    expect(off.status).toBe(200);
    expect(((await off.json()) as Department).requiresApproval).toBe(false);
    expect((await department(clerk, 'kasko'))?.requiresApproval).toBe(false);
    // the other departments are untouched
    expect((await department(admin, 'kymp'))?.requiresApproval).toBe(true);
  });

  it('is for administrators only, 404 for an unknown department, 400 for a bad body', async () => {
    const before = central.store.reference().departments;
    for (const desk of [responder, clerk]) {
      const res = await call(desk, 'PUT', '/departments/kymp/settings', { requiresApproval: false });
      expect(res.status).toBe(403);
      expect(await errorCode(res)).toBe('forbidden');
    }
    expect((await call(null, 'PUT', '/departments/kymp/settings', { requiresApproval: false })).status).toBe(401);

    const unknown = await call(admin, 'PUT', '/departments/no-such-department/settings', { requiresApproval: true });
    expect(unknown.status).toBe(404);
    expect(await errorCode(unknown)).toBe('not_found');

    for (const body of [{}, { requiresApproval: 'yes' }, '{"requiresApproval":']) {
      const res = await call(admin, 'PUT', '/departments/kymp/settings', body);
      expect(res.status).toBe(400);
      expect(await errorCode(res)).toBe('invalid_request');
    }
    expect(central.store.reference().departments).toEqual(before);
    expect((await department(admin, 'kymp'))?.requiresApproval).toBe(true);
  });
});
