import type { Role } from '../../shared/domain/index.js';

/** Demo accounts (demo seed only), each with the password `demo`. Listed in the README. */
export const DEMO_PASSWORD = 'demo';

export const DEMO_STAFF: { id: string; username: string; displayName: string; role: Role; departmentId: string | null }[] = [
  { id: 'neuvonta', username: 'neuvonta', displayName: 'Niina Neuvoja', role: 'clerk', departmentId: 'neuvonta' },
  { id: 'kymp.vastaaja', username: 'kymp.vastaaja', displayName: 'Kalle Katumestari', role: 'responder', departmentId: 'kymp' },
  // Kaupunkiympäristö requires a second person's approval of each answer (P11); she gives it.
  { id: 'kymp.esihenkilo', username: 'kymp.esihenkilo', displayName: 'Eeva Esihenkilö', role: 'responder', departmentId: 'kymp' },
  { id: 'kasko.vastaaja', username: 'kasko.vastaaja', displayName: 'Kaisa Koulutoimi', role: 'responder', departmentId: 'kasko' },
  // P23: the City Executive Office's communications owns the publication principles.
  { id: 'moderaattori', username: 'moderaattori', displayName: 'Mirja Moderaattori', role: 'moderator', departmentId: 'kanslia' },
  { id: 'admin', username: 'admin', displayName: 'Aapo Ylläpitäjä', role: 'admin', departmentId: null },
];

export const DEMO_API_KEY = 'demo-api-key';
