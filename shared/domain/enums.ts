import { z } from 'zod';

/** Where an item entered the system (P2). `email` and `verbal` never come through the public form. */
export const Channel = z.enum(['web_form', 'service_map', 'department_page', 'app', 'email', 'verbal']);
export type Channel = z.infer<typeof Channel>;

/** What the sender meant to give (P1). */
export const Kind = z.enum(['praise', 'criticism', 'question', 'suggestion', 'fault_report']);
export type Kind = z.infer<typeof Kind>;

export const Language = z.enum(['fi', 'sv', 'en']);
export type Language = z.infer<typeof Language>;

/** Processing state of an item; the allowed moves between them live in shared/workflow/status.ts. */
export const Status = z.enum([
  'received',
  'in_triage',
  'forwarded',
  'in_progress',
  'answered',
  'closed',
  'redirected_to_registry',
  'rejected',
]);
export type Status = z.infer<typeof Status>;

export const Role = z.enum(['clerk', 'responder', 'moderator', 'admin']);
export type Role = z.infer<typeof Role>;

export const PublicationState = z.enum(['unpublished', 'published', 'withheld']);
export type PublicationState = z.infer<typeof PublicationState>;
