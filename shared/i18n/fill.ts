import { locales, type Locale } from '../domain/vocabulary';

/** A list (of names) is joined the way the language lists things: 王评委、李评委 / 王评委, 李评委. */
export type MessageParams = Record<string, string | number | readonly string[]>;

/** A message's text with its `{name}` placeholders filled in; one rule for the host and for the pages' own strings. */
export function fillMessage(locale: Locale, template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? value.join(locale === 'en' ? ', ' : '、') : String(value);
  });
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}
