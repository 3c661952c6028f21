import { de, type MessageKey, type Messages } from './messages.de';
import { en } from './messages.en';

export type Language = 'de' | 'en';
export type MessageParams = Readonly<Record<string, string | number>>;

export const LANGUAGES: readonly Language[] = ['de', 'en'];
const DICTIONARIES: Readonly<Record<Language, Messages>> = { de, en };
const STORAGE_KEY = 'wahl.language';

/** Looks a key up and fills `{name}` placeholders; unknown placeholders stay visible so they get noticed. */
export function translate(messages: Messages, key: MessageKey, params: MessageParams = {}): string {
  return messages[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export const isLanguage = (value: unknown): value is Language => value === 'de' || value === 'en';

let current: Language = 'de';

export const currentLanguage = (): Language => current;

export function t(key: MessageKey, params?: MessageParams): string {
  return translate(DICTIONARIES[current], key, params);
}

/** German unless the user chose English before; the choice is remembered in this browser only. */
export function restoreLanguage(): Language {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be disabled; German then.
  }
  setLanguage(isLanguage(stored) ? stored : 'de', false);
  return current;
}

export function setLanguage(language: Language, remember = true): void {
  current = language;
  document.documentElement.lang = language;
  if (!remember) return;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered, still switched.
  }
}

export type { MessageKey };
