import type { Language, Service } from '../../../shared/domain/index.js';

/** A service as the spec lists it; Helsinki's services carry no extra attributes (metadata false). */
export function publicService(service: Service, locale: Language): Record<string, unknown> {
  return {
    service_code: service.code,
    service_name: service.name[locale],
    description: service.description?.[locale] ?? '',
    metadata: false,
    type: 'realtime',
    keywords: service.keywords.join(','),
    group: service.group ?? '',
  };
}

/** GET services/{code}: Helsinki defines no attributes, so the definition is the empty list. */
export function serviceDefinition(service: Service): Record<string, unknown> {
  return { service_code: service.code, attributes: [] };
}

export function discoveryDocument(opts: { baseUrl: string; changeset: string; contact: string; keyService: string }): Record<string, unknown> {
  return {
    changeset: opts.changeset,
    contact: opts.contact,
    key_service: opts.keyService,
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `${opts.baseUrl}/open311/v1`,
        changeset: opts.changeset,
        type: 'production',
        formats: ['text/xml', 'application/json'],
        locales: ['fi_FI', 'sv_FI', 'en_GB'],
      },
    ],
  };
}
