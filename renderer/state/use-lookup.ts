import { useMemo } from 'react';
import type { LocalizedText, Reference } from '../../shared/domain/reference.js';
import type { UiLanguage } from '../../shared/i18n/index.js';
import { useReference, useSession } from './queries.js';
import { useUiStore } from './ui-store.js';

export interface Lookup {
  department(id: string | null): string | null;
  service(code: string | null): string | null;
  staff(id: string | null): string | null;
}

export function buildLookup(reference: Reference | undefined, lang: UiLanguage): Lookup {
  const pick = (text: LocalizedText) => text[lang] || text.fi;
  const departments = new Map(reference?.departments.map((d) => [d.id, pick(d.name)]));
  const services = new Map(reference?.services.map((s) => [s.code, pick(s.name)]));
  const staff = new Map(reference?.staff.map((s) => [s.id, s.displayName]));
  return {
    department: (id) => (id === null ? null : (departments.get(id) ?? id)),
    service: (code) => (code === null ? null : (services.get(code) ?? code)),
    staff: (id) => (id === null ? null : (staff.get(id) ?? id)),
  };
}

/** Names for ids in the UI language, from getReference (departments, services, staff). */
export function useLookup(): Lookup {
  const session = useSession();
  const reference = useReference(Boolean(session.data));
  const lang = useUiStore((s) => s.language);
  return useMemo(() => buildLookup(reference.data, lang), [reference.data, lang]);
}
