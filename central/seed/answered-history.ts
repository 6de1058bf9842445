/**
 * Generated answered work of the last twelve weeks, so the demo's dashboard has a history
 * ("answered within the week" per week) and moderators have answered items with publication
 * permission waiting for a decision. Deterministic; times relative to the moment of seeding.
 */
import { join } from 'node:path';
import { FeedbackItem, type Language } from '../../shared/domain/index.js';
import { dueAtFor } from '../../shared/workflow/index.js';
import { english, finnish, readLines, swedish, type Template } from './current-work.js';
import { DEMO_STAFF } from './demo-staff.js';
import { seedEvent, type SeedActor } from './history-event.js';
import { Prng } from './prng.js';

const DAY = 24 * 3600_000;

const answers: Record<Language, string[]> = {
  fi: [
    'Hei,\n\nkiitos palautteestanne. Asia on korjattu, ja kohde on tarkastettu.\n\nYstävällisin terveisin',
    'Hei,\n\nkiitos ilmoituksesta. Korjaus on tilattu urakoitsijalta ja se tehdään kahden viikon kuluessa.\n\nYstävällisin terveisin',
    'Hei,\n\nkiitos kysymyksestänne. Lisätietoja löytyy kaupungin verkkosivuilta, ja neuvonta auttaa mielellään puhelimitse.\n\nYstävällisin terveisin',
    'Hei,\n\nkiitos ehdotuksestanne. Se on välitetty suunnittelijoille, jotka huomioivat sen alueen seuraavassa kunnostuksessa.\n\nYstävällisin terveisin',
  ],
  sv: ['Hej,\n\ntack för er respons. Felet har åtgärdats och platsen har granskats.\n\nMed vänliga hälsningar'],
  en: ['Hello,\n\nthank you for your feedback. The matter has been fixed and the site inspected.\n\nKind regards'],
};

export function generateAnsweredHistory(opts: { now: Date; dataDir: string; count?: number; seed?: number }): FeedbackItem[] {
  const rng = new Prng(opts.seed ?? 20260901);
  const count = opts.count ?? 90;
  const streets = readLines(join(opts.dataDir, 'wordlists', 'helsinki-streets.txt'));
  const districts = readLines(join(opts.dataDir, 'wordlists', 'helsinki-districts.txt')).filter((d) => d !== 'Helsinki');
  const clerk = DEMO_STAFF.find((s) => s.role === 'clerk')!;
  const templates: Template[] = [...finnish, ...finnish, ...swedish, ...english].filter((t) => !/\{(name|hetu)\}/.test(t.text) && !/Muistutus/.test(t.title));
  const now = opts.now.getTime();
  const items: FeedbackItem[] = [];
  for (let index = 0; index < count; index++) {
    const t = rng.pick(templates);
    const receivedAtMs = now - rng.int(15, 84) * DAY - rng.int(0, 23) * 3600_000;
    const receivedAt = new Date(receivedAtMs).toISOString();
    // About three in four answered within the one-week target (P10).
    const answerDays = rng.chance(0.75) ? rng.int(1, 6) : rng.int(8, 16);
    const sentAt = new Date(receivedAtMs + answerDays * DAY + rng.int(1, 8) * 3600_000).toISOString();
    const street = rng.pick(streets);
    const no = String(rng.int(1, 60));
    const fill = (s: string) => s.replaceAll('{street}', street).replaceAll('{no}', no).replaceAll('{district}', rng.pick(districts));
    const department = t.department === 'neuvonta' ? 'neuvonta' : t.department;
    const responder = DEMO_STAFF.find((s) => s.role === 'responder' && s.departmentId === department) ?? clerk;
    const srid = rng.alnum(20);
    const hasEmail = rng.chance(0.6);
    const permission = rng.chance(0.7);
    const answerText = rng.pick(answers[t.lang]);
    const published = permission && rng.chance(0.5);
    const ev = (at: string, actor: SeedActor, type: string, details: Record<string, unknown> = {}) => seedEvent(`${srid}-${type}`, at, actor, type, details);
    const forwardedAt = new Date(receivedAtMs + rng.int(1, 20) * 3600_000).toISOString();
    const history = [
      ev(receivedAt, null, 'received', { channel: 'web_form' }),
      ev(forwardedAt, clerk, 'forwarded', { from: 'neuvonta', to: department, note: null }),
      ev(sentAt, responder, 'answer_sent', { channel: hasEmail ? 'email' : 'none' }),
    ];
    const title = fill(t.title);
    const description = fill(t.text);
    if (published) history.push(ev(new Date(Date.parse(sentAt) + DAY).toISOString(), null, 'published'));
    items.push(
      FeedbackItem.parse({
        id: `ans-${String(index + 1).padStart(3, '0')}-${srid.slice(0, 8)}`,
        serviceRequestId: srid,
        version: 1,
        channel: rng.pick(['web_form', 'app', 'service_map'] as const),
        kind: t.kind,
        language: t.lang,
        receivedAt,
        updatedAt: history[history.length - 1]!.at,
        original: { title, description },
        author: rng.chance(0.5) ? { displayName: rng.pick(['Aino', 'Mikko', 'Leena', 'Pekka', 'Sanna']), anonymous: false } : { displayName: null, anonymous: true },
        contact: { email: hasEmail ? `palaute${index + 1}@example.com` : null, phone: null },
        publicationPermission: permission,
        location: description.includes(street) ? { lat: 60.16 + rng.next() * 0.1, long: 24.86 + rng.next() * 0.24, address: `${street} ${no}, Helsinki` } : null,
        attachments: [],
        serviceCode: t.service,
        departmentId: department,
        assigneeId: responder.id,
        restricted: null,
        status: rng.chance(0.8) ? 'closed' : 'answered',
        detailedStatus: 'PROCESSED',
        dueAt: dueAtFor(receivedAt),
        comments: [],
        answer: { draft: null, sent: { text: answerText, sentAt, sentBy: responder.displayName, channel: hasEmail ? 'email' : 'none' }, approvedBy: responder.id },
        publication: published
          ? { state: 'published', title, text: description, answer: answerText, publishedAt: history[history.length - 1]!.at }
          : { state: 'unpublished', title: null, text: null, answer: null, publishedAt: null },
        history,
      }),
    );
  }
  return items.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
}
