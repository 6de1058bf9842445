/**
 * Text modules (answer templates) of the demo: city-wide greetings and a few department ones, in
 * Finnish, Swedish and English, with the placeholders of shared/workflow/templates.ts.
 */
import type { AnswerTemplate } from '../../shared/domain/index.js';

const t = (id: string, departmentId: string | null, language: AnswerTemplate['language'], title: string, text: string): Omit<AnswerTemplate, 'updatedAt'> => ({
  id,
  departmentId,
  language,
  title,
  text,
  updatedBy: null,
});

export const DEMO_TEMPLATES: Omit<AnswerTemplate, 'updatedAt'>[] = [
  t('kiitos-fi', null, 'fi', 'Kiitos palautteesta', 'Hei {{sender.name}},\n\nkiitos palautteestanne ({{item.id}}).\n\n\n\nYstävällisin terveisin\n{{responder.name}}\n{{responder.department}}'),
  t('kiitos-sv', null, 'sv', 'Tack för responsen', 'Hej {{sender.name}},\n\ntack för er respons ({{item.id}}).\n\n\n\nMed vänliga hälsningar\n{{responder.name}}\n{{responder.department}}'),
  t('kiitos-en', null, 'en', 'Thank you for your feedback', 'Hello {{sender.name}},\n\nthank you for your feedback ({{item.id}}).\n\n\n\nKind regards\n{{responder.name}}\n{{responder.department}}'),
  t(
    'kymp-korjaus-fi',
    'kymp',
    'fi',
    'Vika korjataan',
    'Hei {{sender.name}},\n\nkiitos ilmoituksestanne, joka koskee aihetta {{item.service}}. Olemme välittäneet asian alueen kunnossapidosta vastaavalle urakoitsijalle, ja korjaus on työjonossa. Tavoitteenamme on korjata vika kahden viikon kuluessa.\n\nYstävällisin terveisin\n{{responder.name}}\n{{responder.department}}',
  ),
  t(
    'kymp-talvi-fi',
    'kymp',
    'fi',
    'Talvikunnossapito',
    'Hei {{sender.name}},\n\nkiitos palautteestanne. Katujen talvikunnossapito tehdään kiireellisyysluokituksen mukaan: ensin pääkadut ja joukkoliikennereitit, sitten asuntokadut. Olemme välittäneet havaintonne alueen urakoitsijalle.\n\nYstävällisin terveisin\n{{responder.name}}\n{{responder.department}}',
  ),
  t(
    'kymp-korjaus-sv',
    'kymp',
    'sv',
    'Felet repareras',
    'Hej {{sender.name}},\n\ntack för er anmälan om {{item.service}}. Vi har skickat ärendet vidare till entreprenören som ansvarar för underhållet i området, och reparationen är i arbetskön.\n\nMed vänliga hälsningar\n{{responder.name}}\n{{responder.department}}',
  ),
  t(
    'kasko-varhaiskasvatus-fi',
    'kasko',
    'fi',
    'Varhaiskasvatuspaikka',
    'Hei {{sender.name}},\n\nkiitos yhteydenotostanne. Varhaiskasvatuspaikkaa koskevat päätökset tehdään hakemusten saapumisjärjestyksessä, ja päätös lähetetään viimeistään neljä kuukautta hakemuksen jättämisestä.\n\nYstävällisin terveisin\n{{responder.name}}\n{{responder.department}}',
  ),
];
