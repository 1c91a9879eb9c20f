import type { MessagePart } from './messages';

// Every area's strings, for the console (which shows nearly all of them), loaded with its chunk (renderer/App.tsx).
// Globbed, so a new file in shared/i18n/parts reaches the console without a list to keep; the core strings are
// loaded already (renderer/ui/messages.ts). The judge page's own words stay in the judge's chunk.
const parts = Object.values(
  import.meta.glob<MessagePart>(['../../shared/i18n/parts/*.ts', '!../../shared/i18n/parts/judge.ts'], { eager: true }),
);

export const zh = parts.reduce<MessagePart['zh']>((all, part) => ({ ...all, ...part.zh }), {});
export const en = parts.reduce<MessagePart['en']>((all, part) => ({ ...all, ...part.en }), {});
