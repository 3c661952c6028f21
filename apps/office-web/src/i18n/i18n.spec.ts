import { describe, expect, it } from 'vitest';
import { isLanguage, translate } from './i18n';
import { de, type MessageKey } from './messages.de';
import { en } from './messages.en';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();

describe('translate', () => {
  it('should fill placeholders when parameters are given', () => {
    expect(translate(de, 'shell.signedInAs', { user: 'mmueller' })).toBe('Angemeldet als mmueller');
    expect(translate(en, 'elections.count', { count: 3 })).toBe('3 elections');
  });

  it('should leave an unknown placeholder visible when its parameter is missing', () => {
    expect(translate(de, 'signIn.wait')).toBe('Erneut möglich in {time}');
  });
});

describe('dictionaries', () => {
  it('should have the same keys and placeholders in German and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
    for (const key of Object.keys(de) as MessageKey[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(de[key]));
      expect(en[key].trim(), key).not.toBe('');
    }
  });

  it('should recognise only the two supported languages', () => {
    expect(['de', 'en', 'fr', null].map(isLanguage)).toEqual([true, true, false, false]);
  });
});
