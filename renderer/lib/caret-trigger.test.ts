import { describe, expect, it } from 'vitest';
import { mentionedUsernames, mentionTrigger, replaceTrigger, templateTrigger } from './caret-trigger.js';

describe('caret triggers', () => {
  it('finds :: and what follows it up to the caret', () => {
    expect(templateTrigger('Hei ::kii', 9)).toEqual({ start: 4, query: 'kii' });
    expect(templateTrigger('::', 2)).toEqual({ start: 0, query: '' });
    expect(templateTrigger('kello 10::30', 12)).toEqual({ start: 8, query: '30' });
    expect(templateTrigger('Hei ::kii', 5)).toBeNull();
    expect(templateTrigger('ei mitään', 9)).toBeNull();
    // a line break ends it
    expect(templateTrigger('::kiitos\nja', 11)).toBeNull();
  });

  it('finds an @mention at a word start only', () => {
    expect(mentionTrigger('Kysy @kal', 9)).toEqual({ start: 5, query: 'kal' });
    expect(mentionTrigger('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionTrigger('matti@example', 13)).toBeNull();
  });

  it('replaces the trigger with the chosen text and puts the caret after it', () => {
    const text = 'Hei ::kii loppu';
    const r = replaceTrigger(text, 9, templateTrigger(text, 9)!, 'Kiitos palautteesta.');
    expect(r).toEqual({ text: 'Hei Kiitos palautteesta. loppu', caret: 24 });
  });

  it('names the known colleagues mentioned, once each', () => {
    const known = new Set(['kasko.vastaaja', 'neuvonta']);
    expect(mentionedUsernames('@kasko.vastaaja katso tämä, ja (@neuvonta). @kasko.vastaaja @tuntematon matti@example.com', known)).toEqual(['kasko.vastaaja', 'neuvonta']);
  });
});
