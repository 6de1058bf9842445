/**
 * Texts citizens read: notice mails and the status page, in the item's language (fi, sv, en).
 * Kept apart from the desk's staff catalogs because the audience and tone differ.
 */
import type { Language, Status } from '../../shared/domain/index.js';

export interface CitizenMessages {
  ackSubject: string;
  ackBody: (p: { id: string; link: string }) => string;
  answerSubject: string;
  /** Subject of the templated reply sent when an item is redirected to the registry office (P6). */
  redirectSubject: string;
  answerBody: (p: { id: string; answer: string; link: string | null }) => string;
  /** An interim answer (P10): the matter is still being handled. */
  interimSubject: string;
  interimBody: (p: { id: string; answer: string; link: string | null }) => string;
  signature: string;
  statusTitle: string;
  statusIntro: string;
  labels: { id: string; received: string; service: string; state: string; phase: string; answer: string; answeredAt: string; interim: string };
  states: Record<Status, string>;
  /** Where an open item is, by department name only (never a staff name or a comment). */
  phases: { department: (d: string) => string; waitingForComments: (ds: string) => string; transferred: (d: string) => string };
  noAnswerYet: string;
  /** The answer was given some other way than email, or the item holds sensitive matters (P7). */
  answeredOtherwise: string;
  notFoundTitle: string;
  notFoundText: string;
  serviceNotice: string;
}

const fi: CitizenMessages = {
  ackSubject: 'Palautteesi on vastaanotettu',
  ackBody: ({ id, link }) =>
    `Kiitos palautteestasi. Se on vastaanotettu tunnuksella ${id}.\n\nVoit seurata palautteesi käsittelyä osoitteessa:\n${link}\n\nTavoitteemme on vastata noin viikon kuluessa.`,
  answerSubject: 'Vastaus palautteeseesi',
  redirectSubject: 'Palautteesi on ohjattu kirjaamoon',
  answerBody: ({ id, answer, link }) => `Vastaus palautteeseesi (${id}):\n\n${answer}${link ? `\n\nPalautteesi tila: ${link}` : ''}`,
  interimSubject: 'Välitieto palautteestasi',
  interimBody: ({ id, answer, link }) =>
    `Välitieto palautteestasi (${id}). Palautteesi käsittely on vielä kesken, ja saat lopullisen vastauksen myöhemmin.\n\n${answer}${link ? `\n\nPalautteesi tila: ${link}` : ''}`,
  signature: 'Helsingin kaupunki, palautepalvelu\nTähän viestiin ei voi vastata.',
  statusTitle: 'Palautteesi tila',
  statusIntro: 'Tällä sivulla näet palautteesi käsittelyn vaiheen ja vastauksen, kun se on lähetetty.',
  labels: { id: 'Tunnus', received: 'Vastaanotettu', service: 'Aihe', state: 'Tila', phase: 'Vaihe', answer: 'Vastaus', answeredAt: 'Vastattu', interim: 'Välitieto' },
  phases: {
    department: (d) => `Käsittelyssä: ${d}`,
    waitingForComments: (ds) => `Odottaa lausuntoa: ${ds}`,
    transferred: (d) => `Siirretty käsiteltäväksi: ${d}`,
  },
  states: {
    received: 'Vastaanotettu',
    in_triage: 'Käsittelyssä',
    forwarded: 'Välitetty vastattavaksi',
    in_progress: 'Käsittelyssä',
    answered: 'Vastattu',
    closed: 'Käsitelty',
    redirected_to_registry: 'Siirretty kirjaamoon',
    rejected: 'Ei käsitellä palautteena',
  },
  noAnswerYet: 'Vastausta ei ole vielä lähetetty.',
  answeredOtherwise: 'Palautteeseesi on vastattu muuta kautta kuin sähköpostilla.',
  notFoundTitle: 'Sivua ei löydy',
  notFoundText: 'Tarkista linkki. Se voi olla vanhentunut tai kirjoitettu väärin.',
  serviceNotice: 'Palautteesi on vastaanotettu.',
};

const sv: CitizenMessages = {
  ackSubject: 'Din respons har tagits emot',
  ackBody: ({ id, link }) =>
    `Tack för din respons. Den har tagits emot med numret ${id}.\n\nDu kan följa behandlingen av din respons på adressen:\n${link}\n\nVårt mål är att svara inom ungefär en vecka.`,
  answerSubject: 'Svar på din respons',
  redirectSubject: 'Ditt meddelande har skickats till registratorskontoret',
  answerBody: ({ id, answer, link }) => `Svar på din respons (${id}):\n\n${answer}${link ? `\n\nResponsens status: ${link}` : ''}`,
  interimSubject: 'Mellanbesked om din respons',
  interimBody: ({ id, answer, link }) =>
    `Mellanbesked om din respons (${id}). Behandlingen pågår fortfarande, och du får ett slutligt svar senare.\n\n${answer}${link ? `\n\nResponsens status: ${link}` : ''}`,
  signature: 'Helsingfors stad, responstjänsten\nDet går inte att svara på detta meddelande.',
  statusTitle: 'Status för din respons',
  statusIntro: 'På den här sidan ser du hur långt behandlingen av din respons har kommit och svaret när det har skickats.',
  labels: { id: 'Nummer', received: 'Mottagen', service: 'Ämne', state: 'Status', phase: 'Skede', answer: 'Svar', answeredAt: 'Besvarad', interim: 'Mellanbesked' },
  phases: {
    department: (d) => `Behandlas av: ${d}`,
    waitingForComments: (ds) => `Väntar på utlåtande: ${ds}`,
    transferred: (d) => `Överförd till: ${d}`,
  },
  states: {
    received: 'Mottagen',
    in_triage: 'Under behandling',
    forwarded: 'Vidarebefordrad för svar',
    in_progress: 'Under behandling',
    answered: 'Besvarad',
    closed: 'Behandlad',
    redirected_to_registry: 'Överförd till registratorskontoret',
    rejected: 'Behandlas inte som respons',
  },
  noAnswerYet: 'Svaret har inte skickats ännu.',
  answeredOtherwise: 'Din respons har besvarats på annat sätt än per e-post.',
  notFoundTitle: 'Sidan hittades inte',
  notFoundText: 'Kontrollera länken. Den kan vara föråldrad eller felskriven.',
  serviceNotice: 'Din respons har tagits emot.',
};

const en: CitizenMessages = {
  ackSubject: 'Your feedback has been received',
  ackBody: ({ id, link }) =>
    `Thank you for your feedback. It has been received with the reference ${id}.\n\nYou can follow its processing at:\n${link}\n\nWe aim to answer within about a week.`,
  answerSubject: 'Answer to your feedback',
  redirectSubject: 'Your message has been forwarded to the Registry Office',
  answerBody: ({ id, answer, link }) => `Answer to your feedback (${id}):\n\n${answer}${link ? `\n\nStatus of your feedback: ${link}` : ''}`,
  interimSubject: 'An update on your feedback',
  interimBody: ({ id, answer, link }) =>
    `An update on your feedback (${id}). It is still being processed, and you will receive a final answer later.\n\n${answer}${link ? `\n\nStatus of your feedback: ${link}` : ''}`,
  signature: 'City of Helsinki, feedback service\nThis message cannot be replied to.',
  statusTitle: 'Status of your feedback',
  statusIntro: 'This page shows how far your feedback has been processed, and the answer once it has been sent.',
  labels: { id: 'Reference', received: 'Received', service: 'Topic', state: 'Status', phase: 'Stage', answer: 'Answer', answeredAt: 'Answered', interim: 'Update' },
  phases: {
    department: (d) => `Being handled by: ${d}`,
    waitingForComments: (ds) => `Waiting for a statement from: ${ds}`,
    transferred: (d) => `Transferred to: ${d}`,
  },
  states: {
    received: 'Received',
    in_triage: 'Being processed',
    forwarded: 'Forwarded for an answer',
    in_progress: 'Being processed',
    answered: 'Answered',
    closed: 'Processed',
    redirected_to_registry: 'Moved to the registry office',
    rejected: 'Not processed as feedback',
  },
  noAnswerYet: 'No answer has been sent yet.',
  answeredOtherwise: 'Your feedback has been answered by other means than email.',
  notFoundTitle: 'Page not found',
  notFoundText: 'Please check the link. It may be out of date or mistyped.',
  serviceNotice: 'Your feedback has been received.',
};

export const citizenMessages: Record<Language, CitizenMessages> = { fi, sv, en };
