/**
 * The citizen's status page, /status/{token} (P4): a small server-rendered page in the item's
 * language with the processing state and, once sent, the answer. It shows no personal data (not
 * even the feedback text, which may hold some), escapes every value and allows no script.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Department, FeedbackItem, Language, Service } from '../../shared/domain/index.js';
import { publicPhase, type PublicPhase } from '../open311/format/public-request.js';
import type { CentralStore } from '../store/central-store.js';
import { citizenMessages } from '../mail/citizen-messages.js';
import { itemIdForStatusToken } from '../mail/status-tokens.js';

const STYLE = `body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}
h1{font-size:1.6rem;margin-bottom:.25rem}dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
dt{font-weight:600}dd{margin:0}.answer{white-space:pre-wrap;border-left:4px solid #0000bf;padding:.5rem 1rem;background:#f2f2f2}`;
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');
export const STATUS_PAGE_CSP = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const dateFormats: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

function formatDate(iso: string, lang: Language): string {
  return new Intl.DateTimeFormat(dateFormats[lang], { timeZone: 'Europe/Helsinki', dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
}

function page(lang: Language, title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}

function phaseText(m: (typeof citizenMessages)[Language], phase: PublicPhase): string {
  switch (phase.kind) {
    case 'waiting_for_comments':
      return m.phases.waitingForComments(phase.departments.join(', '));
    case 'transferred':
      return m.phases.transferred(phase.department);
    case 'department':
      return m.phases.department(phase.department);
  }
}

export interface StatusPageContext {
  service: Service | null;
  departments: ReadonlyMap<string, Department>;
  staffDepartments: ReadonlyMap<string, string | null>;
}

export function renderStatusPage(item: FeedbackItem, ctx: StatusPageContext): string {
  const lang = item.language;
  const m = citizenMessages[lang];
  const phase = publicPhase(item, { departments: ctx.departments, staffDepartments: ctx.staffDepartments, locale: lang });
  const rows: [string, string][] = [
    [m.labels.id, item.serviceRequestId],
    [m.labels.received, formatDate(item.receivedAt, lang)],
    ...(ctx.service ? [[m.labels.service, ctx.service.name[lang]] as [string, string]] : []),
    [m.labels.state, m.states[item.status]],
    ...(phase ? [[m.labels.phase, phaseText(m, phase)] as [string, string]] : []),
  ];
  const sent = item.answer.sent;
  // The page shows only what the sender already received by email; an answer given by phone or
  // in person, or to a restricted item (P7), is mentioned but not shown to whoever holds the link.
  const shown = (channel: string) => channel === 'email' && !item.restricted;
  const interim = (item.answer.interim ?? [])
    .map(
      (i) =>
        `<h2>${escapeHtml(m.labels.interim)}</h2><p>${escapeHtml(formatDate(i.sentAt, lang))}</p>${
          shown(i.channel) ? `<div class="answer">${escapeHtml(i.text)}</div>` : `<p>${escapeHtml(m.answeredOtherwise)}</p>`
        }`,
    )
    .join('');
  const answer = !sent
    ? `<p>${escapeHtml(m.noAnswerYet)}</p>`
    : `<h2>${escapeHtml(m.labels.answer)}</h2><p>${escapeHtml(m.labels.answeredAt)}: ${escapeHtml(formatDate(sent.sentAt, lang))}</p>${
        shown(sent.channel) ? `<div class="answer">${escapeHtml(sent.text)}</div>` : `<p>${escapeHtml(m.answeredOtherwise)}</p>`
      }`;
  const body = `<h1>${escapeHtml(m.statusTitle)}</h1><p>${escapeHtml(m.statusIntro)}</p><dl>${rows
    .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`)
    .join('')}</dl>${interim}${answer}`;
  return page(lang, m.statusTitle, body);
}

function secure(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-security-policy', STATUS_PAGE_CSP)
    .header('x-content-type-options', 'nosniff')
    // The token is in the URL: never hand it on to another site, never cache it anywhere.
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', 'no-store')
    .header('x-frame-options', 'DENY')
    .header('x-robots-tag', 'noindex')
    .type('text/html; charset=utf-8');
}

export function statusPageRoutes(store: CentralStore) {
  return async function register(app: FastifyInstance): Promise<void> {
    app.get('/status/:token', async (request, reply) => {
      const { token } = request.params as { token: string };
      const itemId = itemIdForStatusToken(store.db, token);
      const item = itemId ? store.getItem(itemId) : null;
      if (!item) {
        const lang: Language = 'fi';
        const m = citizenMessages[lang];
        return secure(reply.status(404)).send(page(lang, m.notFoundTitle, `<h1>${escapeHtml(m.notFoundTitle)}</h1><p>${escapeHtml(m.notFoundText)}</p>`));
      }
      const service = item.serviceCode ? store.getService(item.serviceCode) : null;
      const departments = new Map(store.listDepartments().map((d) => [d.id, d]));
      const staffDepartments = new Map(store.listStaff().map((s) => [s.id, s.departmentId]));
      return secure(reply).send(renderStatusPage(item, { service, departments, staffDepartments }));
    });
  };
}
