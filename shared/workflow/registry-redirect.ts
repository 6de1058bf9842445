import type { Language } from '../domain/enums.js';

/** The city's registry office, where statutory reminders, complaints and rectification requests belong (P6). */
export const REGISTRY_OFFICE_EMAIL = 'helsinki.kirjaamo@hel.fi';

const templates: Record<Language, string> = {
  fi: [
    'Hei,',
    '',
    'kiitos yhteydenotostasi. Viestisi on muistutus, kantelu tai oikaisuvaatimus, joita ei käsitellä palautejärjestelmässä.',
    `Olemme ohjanneet asian Helsingin kaupungin kirjaamoon (${REGISTRY_OFFICE_EMAIL}), joka käsittelee sen virallisena asiakirjana.`,
    'Kirjaamo ottaa sinuun tarvittaessa yhteyttä.',
    '',
    'Ystävällisin terveisin',
    'Helsinki-neuvonta',
  ].join('\n'),
  sv: [
    'Hej,',
    '',
    'tack för ditt meddelande. Det är en anmärkning, ett klagomål eller ett omprövningsyrkande, som inte behandlas i responssystemet.',
    `Vi har skickat ärendet till Helsingfors stads registratorskontor (${REGISTRY_OFFICE_EMAIL}), som behandlar det som en officiell handling.`,
    'Registratorskontoret kontaktar dig vid behov.',
    '',
    'Med vänliga hälsningar',
    'Helsingforsinfo',
  ].join('\n'),
  en: [
    'Hello,',
    '',
    'thank you for your message. It is a statutory reminder, a complaint or a request for rectification, which the feedback system does not handle.',
    `We have forwarded it to the City of Helsinki Registry Office (${REGISTRY_OFFICE_EMAIL}), which handles it as an official document.`,
    'The Registry Office will contact you if needed.',
    '',
    'Kind regards',
    'Helsinki Info',
  ].join('\n'),
};

/** The reply sent to the citizen when an item is redirected to the registry office, in the item's language. */
export function registryRedirectReply(language: Language): string {
  return templates[language];
}
