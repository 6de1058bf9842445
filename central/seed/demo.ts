/**
 * The demo seed: real published Helsinki feedback 2014-2016 plus generated current work, demo
 * staff and a demo Open311 api key. Source data © City of Helsinki (data/ATTRIBUTION.md).
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { CentralStore } from '../store/central-store.js';
import { hashPassword } from '../store/passwords.js';
import { departments, divisionServices, loadOpen311Services } from './reference-data.js';
import { convertHelsinkiFixture } from './helsinki-import.js';
import { generateAnsweredHistory } from './answered-history.js';
import { generateCurrentWork } from './current-work.js';
import { DEMO_API_KEY, DEMO_PASSWORD, DEMO_STAFF } from './demo-staff.js';
import { drawDemoPhoto, sceneForService } from './demo-photos.js';
import { Prng } from './prng.js';
import { addDemoCollaboration } from './demo-collaboration.js';
import { DEMO_TEMPLATES } from './demo-templates.js';
import { writeMediaFiles, type WrittenMedia } from '../http/media-files.js';
import type { FeedbackItem } from '../../shared/domain/index.js';

/** The project's data folder (copied from ../shared/data with its attribution). */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

export interface SeedReport {
  seeded: boolean;
  importedItems: number;
  generatedItems: number;
}

/**
 * Seed a database that has never been seeded and holds no items. Idempotent: the marker is
 * written in the same transaction as the data, so a crash leaves either nothing or everything.
 */
export async function seedDemo(store: CentralStore, opts: { now: Date; dataDir?: string } ): Promise<SeedReport> {
  if (store.getMeta('seed') !== null || store.itemCount() > 0) {
    await upgradeDemoSeed(store, opts.now);
    return { seeded: false, importedItems: 0, generatedItems: 0 };
  }
  const dataDir = opts.dataDir ?? DEFAULT_DATA_DIR;

  const open311Services = loadOpen311Services(join(dataDir, 'open311'));
  const services = [...open311Services, ...divisionServices];
  const imported = convertHelsinkiFixture(join(dataDir, 'helsinki-feedback-2014-2016.json'), new Set(services.map((s) => s.code)));
  const generated = [...generateCurrentWork({ now: opts.now, dataDir }), ...generateAnsweredHistory({ now: opts.now, dataDir })];
  addDemoCollaboration(generated, departments, opts.now);
  // scrypt is asynchronous; hash before the (synchronous) transaction.
  const hashes = await Promise.all(DEMO_STAFF.map(() => hashPassword(DEMO_PASSWORD)));
  const photos = attachDemoPhotos(store, generated);

  store.transaction(() => {
    if (store.getMeta('seed') !== null) {
      for (const { media } of photos) media.discard();
      return;
    }
    for (const { item, media } of photos) media.record(item.id, item.receivedAt);
    departments.forEach((d, i) => store.putDepartment(d, i));
    [...services, ...imported.extraServices].forEach((s, i) => store.putService(s, i));
    DEMO_STAFF.forEach((s, i) => store.insertStaff(s, hashes[i]));
    for (const template of DEMO_TEMPLATES) store.putTemplate({ ...template, updatedAt: opts.now.toISOString() });
    store.addApiKey(DEMO_API_KEY, 'demo web form', 'web_form');
    for (const item of imported.items) store.putItem(item, { keepVersion: true });
    for (const item of generated) store.putItem(item, { keepVersion: true, senderIp: item.channel === 'web_form' || item.channel === 'app' ? '192.0.2.10' : null });
    store.setMeta('seed', JSON.stringify({ kind: 'demo', at: opts.now.toISOString() }));
    store.setMeta(ANSWERING_SEED, opts.now.toISOString());
  });
  return { seeded: true, importedItems: imported.items.length, generatedItems: generated.length };
}

const ANSWERING_SEED = 'seed_answering';

/**
 * A demo database seeded before answering existed gets what the demo now has for it: the approver
 * of Kaupunkiympäristö, its approval requirement and the text modules. Items are left as they are.
 */
async function upgradeDemoSeed(store: CentralStore, now: Date): Promise<void> {
  const seed = store.getMeta('seed');
  if (!seed || !seed.includes('"demo"') || store.getMeta(ANSWERING_SEED) !== null) return;
  const known = new Set(store.listStaff().map((s) => s.id));
  const missing = DEMO_STAFF.filter((s) => !known.has(s.id));
  const hashes = await Promise.all(missing.map(() => hashPassword(DEMO_PASSWORD)));
  store.transaction(() => {
    missing.forEach((s, i) => store.insertStaff(s, hashes[i]));
    for (const d of departments) if (d.requiresApproval) store.setDepartmentSettings(d.id, { requiresApproval: true });
    for (const template of DEMO_TEMPLATES) if (!store.getTemplate(template.id)) store.putTemplate({ ...template, updatedAt: now.toISOString() });
    store.setMeta(ANSWERING_SEED, now.toISOString());
  });
}

/**
 * Fault reports sent from the web form or the app about potholes, graffiti, litter and fallen trees
 * come with a drawn photo, as such reports often do: the desk's photo view has something to show.
 */
function attachDemoPhotos(store: CentralStore, items: FeedbackItem[]): { item: FeedbackItem; media: WrittenMedia }[] {
  const rng = new Prng(20261128);
  const out: { item: FeedbackItem; media: WrittenMedia }[] = [];
  for (const item of items) {
    const scene = sceneForService(item.serviceCode);
    if (!scene || item.kind !== 'fault_report' || (item.channel !== 'web_form' && item.channel !== 'app')) continue;
    const media = writeMediaFiles(store, [{ data: drawDemoPhoto(scene, rng), contentType: 'image/png', extension: 'png', originalName: 'kuva.png' }]);
    item.attachments = [...media.attachments, ...item.attachments];
    out.push({ item, media });
  }
  return out;
}
