// The event's own words, each enum defined once (STYLE rule 8).

export const eventKinds = ['contest', 'training'] as const;
export type EventKind = (typeof eventKinds)[number];

export const genders = ['male', 'female'] as const;
export type Gender = (typeof genders)[number];

/** Who a bearer token speaks for. */
export const scopes = ['admin', 'judge', 'desk', 'public'] as const;
export type Scope = (typeof scopes)[number];

export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'zh-CN';

/** Pages of the renderer, one per role (hash routes). */
export const roles = ['console', 'judge', 'screen', 'checkin', 'survey', 'desk'] as const;
export type Role = (typeof roles)[number];
