/**
 * Departments and services for the demo seed.
 * Service lists and historical agency names: © City of Helsinki (Open311 API, see data/ATTRIBUTION.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Department, LocalizedText, Service } from '../../shared/domain/index.js';

/** The current city divisions (toimialat) plus Helsinki-info, which triages everything (P8). */
export const departments: Department[] = [
  { id: 'neuvonta', code: 'neuvonta', name: { fi: 'Helsinki-neuvonta', sv: 'Helsingforsinfo', en: 'Helsinki Info' } },
  {
    id: 'kymp',
    code: 'kymp',
    name: { fi: 'Kaupunkiympäristön toimiala', sv: 'Stadsmiljösektorn', en: 'Urban Environment Division' },
    requiresApproval: true,
  },
  { id: 'kasko', code: 'kasko', name: { fi: 'Kasvatuksen ja koulutuksen toimiala', sv: 'Fostrans- och utbildningssektorn', en: 'Education Division' } },
  { id: 'kuva', code: 'kuva', name: { fi: 'Kulttuurin ja vapaa-ajan toimiala', sv: 'Kultur- och fritidssektorn', en: 'Culture and Leisure Division' } },
  {
    id: 'sote',
    code: 'sote',
    name: {
      fi: 'Sosiaali-, terveys- ja pelastustoimiala',
      sv: 'Social-, hälsovårds- och räddningssektorn',
      en: 'Social Services, Health Care and Rescue Services Division',
    },
  },
  { id: 'kanslia', code: 'kanslia', name: { fi: 'Kaupunginkanslia', sv: 'Stadskansliet', en: 'City Executive Office' } },
];

/**
 * Where each agency of the 2014-2016 data lives after the 2017 reorganisation into divisions.
 * The historical name stays in each item's history.
 */
export const agencyDivision: Record<string, string> = {
  Rakennusvirasto: 'kymp',
  Kaupunkisuunnitteluvirasto: 'kymp',
  Rakennusvalvontavirasto: 'kymp',
  'Rakennusvalvontaviraston Tellinki': 'kymp',
  Kiinteistövirasto: 'kymp',
  'Kiinteistöviraston tilakeskus': 'kymp',
  'Kiinteistöviraston tonttiosasto': 'kymp',
  Ympäristökeskus: 'kymp',
  'Helsingin kaupungin liikennelaitos': 'kymp',
  Stara: 'kymp',
  Liikuntavirasto: 'kuva',
  'Liikuntaviraston merelliset palvelut': 'kuva',
  'Liikuntaviraston liikunta- ja hyvinvointipalvelut': 'kuva',
  'Liikuntaviraston sisäliikuntapalvelut': 'kuva',
  'Liikuntaviraston ulkoliikuntapalvelut': 'kuva',
  Kaupunginkirjasto: 'kuva',
  Nuorisoasiainkeskus: 'kuva',
  'Helsingin taidemuseo': 'kuva',
  Kulttuurikeskus: 'kuva',
  Opetusvirasto: 'kasko',
  Varhaiskasvatusvirasto: 'kasko',
  'Sosiaali- ja terveysvirasto': 'sote',
  Pelastuslaitos: 'sote',
  Kaupunginkanslia: 'kanslia',
  'Kaupunginkanslian verkkoviestintä': 'kanslia',
  // The wholesale market and the city's marketing company are run under the City Executive Office.
  'Helsingin Tukkutori': 'kanslia',
  'Helsingin Markkinointi Oy': 'kanslia',
};

export function divisionOfAgency(agency: string): string {
  return agencyDivision[agency.trim()] ?? 'neuvonta';
}

/** Division-level services Helsinki uses for feedback that is not about a street-level fault. */
export const divisionServices: Service[] = [
  {
    code: '2805',
    name: { fi: 'Kasvatus ja koulutus', sv: 'Fostran och utbildning', en: 'Education' },
    group: 'Toimialat',
    keywords: ['koulu', 'päiväkoti', 'varhaiskasvatus'],
    departmentId: 'kasko',
  },
  {
    code: '2806',
    name: { fi: 'Kaupunkiympäristö', sv: 'Stadsmiljö', en: 'Urban environment' },
    group: 'Toimialat',
    keywords: ['katu', 'puisto', 'liikenne', 'rakentaminen'],
    departmentId: 'kymp',
  },
  {
    code: '2807',
    name: { fi: 'Kulttuuri ja vapaa-aika', sv: 'Kultur och fritid', en: 'Culture and leisure' },
    group: 'Toimialat',
    keywords: ['kirjasto', 'liikunta', 'nuoriso', 'kulttuuri'],
    departmentId: 'kuva',
  },
  {
    code: '2808',
    name: { fi: 'Sosiaali- ja terveyspalvelut', sv: 'Social- och hälsovårdstjänster', en: 'Social and health services' },
    group: 'Toimialat',
    keywords: ['terveysasema', 'sosiaalityö', 'hammashoito'],
    departmentId: 'sote',
  },
  {
    code: '2809',
    name: { fi: 'Yleinen ja muu palaute', sv: 'Allmän och annan respons', en: 'General and other feedback' },
    group: 'Toimialat',
    keywords: [],
    departmentId: 'neuvonta',
  },
];

/** Division service for items whose own service code is missing. */
export const divisionServiceCode: Record<string, string> = {
  kasko: '2805',
  kymp: '2806',
  kuva: '2807',
  sote: '2808',
  kanslia: '2809',
  neuvonta: '2809',
};

interface Open311Service {
  service_code: string | number;
  service_name: string;
  description?: string;
  keywords?: string;
  group?: string;
}

/**
 * Read a JSON file that should be UTF-8. Helsinki's services_sv.json is Latin-1: decoding it as
 * UTF-8 would turn every å, ä and ö into U+FFFD, so bytes that are not valid UTF-8 are read as Latin-1.
 */
export function readJsonRepairingLatin1(path: string): unknown {
  const bytes = readFileSync(path);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = bytes.toString('latin1');
  }
  return JSON.parse(text.replace(/^\uFEFF/, ''));
}

function splitKeywords(k: string | undefined): string[] {
  return (k ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The ten street-level services of Helsinki's Open311 API, with fi/sv/en names from the three
 * published service lists. They are all handled by the Urban Environment Division.
 */
export function loadOpen311Services(open311Dir: string): Service[] {
  const fi = readJsonRepairingLatin1(join(open311Dir, 'services_fi.json')) as Open311Service[];
  const en = readJsonRepairingLatin1(join(open311Dir, 'services.json')) as Open311Service[];
  const sv = readJsonRepairingLatin1(join(open311Dir, 'services_sv.json')) as Open311Service[];
  const byCode = (list: Open311Service[], code: string) => list.find((s) => String(s.service_code) === code);
  return fi.map((f) => {
    const code = String(f.service_code);
    const e = byCode(en, code);
    const s = byCode(sv, code);
    const name: LocalizedText = { fi: f.service_name, sv: s?.service_name ?? e?.service_name ?? f.service_name, en: e?.service_name ?? f.service_name };
    const description: LocalizedText = {
      fi: f.description ?? '',
      sv: s?.description ?? e?.description ?? '',
      en: e?.description ?? '',
    };
    return { code, name, description, group: f.group, keywords: splitKeywords(f.keywords), departmentId: 'kymp' };
  });
}

/**
 * Services the 2014-2016 data uses but Helsinki's public list does not describe. They keep their
 * code (so Open311 output matches the original) under a name saying which agency handled them.
 */
export function historicalService(code: string, agency: string, englishName: string): Service {
  const departmentId = divisionOfAgency(agency);
  const label = englishName || `${agency} ${code}`;
  return {
    code,
    name: {
      fi: englishName ? `${englishName} (${code})` : `${agency}: palvelu ${code}`,
      sv: englishName ? `${englishName} (${code})` : `${agency}: tjänst ${code}`,
      en: englishName ? label : `${agency}: service ${code}`,
    },
    group: 'Historialliset palvelut',
    keywords: [],
    departmentId,
  };
}
