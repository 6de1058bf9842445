import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { DeskArgs } from '../../../shared/api/desk-api.js';
import type { FeedbackItem } from '../../../shared/domain/feedback-item.js';
import type { Language } from '../../../shared/domain/enums.js';
import { useDesk } from '../../app/desk-context.js';
import { keys } from '../../state/queries.js';

export interface EditorTexts {
  title: string | null;
  text: string;
  answer: string | null;
}

/** The value after it has stopped changing for `ms` (typing should not start a scan per key). */
export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setV(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return v;
}

/** Findings and checklist for the given (possibly unsaved) texts of the item. */
export function useModerationScan(item: FeedbackItem, texts: EditorTexts) {
  const desk = useDesk();
  return useQuery({
    queryKey: ['moderation', 'scan', item.id, item.updatedAt, texts.title, texts.text, texts.answer],
    queryFn: () => desk.moderationScan({ itemId: item.id, texts }),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}

export function useSpellcheck(text: string, language: Language) {
  const desk = useDesk();
  return useQuery({
    queryKey: ['moderation', 'spell', language, text],
    queryFn: () => desk.spellcheck({ text, language }),
    enabled: text.trim().length > 0,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}

/** One publication mutation (editPublication, decidePublication); the returned item replaces the cached one. */
export function usePublicationMutation() {
  const desk = useDesk();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (call: DeskArgs<'mutate'>) => desk.mutate(call),
    onSuccess: ({ item }) => {
      client.setQueryData(keys.item(item.id), item);
      void client.invalidateQueries({ queryKey: keys.inbox });
      void client.invalidateQueries({ queryKey: keys.syncStatus });
    },
  });
}
