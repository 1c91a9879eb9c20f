// What desk staff type, matched against a trainee: the name, pinyin initials (lyh → 刘友红), full pinyin, or
// the last 4 digits of the phone. Pure: the host computes the pinyin and sends it with the roster.

export interface SearchableTrainee {
  name: string;
  /** Pinyin initials, lower case: "lyh". */
  initials: string;
  /** Full pinyin without tones or spaces: "liuyouhong". */
  pinyin: string;
  phoneTail: string | null;
}

/** Better matches first: the whole thing, its beginning, somewhere inside. */
export const matchRanks = ['exact', 'prefix', 'substring'] as const;
export type MatchRank = (typeof matchRanks)[number];

/** Lower case, no spaces or apostrophes (xi'an), full-width letters and digits made plain. */
export function normalizeQuery(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s'’·.]/g, '');
}

function rankIn(query: string, value: string, allowSubstring: boolean): MatchRank | null {
  if (value === '') return null;
  if (value === query) return 'exact';
  if (value.startsWith(query)) return 'prefix';
  if (allowSubstring && value.includes(query)) return 'substring';
  return null;
}

function best(ranks: readonly (MatchRank | null)[]): MatchRank | null {
  return matchRanks.find((r) => ranks.includes(r)) ?? null;
}

/** How well `query` names this trainee, or null when it does not. */
export function matchTrainee(query: string, trainee: SearchableTrainee): MatchRank | null {
  const q = normalizeQuery(query);
  if (q === '') return null;
  if (/^\d{4}$/.test(q)) return trainee.phoneTail === q ? 'exact' : null;
  const name = normalizeQuery(trainee.name);
  if (/^[a-z]+$/.test(q)) {
    return best([rankIn(q, trainee.initials, false), rankIn(q, trainee.pinyin, false), rankIn(q, name, true)]);
  }
  return rankIn(q, name, true);
}

/** Trainees that match, best first; equally good ones keep the roster's order. */
export function searchTrainees<T extends SearchableTrainee>(
  query: string,
  trainees: readonly T[],
): { trainee: T; rank: MatchRank }[] {
  const found = trainees.flatMap((trainee) => {
    const rank = matchTrainee(query, trainee);
    return rank ? [{ trainee, rank }] : [];
  });
  return found.sort((a, b) => matchRanks.indexOf(a.rank) - matchRanks.indexOf(b.rank));
}

/**
 * The one trainee a typed name means, never a guess: the only exact match, or the only match at all.
 * Otherwise every match, for a person to choose from.
 */
export function resolveTrainee<T extends SearchableTrainee>(
  query: string,
  trainees: readonly T[],
): { one: T } | { many: T[] } | { none: true } {
  const found = searchTrainees(query, trainees);
  const exact = found.filter((f) => f.rank === 'exact');
  if (exact.length === 1 && exact[0]) return { one: exact[0].trainee };
  if (found.length === 1 && found[0]) return { one: found[0].trainee };
  if (found.length === 0) return { none: true };
  return { many: (exact.length > 1 ? exact : found).map((f) => f.trainee) };
}
