/**
 * Suggestions for one item, for the triage panel: the rules of shared/workflow/suggestions.ts fed
 * with what only the desk core has (the moderation recognizers, the service list, similar cached
 * items). Suggestions are only shown; the clerk accepts each one explicitly (a mutation).
 */
import type { FeedbackItem } from '../../../shared/domain/feedback-item.js';
import type { Service } from '../../../shared/domain/reference.js';
import { createModerationEngine, type ModerationEngine } from '../../../shared/moderation/index.js';
import {
  suggestDuplicates,
  suggestRegistryRedirect,
  suggestRestriction,
  suggestRouting,
  type Suggestion,
} from '../../../shared/workflow/suggestions.js';

export type { Suggestion } from '../../../shared/workflow/suggestions.js';

export interface TriageSuggester {
  suggest(item: FeedbackItem, services: readonly Service[], candidates: readonly FeedbackItem[]): Suggestion[];
}

/**
 * The moderation engine is built on first use and kept: only the health and identity-code
 * recognizers run here, and neither needs the name/street lexicon, so the empty lexicon is used
 * (no word lists are loaded into the desk core at all).
 */
export function createTriageSuggester(makeEngine: () => ModerationEngine = () => createModerationEngine()): TriageSuggester {
  let engine: ModerationEngine | null = null;
  return {
    suggest(item, services, candidates) {
      const text = `${item.original.title ?? ''}\n${item.original.description}`;
      const out: Suggestion[] = [];
      if (item.status !== 'redirected_to_registry') {
        const redirect = suggestRegistryRedirect(text);
        if (redirect) out.push(redirect);
      }
      if (!item.restricted) {
        engine ??= makeEngine();
        const findings = engine.scan(text, { kinds: ['health', 'hetu'], language: item.language });
        const restrict = suggestRestriction(findings.map((f) => ({ kind: f.kind, text: text.slice(f.start, f.end) })));
        if (restrict) out.push(restrict);
      }
      for (const d of suggestDuplicates(item, candidates)) if (item.duplicateOf !== (d as { itemId: string }).itemId) out.push(d);
      const route = suggestRouting(text, services);
      if (route && route.type === 'route' && (route.serviceCode !== item.serviceCode || (route.departmentId !== null && route.departmentId !== item.departmentId))) {
        out.push(route);
      }
      return out;
    },
  };
}
