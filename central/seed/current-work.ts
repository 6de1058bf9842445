/**
 * Generated current work for the demo: about 80 items received in the last two weeks, so the
 * inbox is alive. Deterministic (fixed PRNG seed); times are relative to the moment of seeding.
 * Street and district names: data/wordlists (facts, via City-of-Helsinki/text-anonymizer).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FeedbackItem, type Channel, type HistoryEvent, type Kind, type Language, type Status } from '../../shared/domain/index.js';
import { dueAtFor } from '../../shared/workflow/index.js';
import { Prng } from './prng.js';
import { hetu } from './hetu.js';
import { DEMO_STAFF } from './demo-staff.js';
import { seedEvent, type SeedActor } from './history-event.js';

export interface Template {
  lang: Language;
  department: string;
  service: string;
  kind: Kind;
  title: string;
  /** Placeholders: {street} {no} {district} {name} {hetu} */
  text: string;
}

const fi = (department: string, service: string, kind: Kind, title: string, text: string): Template => ({ lang: 'fi', department, service, kind, title, text });
const sv = (department: string, service: string, kind: Kind, title: string, text: string): Template => ({ lang: 'sv', department, service, kind, title, text });
const en = (department: string, service: string, kind: Kind, title: string, text: string): Template => ({ lang: 'en', department, service, kind, title, text });

export const finnish: Template[] = [
  fi('kymp', '171', 'fault_report', 'Syvä kuoppa ajoradalla', '{street} {no}:n kohdalla on ajoradalla syvä kuoppa, johon pyöräni eturengas meinasi jäädä kiinni. Kuoppa on täynnä vettä, joten sitä ei näe pimeällä. Toivottavasti se paikataan pian ennen kuin joku loukkaantuu.'),
  fi('kymp', '172', 'fault_report', 'Bussikatoksen lasi rikottu', 'Pysäkkikatoksen lasiseinä on rikottu osoitteessa {street} {no}. Lasinsiruja on levinnyt jalkakäytävälle ja pyörätielle.'),
  fi('kymp', '246', 'fault_report', 'Roska-astiat täynnä', 'Puiston roska-astiat osoitteessa {street} {no} ovat olleet täynnä jo viikon. Roskat leviävät tuulen mukana nurmikolle ja lokit repivät pusseja auki.'),
  fi('kymp', '176', 'fault_report', 'Töhryjä sähkökaapissa', '{street} {no}:n kohdalla olevaan sähkökaappiin ja viereiseen seinään on tehty viikonloppuna töhryjä. Joukossa on myös loukkaavia sanoja.'),
  fi('kymp', '198', 'fault_report', 'Liikennemerkki kaatunut', 'Suojatien liikennemerkki on ajettu nurin {street} {no}:n kohdalla ja makaa nyt jalkakäytävällä. Autoilijat eivät huomaa suojatietä pimeällä.'),
  fi('kymp', '174', 'fault_report', 'Puistokäytävän valot pimeänä', 'Puistokäytävän valot ovat olleet pimeinä useana iltana {street} {no}:n kohdalla. Käytävä on iltaisin todella pimeä ja liukas.'),
  fi('kymp', '211', 'fault_report', 'Rikkinäinen keinu leikkipuistossa', 'Leikkipuiston keinusta on katkennut toinen ketju, ja keinu roikkuu vinossa. Se on vaarallinen pienille lapsille. Leikkipuisto on osoitteessa {street} {no}.'),
  fi('kymp', '180', 'fault_report', 'Vesivuoto jalkakäytävällä', 'Jalkakäytävälle valuu vettä {street} {no}:n kohdalla ja kohta on jäätynyt. Siinä on jo kaatunut ainakin kaksi ihmistä.'),
  fi('kymp', '171', 'fault_report', 'Jalkakäytävä auraamatta', 'Katu {street} on jäänyt auraamatta kolmena päivänä peräkkäin. Jalkakäytävällä on paksu polanne ja ikäihmisten on vaikea liikkua.'),
  fi('kymp', '2806', 'criticism', 'Työmaa sulkee jalkakäytävän', 'Työmaa on sulkenut jalkakäytävän osoitteessa {street} {no} ilman kiertotieopasteita. Lastenvaunujen kanssa joutuu kävelemään ajoradalla.'),
  fi('kymp', '2806', 'suggestion', 'Lisää pyörätelineitä', 'Ehdotan lisää pyörätelineitä {street} {no}:n kohdalle. Nykyiset telineet ovat aina täynnä ja pyöriä pysäköidään jalkakäytävälle.'),
  fi('kymp', '2806', 'question', 'Milloin katu asfaltoidaan?', 'Katu {street} kaivettiin auki syksyllä ja on edelleen sorapintainen. Milloin katu on tarkoitus asfaltoida uudelleen?'),
  fi('kymp', '2806', 'praise', 'Kiitos nopeasta korjauksesta', 'Kiitos, että {street} {no}:n kohdalla ollut kuoppa korjattiin jo seuraavana päivänä ilmoituksesta. Hienoa toimintaa!'),
  fi('kymp', '234', 'fault_report', 'Kaatunut puu ulkoilupolulla', 'Myrsky on kaatanut ison kuusen ulkoilupolun päälle lähellä osoitetta {street} {no} ({district}). Polulla ei pääse kulkemaan pyörällä eikä lastenrattailla.'),
  fi('kasko', '2805', 'question', 'Päivähoitopaikan päätös viipyy', 'Haimme lapsellemme päivähoitopaikkaa läheltä kotiamme ({district}) jo kolme kuukautta sitten, mutta emme ole vielä saaneet päätöstä. Milloin päätös on tulossa?'),
  fi('kasko', '2805', 'criticism', 'Koulun sisäilma', 'Lapseni koulussa on ollut pitkään tunkkainen ja kostea haju, ja useat oppilaat ovat valittaneet päänsärkyä. Toivomme, että asiaan puututaan pian.'),
  fi('kasko', '2805', 'praise', 'Kiitos päiväkodin henkilökunnalle', 'Haluan kiittää päiväkodin henkilökuntaa lämpimästä ja ammattitaitoisesta otteesta. Lapsemme on viihtynyt hoidossa erinomaisesti.'),
  fi('kasko', '2805', 'suggestion', 'Koulumatkan turvallisuus', 'Koulun edessä osoitteessa {street} {no} autot ajavat aamuisin kovaa. Ehdotan hidastetöyssyä ja koulukadun merkintää.'),
  fi('kasko', '2805', 'criticism', 'Kouluruoka ei riitä', 'Koulun kasvisruoka on ollut tällä viikolla kolme kertaa pelkkää perunaa ja kastiketta. Lapset tulevat kotiin nälkäisinä.'),
  fi('kuva', '2807', 'praise', 'Kiitos kirjastolle', 'Oodin henkilökunta auttoi ystävällisesti 3D-tulostimen käytössä. Kiitos hienosta palvelusta!'),
  fi('kuva', '2807', 'criticism', 'Uimahallin aukioloajat', 'Uimahallin aukioloaikoja lyhennettiin ilman ennakkoilmoitusta. Työssäkäyvänä en ehdi enää uimaan arkisin lainkaan.'),
  fi('kuva', '2807', 'suggestion', 'Valaistut ladut myös arki-iltaisin', 'Toivoisin, että Paloheinän valaistut ladut ajettaisiin myös arki-iltaisin. Nyt ladut ovat usein ajamatta tiistaisin ja torstaisin.'),
  fi('kuva', '2807', 'question', 'Eläkeläisen kuntosalikortti', 'Paljonko eläkeläisen kuntosalikortti kaupungin uimahalleihin maksaa ja mistä sen voi ostaa?'),
  fi('sote', '2808', 'criticism', 'Terveysasemalle ei pääse läpi', 'Yritin soittaa terveysasemalle koko aamun, mutta puhelu katkesi joka kerta. Takaisinsoittopalvelukaan ei toiminut.'),
  fi('sote', '2808', 'praise', 'Kiitos hammashoitolalle', 'Kävin hammashoitolassa ja sain todella hyvää ja kivutonta hoitoa. Kiitos ystävälliselle hammaslääkärille!'),
  fi('neuvonta', '2809', 'question', 'Helsinki-päivän ohjelma', 'Mistä löytyy Helsinki-päivän tapahtumien ohjelma ja ovatko tapahtumat maksuttomia?'),
  fi('neuvonta', '2809', 'criticism', 'Palautelomake ei toimi', 'Yritin lähettää palautetta hel.fi-sivujen lomakkeella, mutta lähetys epäonnistui kolme kertaa. Lähetän siksi sähköpostilla.'),
  // P6: belongs to the registry office, not the feedback channel; triage should redirect it.
  fi('neuvonta', '2809', 'criticism', 'Muistutus rakennuslupapäätöksestä', 'Teen muistutuksen rakennuslupapäätöksestä, joka koskee osoitetta {street} {no}. Naapurikiinteistön lisärakentaminen varjostaa pihaamme, eikä meitä kuultu.'),
];

export const swedish: Template[] = [
  sv('kymp', '171', 'fault_report', 'Djupt hål i cykelvägen', 'Det finns ett djupt hål i cykelvägen vid {street} {no}. Jag var nära att ramla med cykeln i går kväll. Laga det gärna snart.'),
  sv('kuva', '2807', 'praise', 'Tack till biblioteket', 'Stort tack till personalen på biblioteket för den fina sagostunden på svenska. Barnen älskade den!'),
  sv('kasko', '2805', 'question', 'Svenskspråkig dagvård', 'Finns det lediga platser i svenskspråkig dagvård i närheten av {district}? Vi flyttar till Helsingfors i januari.'),
  sv('kymp', '2806', 'criticism', 'Snöröjningen fungerar inte', 'Trottoaren vid {street} {no} har inte plogats på flera dagar. Det är mycket halt och äldre personer vågar inte gå ut.'),
  sv('kymp', '2806', 'suggestion', 'Fler bänkar längs stranden', 'Jag föreslår att man sätter ut fler bänkar längs strandpromenaden vid {street}. Många äldre behöver kunna vila under promenaden.'),
];

export const english: Template[] = [
  en('kymp', '172', 'fault_report', 'Smashed bench and broken streetlight', 'The bench next to {street} {no} has been smashed and the streetlight above it is out. It feels unsafe to walk there at night.'),
  en('neuvonta', '2809', 'question', 'How do I get a residential parking permit?', 'I just moved to {district} and I am trying to find out how to apply for a residential parking permit. Where can I find the instructions in English?'),
  en('kuva', '2807', 'praise', 'Thank you, Yrjönkatu swimming hall', 'I visited the Yrjönkatu swimming hall last week and the staff were very friendly and helpful to us as visitors. Thank you!'),
  en('kymp', '2806', 'criticism', 'Construction noise at night', 'The construction site at {street} {no} has been working past 22:00 for several nights. Our children cannot sleep.'),
  en('kasko', '2805', 'suggestion', 'School letters in English too', 'Please send the school enrolment letters in English as well. Many international families in {district} miss the deadlines because the letters are only in Finnish.'),
];

/** Items with health or social-welfare information and a personal identity code (P5, P7, P19d). */
interface Person {
  sex: 'f' | 'm' | 'any';
  born: [number, number];
}
const sensitive: (Template & { restrict: 'clerk' | 'admin' | null; assignee: string | null; person: Person })[] = [
  {
    ...fi('sote', '2808', 'criticism', 'Reseptiä ei ole uusittu', 'Olen {name} (hetu {hetu}). Minulla todettiin viime kuussa tyypin 1 diabetes ja insuliinihoito aloitettiin, mutta reseptiäni ei ole uusittu ja lääkkeet loppuvat ensi viikolla. Terveysasemalta ei vastata puhelimeen.'),
    restrict: 'clerk',
    assignee: null,
    person: { sex: 'any', born: [1955, 1998] },
  },
  {
    ...fi('kasko', '2805', 'criticism', 'Lapsen tuen tarve koulussa', 'Lapsemme {name} ({hetu}) on saanut ADHD-diagnoosin ja tarvitsee koulunkäynninohjaajan tukea. Koulu ei ole järjestänyt tukea, vaikka lääkärin lausunto toimitettiin jo elokuussa.'),
    restrict: 'admin',
    assignee: 'kasko.vastaaja',
    person: { sex: 'any', born: [2010, 2018] },
  },
  {
    ...fi('sote', '2808', 'criticism', 'Äidin kotihoito', 'Äitini {name}, henkilötunnus {hetu}, sairastaa muistisairautta, ja kotihoidon käyntejä on jäänyt väliin. Hän ei ole saanut lääkkeitään ajallaan ja kaatui viime viikolla kotonaan.'),
    restrict: 'clerk',
    assignee: null,
    person: { sex: 'f', born: [1932, 1948] },
  },
  {
    ...fi('sote', '2808', 'criticism', 'Psykiatrisen ajan odotus', 'Olen ollut pitkään masentunut ja yritin hakea apua psykiatrian poliklinikalta. Henkilötunnukseni on {hetu}. Ajan saaminen kestää kolme kuukautta, mikä on kohtuutonta.'),
    restrict: null,
    assignee: null,
    person: { sex: 'any', born: [1960, 2004] },
  },
  {
    ...fi('sote', '2808', 'question', 'Toimeentulotuen käsittely', 'Hain toimeentulotukea kuukausi sitten (henkilötunnus {hetu}, {name}), enkä ole saanut päätöstä. Vuokra erääntyy perjantaina. Milloin hakemukseni käsitellään?'),
    restrict: null,
    assignee: null,
    person: { sex: 'any', born: [1960, 2004] },
  },
];

/** Recorded by a Helsinki-info clerk for a citizen at the counter or on the phone (P2, P29). */
const verbal: Template[] = [
  fi('kymp', '198', 'fault_report', 'Suojatien valo rikki', 'Asiakas kävi Helsinki-infossa ja kertoi, että {street} {no}:n kohdalla olevan suojatien valo on ollut rikki kaksi viikkoa. Asiakas toivoo yhteydenottoa puhelimitse.'),
  fi('kuva', '2807', 'praise', 'Kiitos kirjaston avusta', 'Asiakas kiittää kirjaston henkilökuntaa kärsivällisestä avusta verkkopankkitunnusten ja Suomi.fi-asioinnin kanssa.'),
  fi('kymp', '171', 'fault_report', 'Liukas jalkakäytävä palvelutalon edessä', 'Ikäihminen kertoi puhelimessa, että palvelutalon edessä osoitteessa {street} {no} jalkakäytävä on liukas ja hiekoittamatta. Useat asukkaat eivät uskalla lähteä ulos.'),
  fi('neuvonta', '2809', 'question', 'Kaupungin vuokra-asunnon haku', 'Asiakas kysyi neuvonnassa, miten kaupungin vuokra-asuntoa haetaan ja kauanko jonotus kestää. Asiakas ei käytä sähköpostia.'),
];

const FEMALE_NAMES = ['Aino', 'Helmi', 'Kaarina', 'Leena', 'Oona', 'Riitta', 'Sanna', 'Anna-Liisa', 'Johanna', 'Saara', 'Marjatta', 'Elina'];
const MALE_NAMES = ['Eero', 'Juhani', 'Matti', 'Mikko', 'Niko', 'Pekka', 'Tapio', 'Ville', 'Emil', 'Ilmari', 'Kalevi', 'Antti'];
const SURNAMES = ['Korhonen', 'Virtanen', 'Mäkinen', 'Nieminen', 'Mäkelä', 'Hämäläinen', 'Laine', 'Heikkinen', 'Koskinen', 'Järvinen', 'Lehtonen', 'Lindqvist', 'Saarinen', 'Salminen', 'Karjalainen'];

export function readLines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !/\d/.test(l));
}

function emailOf(first: string, last: string): string {
  const ascii = (s: string) =>
    s
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z-]/g, '');
  return `${ascii(first)}.${ascii(last)}@example.com`;
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;

export interface CurrentWorkOptions {
  now: Date;
  dataDir: string;
  count?: number;
  seed?: number;
}

/** Build the generated items. Pure given its inputs: same now and seed, same items. */
export function generateCurrentWork(opts: CurrentWorkOptions): FeedbackItem[] {
  const rng = new Prng(opts.seed ?? 20261127);
  const count = opts.count ?? 80;
  const streets = readLines(join(opts.dataDir, 'wordlists', 'helsinki-streets.txt'));
  const districts = readLines(join(opts.dataDir, 'wordlists', 'helsinki-districts.txt')).filter((d) => d !== 'Helsinki');
  const now = opts.now.getTime();
  const staffById = new Map(DEMO_STAFF.map((s) => [s.id, s]));
  const clerk = staffById.get('neuvonta')!;
  const admin = staffById.get('admin')!;

  type Slot = { template: Template; channel: Channel; sensitive?: (typeof sensitive)[number] };
  const slots: Slot[] = [];
  for (const s of sensitive) slots.push({ template: s, channel: 'web_form', sensitive: s });
  for (const v of verbal) slots.push({ template: v, channel: 'verbal' });
  for (let i = 0; i < 8; i++) slots.push({ template: swedish[i % swedish.length], channel: rng.pick(['web_form', 'web_form', 'app'] as const) });
  for (let i = 0; i < 7; i++) slots.push({ template: english[i % english.length], channel: rng.pick(['web_form', 'app'] as const) });
  // Deal the Finnish templates like cards, so each appears about twice rather than some five times.
  const deck: Template[] = [];
  const nextFinnish = () => {
    if (deck.length === 0) deck.push(...rng.shuffle([...finnish]));
    return deck.pop()!;
  };
  for (let i = 0; i < 8; i++) slots.push({ template: nextFinnish(), channel: 'email' });
  while (slots.length < count) {
    const t = nextFinnish();
    const channel: Channel =
      t.service.length <= 3
        ? rng.pick(['web_form', 'service_map', 'app'] as const)
        : t.department === 'neuvonta'
          ? rng.pick(['web_form', 'app'] as const)
          : rng.pick(['web_form', 'web_form', 'department_page'] as const);
    slots.push({ template: t, channel });
  }
  rng.shuffle(slots);

  const items: FeedbackItem[] = [];
  slots.slice(0, count).forEach((slot, index) => {
    const { template: t, channel } = slot;
    // Skewed towards recent days, so about a third are older than the one-week target (overdue).
    const ageMs = Math.floor(14 * DAY * Math.pow(rng.next(), 1.6)) + 10 * 60_000;
    const receivedAtMs = now - ageMs;
    const receivedAt = new Date(receivedAtMs).toISOString();
    const street = rng.pick(streets);
    const no = String(rng.int(1, 60));
    const district = rng.pick(districts);
    const person = slot.sensitive?.person ?? { sex: 'any', born: [1940, 2005] };
    const female = person.sex === 'f' || (person.sex === 'any' && rng.chance(0.5));
    const first = rng.pick(female ? FEMALE_NAMES : MALE_NAMES);
    const last = rng.pick(SURNAMES);
    const fullName = `${first} ${last}`;
    const birthYear = rng.int(person.born[0], person.born[1]);
    // The individual number is even for women and odd for men.
    const individual = rng.int(1, 449) * 2 + (female ? 0 : 1);
    const personCode = hetu(new Date(Date.UTC(birthYear, rng.int(0, 11), rng.int(1, 28))), Math.min(individual, 899));
    const fill = (s: string) =>
      s.replaceAll('{street}', street).replaceAll('{no}', no).replaceAll('{district}', district).replaceAll('{name}', fullName).replaceAll('{hetu}', personCode);
    const title = fill(t.title);
    const description = fill(t.text);
    const usesStreet = t.text.includes('{street}');

    const isEmail = channel === 'email';
    const isVerbal = channel === 'verbal';
    const hasEmail = isEmail || (!isVerbal && rng.chance(0.4)) || !!slot.sensitive;
    const hasPhone = (isVerbal && rng.chance(0.7)) || (!isEmail && rng.chance(0.15));
    const named = isEmail || hasEmail || rng.chance(0.3);
    const publicationPermission = isEmail ? false : slot.sensitive ? false : rng.chance(0.75);

    // Status by age: new items wait in Helsinki-info's triage, older ones are with departments.
    let status: Status;
    const ageDays = ageMs / DAY;
    if (ageDays < 1) status = rng.chance(0.7) ? 'received' : 'in_triage';
    else if (ageDays < 3) status = rng.pick(['received', 'in_triage', 'forwarded', 'forwarded'] as const);
    else status = rng.chance(0.12) ? 'received' : rng.pick(['forwarded', 'in_progress', 'in_progress'] as const);
    if (channel === 'department_page' && status !== 'in_progress') status = 'forwarded';
    if (slot.sensitive) status = slot.sensitive.restrict ? 'in_progress' : 'received';
    if (t.department === 'neuvonta' && (status === 'forwarded' || status === 'in_progress')) status = 'in_triage';

    const atHelsinkiInfo = status === 'received' || status === 'in_triage';
    const departmentId = atHelsinkiInfo ? 'neuvonta' : t.department;
    const responder = DEMO_STAFF.find((s) => s.role === 'responder' && s.departmentId === departmentId);
    let assigneeId: string | null = null;
    if (slot.sensitive) assigneeId = slot.sensitive.assignee;
    else if (responder && (status === 'in_progress' || (status === 'forwarded' && rng.chance(0.3)))) assigneeId = responder.id;

    const srid = rng.alnum(20);
    const history: HistoryEvent[] = [];
    let clock = receivedAtMs;
    const step = (minH: number, maxH: number) => {
      clock = Math.min(clock + rng.int(minH * 60, maxH * 60) * 60_000, now - 60_000);
      return new Date(clock).toISOString();
    };
    const ev = (at: string, actor: SeedActor, type: string, details: Record<string, unknown> = {}) => seedEvent(`${srid}-${history.length}`, at, actor, type, details);
    history.push(ev(receivedAt, isVerbal ? clerk : null, isVerbal ? 'recorded_walk_in' : 'received', { channel }));
    if (!atHelsinkiInfo || status === 'in_triage') history.push(ev(step(0.2, 3), clerk, 'triage_started'));
    if (!atHelsinkiInfo && channel !== 'department_page') history.push(ev(step(0.5, 6), clerk, 'forwarded', { from: 'neuvonta', to: departmentId, note: null }));
    let restricted: FeedbackItem['restricted'] = null;
    if (slot.sensitive?.restrict) {
      const by = slot.sensitive.restrict === 'admin' ? admin : clerk;
      const at = step(0.1, 2);
      restricted = { reason: 'Terveystietoja ja henkilötunnus (P5, P19d)', by: by.id, at };
      history.push(ev(at, by, 'restricted', { reason: restricted.reason }));
    }
    if (assigneeId) history.push(ev(step(1, 20), staffById.get(assigneeId)!, 'assigned', { from: null, to: assigneeId }));
    if (status === 'in_progress' && !slot.sensitive) history.push(ev(step(0.5, 10), assigneeId ? staffById.get(assigneeId)! : clerk, 'status_changed', { to: 'in_progress' }));

    const comments: FeedbackItem['comments'] = [];
    if (!atHelsinkiInfo && rng.chance(0.25)) {
      const at = step(0.2, 4);
      const text = hasPhone ? 'Asiakas toivoo yhteydenottoa puhelimitse.' : 'Välitetty toimialalle. Aiheesta on tullut useampi palaute tällä viikolla.';
      comments.push({ id: `${srid}-c1`, authorId: clerk.id, authorName: clerk.displayName, at, text });
      history.push(ev(at, clerk, 'commented', { commentId: `${srid}-c1` }));
    }
    let draft: FeedbackItem['answer']['draft'] = null;
    if (status === 'in_progress' && assigneeId && !slot.sensitive && rng.chance(0.4)) {
      const at = step(0.5, 8);
      const texts: Record<Language, string> = {
        fi: 'Hei,\n\nkiitos palautteestanne. Olemme välittäneet asian alueen kunnossapidosta vastaavalle, ja korjaus on työjonossa.\n\nYstävällisin terveisin',
        sv: 'Hej,\n\ntack för er respons. Vi har skickat ärendet vidare till underhållet i området.\n\nMed vänliga hälsningar',
        en: 'Hello,\n\nthank you for your feedback. We have passed the matter on to the maintenance team of the area.\n\nKind regards',
      };
      draft = { text: texts[t.lang], version: 1, updatedBy: assigneeId, updatedAt: at };
      history.push(ev(at, staffById.get(assigneeId)!, 'answer_draft_saved', { version: 1 }));
    }

    const updatedAt = history[history.length - 1].at;
    const lat = 60.16 + rng.next() * 0.1;
    const long = 24.86 + rng.next() * 0.24;
    items.push(
      FeedbackItem.parse({
        id: `gen-${String(index + 1).padStart(3, '0')}-${srid.slice(0, 8)}`,
        serviceRequestId: srid,
        version: 1,
        channel,
        kind: t.kind,
        language: t.lang,
        receivedAt,
        updatedAt,
        original: { title, description },
        author: named ? { displayName: fullName, anonymous: false } : rng.chance(0.4) ? { displayName: first, anonymous: false } : { displayName: null, anonymous: true },
        contact: { email: hasEmail ? emailOf(first, last) : null, phone: hasPhone ? `040 ${rng.int(100, 999)} ${rng.int(1000, 9999)}` : null },
        publicationPermission,
        location: usesStreet ? { lat: Math.round(lat * 1e6) / 1e6, long: Math.round(long * 1e6) / 1e6, address: `${street} ${no}, Helsinki` } : null,
        attachments: [],
        serviceCode: t.service,
        departmentId,
        assigneeId,
        restricted,
        status,
        detailedStatus: null,
        dueAt: dueAtFor(receivedAt),
        comments,
        answer: { draft, sent: null, approvedBy: null },
        publication: { state: 'unpublished', title: null, text: null, answer: null, publishedAt: null },
        history,
      }),
    );
  });
  return items.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
}
