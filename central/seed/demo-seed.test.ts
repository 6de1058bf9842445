import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isOpen } from '../../shared/workflow/index.js';
import { sniffPhoto, storedPhotoName } from '../../shared/domain/attachments.js';
import { startCentral, type RunningCentral } from '../server.js';
import { tempDataDir, TestDesk } from '../testing.js';
import { DEFAULT_DATA_DIR } from './demo.js';
import { agencyDivision, loadOpen311Services, readJsonRepairingLatin1 } from './reference-data.js';
import { guessKind, parseWktPoint } from './helsinki-import.js';
import { hetu, isValidHetu } from './hetu.js';

const NOW = new Date('2026-11-27T12:00:00.000Z');
const DAY = 86_400_000;
let dataDir: string;
let central: RunningCentral;

beforeAll(async () => {
  dataDir = tempDataDir('seed');
  central = await startCentral({ port: 0, dataDir, seed: 'demo', logLevel: 'silent', now: () => NOW });
}, 60_000);
afterAll(async () => {
  await central?.close();
});

const allItems = () =>
  (central.store.db.prepare('SELECT json FROM items ORDER BY seq').all() as { json: string }[]).map((r) => JSON.parse(r.json) as import('../../shared/domain/index.js').FeedbackItem);

describe('demo seed', () => {
  it('imports every published Helsinki item with its answer, routing history and division', () => {
    const items = allItems();
    const imported = items.filter((i) => i.id.startsWith('hki-'));
    expect(imported).toHaveLength(1380);
    const sample = imported.find((i) => i.serviceRequestId === '1ar09ts10t4qdko74nmj')!;
    expect(sample).toMatchObject({
      original: { title: 'Liikennejärjestelyt puuttuvat', description: 'Rakennusremontti aiheutta vaaratilanteita pyöräilijöitten ja jalankulkijoitten välille' },
      departmentId: 'kymp',
      status: 'closed',
      detailedStatus: 'PROCESSED,PUBLIC_WORKS_COMPLETED',
      location: { lat: 60.1952311, long: 24.9588253, address: 'Sturenkatu 33, 00550 Helsinki, Suomi' },
      publication: { state: 'published', title: 'Liikennejärjestelyt puuttuvat' },
      language: 'fi',
      channel: 'web_form',
      publicationPermission: true,
    });
    expect(sample.answer.sent?.text).toContain('Rakennusviraston asiakaspalvelu');
    expect(sample.publication.answer).toBe(sample.answer.sent?.text);
    expect(sample.attachments[0].url).toMatch(/^https:\/\/asiointi\.hel\.fi\//);
    expect(sample.history.find((e) => e.type === 'imported')?.details).toMatchObject({ agency_responsible: 'Rakennusvirasto' });
    expect(sample.history.filter((e) => e.type === 'imported_task')[0].details).toMatchObject({ task_type: 'assigned', task_state: 're_assigned', owner_name: 'Rakennusvirasto' });
    // Every historical agency has a current division; none falls through to Helsinki-info.
    expect(imported.filter((i) => i.departmentId === 'neuvonta')).toEqual([]);
    // Every service code used has a service with a department.
    const services = new Map(central.store.listServices().map((s) => [s.code, s]));
    for (const i of items) expect(services.get(i.serviceCode!)?.departmentId, i.serviceCode!).toBeTruthy();
    expect(new Set(imported.map((i) => i.kind))).toEqual(new Set(['fault_report', 'question', 'praise', 'suggestion', 'criticism']));
  });

  it('maps all historical agencies of the data to a division', () => {
    const rows = JSON.parse(readFileSync(join(DEFAULT_DATA_DIR, 'helsinki-feedback-2014-2016.json'), 'utf8')) as { model: string; fields: Record<string, string> }[];
    const agencies = new Set(rows.filter((r) => r.model === 'api.feedback').map((r) => r.fields.agency_responsible.trim()));
    expect(agencies.size).toBe(22);
    for (const a of agencies) expect(agencyDivision[a], a).toMatch(/^(kymp|kasko|kuva|sote|kanslia)$/);
  });

  it('builds departments, services in three languages and the demo accounts', async () => {
    expect(central.store.listDepartments().map((d) => d.id)).toEqual(['neuvonta', 'kymp', 'kasko', 'kuva', 'sote', 'kanslia']);
    const services = new Map(central.store.listServices().map((s) => [s.code, s]));
    expect(services.get('171')?.name).toEqual({ fi: 'Katujen kunto', sv: 'Potthål', en: 'Potholes' });
    expect(services.get('2808')).toMatchObject({ departmentId: 'sote', name: { fi: 'Sosiaali- ja terveyspalvelut' } });
    for (const code of ['2805', '2806', '2807', '2808', '2809']) expect(services.has(code)).toBe(true);
    for (const s of services.values()) expect(JSON.stringify(s.name)).not.toContain('\uFFFD');

    const desk = new TestDesk(central.url);
    const res = await desk.login('kymp.vastaaja', 'demo');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { staff: unknown }).staff).toMatchObject({ role: 'responder', departmentId: 'kymp' });
    expect(central.store.listStaff().map((s) => [s.username, s.role])).toEqual([
      ['admin', 'admin'],
      ['kasko.vastaaja', 'responder'],
      ['kymp.esihenkilo', 'responder'],
      ['kymp.vastaaja', 'responder'],
      ['moderaattori', 'moderator'],
      ['neuvonta', 'clerk'],
    ]);
    expect(central.store.channelForApiKey('demo-api-key')).toBe('web_form');
  });

  it('has colleagues at work: comment requests, a share, an answer awaiting approval, and text modules', () => {
    const gen = allItems().filter((i) => i.id.startsWith('gen-'));
    const requests = gen.flatMap((i) => i.commentRequests ?? []);
    expect(requests.filter((r) => r.state === 'open').length).toBeGreaterThanOrEqual(3);
    expect(requests.some((r) => r.toStaffId === 'kasko.vastaaja' && Date.parse(r.dueAt) > NOW.getTime())).toBe(true);
    expect(requests.some((r) => r.toDepartmentId === 'kymp')).toBe(true);
    expect(requests.some((r) => Date.parse(r.dueAt) < NOW.getTime())).toBe(true);
    expect(gen.some((i) => i.answer.approval?.state === 'pending' && i.answer.approval.approverId === 'kymp.esihenkilo')).toBe(true);
    expect(gen.some((i) => (i.shares ?? []).some((s) => s.staffId === 'kasko.vastaaja'))).toBe(true);
    // The asked may see what they are asked about (the grants column the pull filters on).
    const granted = central.store.db.prepare("SELECT count(*) AS n FROM items WHERE grants LIKE '%s:kasko.vastaaja%'").get() as { n: number };
    expect(granted.n).toBeGreaterThanOrEqual(2);
    const templates = central.store.reference().templates;
    expect(new Set(templates.map((t) => t.language))).toEqual(new Set(['fi', 'sv', 'en']));
    expect(templates.some((t) => t.departmentId === 'kymp')).toBe(true);
    expect(central.store.listDepartments().find((d) => d.id === 'kymp')?.requiresApproval).toBe(true);
  });

  it('generates about 80 items of current work from the last two weeks', () => {
    const gen = allItems().filter((i) => i.id.startsWith('gen-'));
    expect(gen.length).toBe(80);
    for (const i of gen) {
      const age = NOW.getTime() - Date.parse(i.receivedAt);
      expect(age).toBeGreaterThan(0);
      expect(age).toBeLessThanOrEqual(14 * DAY + 3600_000);
      expect(isOpen(i.status)).toBe(true);
      expect(Date.parse(i.dueAt) - Date.parse(i.receivedAt)).toBe(7 * DAY);
      for (const e of i.history) expect(Date.parse(e.at)).toBeLessThanOrEqual(NOW.getTime());
    }
    const overdue = gen.filter((i) => Date.parse(i.dueAt) < NOW.getTime());
    expect(overdue.length).toBeGreaterThan(5);
    expect(new Set(gen.map((i) => i.status))).toEqual(new Set(['received', 'in_triage', 'forwarded', 'in_progress']));
    expect(gen.filter((i) => i.language === 'sv').length).toBeGreaterThanOrEqual(5);
    expect(gen.filter((i) => i.language === 'en').length).toBeGreaterThanOrEqual(5);
    const email = gen.filter((i) => i.channel === 'email');
    expect(email.length).toBeGreaterThanOrEqual(5);
    for (const i of email) expect(i).toMatchObject({ publicationPermission: false, contact: { email: expect.stringContaining('@') } });
    expect(gen.filter((i) => i.channel === 'verbal').length).toBeGreaterThanOrEqual(3);
    expect(gen.filter((i) => i.contact.phone).length).toBeGreaterThan(3);
    expect(gen.filter((i) => i.assigneeId === 'kymp.vastaaja').length).toBeGreaterThan(2);
    expect(gen.filter((i) => i.assigneeId === 'kasko.vastaaja').length).toBeGreaterThan(0);

    const sensitive = gen.filter((i) => /\d{6}[-A]\d{3}[0-9A-Y]/.test(i.original.description));
    expect(sensitive.length).toBeGreaterThanOrEqual(5);
    for (const i of sensitive) expect(isValidHetu(/\d{6}[-A]\d{3}[0-9A-Y]/.exec(i.original.description)![0])).toBe(true);
    const restricted = gen.filter((i) => i.restricted);
    expect(restricted.length).toBeGreaterThanOrEqual(3);
    // One is hidden even from the clerk (restricted by the admin, assigned to a responder).
    expect(restricted.some((i) => i.restricted!.by === 'admin' && i.assigneeId === 'kasko.vastaaja')).toBe(true);
  });

  it('gives fault reports about potholes, graffiti, litter and fallen trees sent online a photo staff can open', async () => {
    const withPhoto = allItems().filter((i) => i.attachments.some((a) => storedPhotoName(a.url)));
    expect(withPhoto.length).toBeGreaterThanOrEqual(3);
    for (const i of withPhoto) expect(i).toMatchObject({ kind: 'fault_report', channel: expect.stringMatching(/^(web_form|app)$/) });
    const desk = new TestDesk(central.url);
    await desk.login('admin', 'demo');
    const res = await fetch(`${central.url}/staff/v1${withPhoto[0].attachments[0].url}`, { headers: { authorization: `Bearer ${desk.token}` } });
    expect(res.status).toBe(200);
    expect(sniffPhoto(new Uint8Array(await res.arrayBuffer()))?.contentType).toBe('image/png');
  });

  it('adds twelve weeks of answered work, most within the week, some published and some waiting for a decision', () => {
    const answered = allItems().filter((i) => i.id.startsWith('ans-'));
    expect(answered.length).toBe(90);
    const weeks = new Set(answered.map((i) => Math.floor((NOW.getTime() - Date.parse(i.receivedAt)) / (7 * DAY))));
    expect(weeks.size).toBeGreaterThanOrEqual(10);
    const onTime = answered.filter((i) => Date.parse(i.answer.sent!.sentAt) - Date.parse(i.receivedAt) <= 7 * DAY);
    expect(onTime.length / answered.length).toBeGreaterThan(0.6);
    expect(onTime.length).toBeLessThan(answered.length);
    expect(answered.some((i) => i.publication.state === 'published')).toBe(true);
    expect(answered.some((i) => i.publicationPermission && i.publication.state === 'unpublished')).toBe(true);
    for (const i of answered) expect(['answered', 'closed']).toContain(i.status);
  });

  it('is seeded once: a restart keeps the data and does not seed again', async () => {
    const before = { count: central.store.itemCount(), counter: central.store.changeCounter(), ids: allItems().map((i) => i.id) };
    await central.close();
    central = await startCentral({ port: 0, dataDir, seed: 'demo', logLevel: 'silent', now: () => new Date(NOW.getTime() + DAY) });
    expect(central.store.itemCount()).toBe(before.count);
    expect(central.store.changeCounter()).toBe(before.counter);
    expect(allItems().map((i) => i.id)).toEqual(before.ids);
    expect(central.store.listStaff()).toHaveLength(6);
  }, 60_000);
});

describe('seed helpers', () => {
  it('computes personal identity codes with the right check character', () => {
    expect(hetu(new Date(Date.UTC(1952, 9, 13)), 308)).toBe('131052-308T');
    expect(isValidHetu('131052-308T')).toBe(true);
    expect(isValidHetu('131052-308U')).toBe(false);
    expect(hetu(new Date(Date.UTC(2005, 0, 2)), 45)).toMatch(/^020105A045.$/);
  });

  it('repairs the Latin-1 Swedish service list and reads UTF-8 ones unchanged', () => {
    const sv = readJsonRepairingLatin1(join(DEFAULT_DATA_DIR, 'open311', 'services_sv.json')) as { service_name: string }[];
    expect(sv.map((s) => s.service_name)).toContain('Vägmärken');
    const fi = loadOpen311Services(join(DEFAULT_DATA_DIR, 'open311'));
    expect(fi.find((s) => s.code === '176')?.name.fi).toBe('Töhryjen poisto');
  });

  it('reads WKT points and guesses kinds', () => {
    expect(parseWktPoint('SRID=4326;POINT (24.9588253000000009 60.1952311000000009)')).toEqual({ lat: 60.1952311, long: 24.9588253 });
    expect(parseWktPoint('garbage')).toBeNull();
    expect(guessKind('Milloin katu aurataan?', 'Katu on ollut auraamatta viikon.', '171')).toBe('question');
    expect(guessKind('Kiitos', 'Kiitos nopeasta korjauksesta!', '171')).toBe('praise');
    expect(guessKind('Kuoppa', 'Syvä kuoppa ajoradalla.', '171')).toBe('fault_report');
    expect(guessKind('Kirjasto', 'Ehdotan pidempiä aukioloaikoja.', '1261')).toBe('suggestion');
  });
});

describe('a demo database from before answering existed', () => {
  it('gets the approver, the approval requirement and the text modules on its next start, once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'demo-upgrade-'));
    try {
      let c = await startCentral({ port: 0, dataDir: dir, seed: 'demo', logLevel: 'silent', now: () => NOW });
      // As an older version left it.
      c.store.db.exec("DELETE FROM answer_templates; DELETE FROM meta WHERE key = 'seed_answering'");
      c.store.db.prepare("DELETE FROM staff WHERE id = 'kymp.esihenkilo'").run();
      c.store.setDepartmentSettings('kymp', { requiresApproval: false });
      const items = c.store.itemCount();
      await c.close();
      c = await startCentral({ port: 0, dataDir: dir, seed: 'demo', logLevel: 'silent', now: () => NOW });
      expect(c.store.getStaff('kymp.esihenkilo')?.displayName).toBe('Eeva Esihenkilö');
      expect(c.store.getDepartment('kymp')?.requiresApproval).toBe(true);
      expect(c.store.listTemplates().length).toBeGreaterThan(3);
      expect(c.store.itemCount()).toBe(items);
      await c.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
