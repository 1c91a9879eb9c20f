// The pages' strings. The host and the tests use shared/i18n with every catalogue; a judge's phone must not download
// the console's thousand strings, so in the renderer build shared/i18n resolves to this module (electron.config.ts):
// the core strings are here from the start and each role's chunk adds its own area's before it renders
// (renderer/App.tsx). tests/unit/page-messages.test.ts checks that every key a page can show is loaded for it.
// The English core strings arrive only when English is chosen (loadLocale): most phones never need them.
import { defaultLocale, type Locale } from '../../shared/domain/vocabulary';
import { fillMessage, isLocale, type MessageParams } from '../../shared/i18n/fill';
import { core as zhCore, type MessageKey } from '../../shared/i18n/zh-CN';

export { isLocale };
export type { MessageKey, MessageParams };

/** One area's strings, as each file in shared/i18n/parts exports them (or a whole catalogue, for the console). */
export interface MessagePart {
  zh: Partial<Record<MessageKey, string>>;
  en: Partial<Record<MessageKey, string>>;
}

const loaded: Record<Locale, Partial<Record<MessageKey, string>>> = { 'zh-CN': { ...zhCore }, en: {} };
let englishCore: Promise<void> | null = null;

/** Whether `locale`'s core strings are here (Chinese always is). */
export function isLocaleLoaded(locale: Locale): boolean {
  return locale === defaultLocale || 'app.name' in loaded[locale];
}

/** Fetches the core strings of `locale` once; until they arrive, its pages would show Chinese. */
export function loadLocale(locale: Locale): Promise<void> {
  if (isLocaleLoaded(locale)) return Promise.resolve();
  englishCore ??= import('../../shared/i18n/en-core').then(
    ({ core }) => void Object.assign(loaded.en, core),
    (error: unknown) => {
      englishCore = null; // offline for a moment: the next switch tries again
      throw error;
    },
  );
  return englishCore;
}

/** Makes an area's strings available; called by a role's chunk loader before the page renders. */
export function addMessages(...parts: readonly MessagePart[]): void {
  for (const part of parts) {
    Object.assign(loaded['zh-CN'], part.zh);
    Object.assign(loaded.en, part.en);
  }
}

/** The message for `key` in `locale`; a key whose area this page did not load shows as itself (and is logged). */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template = loaded[locale][key] ?? loaded[defaultLocale][key];
  if (template === undefined) {
    console.error(`Podium: the message ${key} is not loaded on this page`);
    return key;
  }
  return fillMessage(locale, template, params);
}
