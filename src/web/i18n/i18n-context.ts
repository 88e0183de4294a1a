/**
 * The text catalogue in use and the hook that reads it. Every visible text goes through
 * `useText()`, so the English catalogue is a complete second language, not a partial one.
 */
import { createContext, useContext } from 'react';
import { en } from './en.js';
import { type Catalogue, nl, type TextKey } from './nl.js';

export type Language = 'nl' | 'en';
export const LANGUAGES: readonly Language[] = ['nl', 'en'];
export type TextParams = Record<string, string | number>;
export type Translate = (key: TextKey, params?: TextParams) => string;

const CATALOGUES: Record<Language, Catalogue> = { nl, en };

export function translate(language: Language, key: TextKey, params?: TextParams): string {
  const template = CATALOGUES[language][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
}

export const I18nContext = createContext<I18n | null>(null);

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n needs an I18nProvider');
  return i18n;
}

export function useText(): Translate {
  return useI18n().t;
}
