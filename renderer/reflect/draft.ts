// A trainee's draft of a reflection, kept on the phone (localStorage) per assignment, so a dropped connection or a
// closed tab loses nothing and the trainee can change it and hand it in again until the deadline.
import { z } from 'zod/mini';

export interface ReflectionDraft {
  phone: string;
  title: string;
  body: string;
  /** Handed in at least once from this phone: the button then says it sends a new version. */
  handedIn: boolean;
}

export const emptyDraft: ReflectionDraft = { phone: '', title: '', body: '', handedIn: false };

const keyOf = (code: string) => `podium.reflection.${code}`;

const StoredDraft = z.object({
  phone: z.catch(z.string(), ''),
  title: z.catch(z.string(), ''),
  body: z.catch(z.string(), ''),
  handedIn: z.catch(z.boolean(), false),
});

/** A stored draft read back; anything unreadable (another version, a hand-edited value) is an empty draft. */
export function parseDraft(text: string | null): ReflectionDraft {
  if (text === null) return emptyDraft;
  try {
    const parsed = StoredDraft.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : emptyDraft;
  } catch {
    return emptyDraft;
  }
}

export function loadDraft(code: string): ReflectionDraft {
  try {
    return parseDraft(localStorage.getItem(keyOf(code)));
  } catch {
    // Storage blocked (some in-app browsers, private windows): the draft lasts as long as the page.
    return emptyDraft;
  }
}

export function saveDraft(code: string, draft: ReflectionDraft): void {
  try {
    localStorage.setItem(keyOf(code), JSON.stringify(draft));
  } catch {
    // Full or blocked storage: the form still works, only the draft is not kept.
  }
}
