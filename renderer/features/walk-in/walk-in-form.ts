import { isValidPhoneNumber } from 'libphonenumber-js';
import { z } from 'zod';
import type { Kind, Language } from '../../../shared/domain/enums.js';

export type Identity = 'name' | 'nickname' | 'anonymous';

export interface WalkInValues {
  kind: Kind | '';
  language: Language;
  title: string;
  text: string;
  serviceCode: string | null;
  address: string;
  identity: Identity;
  displayName: string;
  email: string;
  phone: string;
  permission: 'yes' | 'no' | '';
}

export type WalkInErrors = Partial<Record<'kind' | 'text' | 'displayName' | 'email' | 'phone' | 'permission', string>>;

const email = z.email().max(320);

/** Field errors as i18n keys (walkIn.errors.*); empty when the form may be saved. */
export function validateWalkIn(v: WalkInValues): WalkInErrors {
  const e: WalkInErrors = {};
  if (!v.kind) e.kind = 'walkIn.errors.summary';
  if (v.text.trim().length < 10) e.text = 'walkIn.errors.text';
  if (v.identity !== 'anonymous' && !v.displayName.trim()) e.displayName = 'walkIn.errors.name';
  if (v.email.trim() && !email.safeParse(v.email.trim()).success) e.email = 'walkIn.errors.email';
  if (v.phone.trim() && !isValidPhoneNumber(v.phone.trim(), 'FI')) e.phone = 'walkIn.errors.phone';
  if (v.permission === '') e.permission = 'walkIn.errors.permission';
  return e;
}

/** Helsinki's public ids are 20 lower-case alphanumerics; the desk chooses one so it works offline. */
export function newServiceRequestId(random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  // Rejection sampling keeps every character equally likely (256 is not a multiple of 36).
  while (out.length < 20) for (const b of random(32)) if (b < 252 && out.length < 20) out += alphabet[b % 36];
  return out;
}

/** The createWalkIn mutation's args from valid form values. */
export function walkInArgs(v: WalkInValues, ids: { itemId: string; serviceRequestId: string }): Record<string, unknown> {
  const opt = (s: string) => (s.trim() ? s.trim() : undefined);
  const phone = opt(v.phone);
  return {
    itemId: ids.itemId,
    serviceRequestId: ids.serviceRequestId,
    kind: v.kind,
    language: v.language,
    title: opt(v.title),
    description: v.text.trim(),
    serviceCode: v.serviceCode ?? undefined,
    address: opt(v.address),
    displayName: v.identity === 'anonymous' ? undefined : opt(v.displayName),
    email: opt(v.email),
    phone,
    publicationPermission: v.permission === 'yes',
    permissionAsked: true,
  };
}
