// 学习心得: the limits a trainee's text is held to and when an assignment stops taking them. Pure.

/** A reflection's title and text, counted in characters as a person counts them. */
export const reflectionLimits = { title: 100, body: 3000 } as const;

/** Characters as a person counts them: code points of the trimmed text (an emoji or a rare 汉字 is one). */
export function characterCount(text: string): number {
  return [...text.trim()].length;
}

/** Whether an assignment due at `dueAt` (ISO 8601; without an offset, the host's local time) still takes texts. */
export function acceptsReflections(dueAt: string, now: number): boolean {
  return now <= Date.parse(dueAt);
}

// No 0/o, 1/l/i: the code is read off paper and typed into a phone.
export const reflectionCodeAlphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
export const reflectionCodeLength = 8;
export const reflectionCodePattern = /^[a-hjkmnp-z2-9]{8}$/;

/** An assignment's code from random bytes (one byte per character; the alphabet's 31 letters take 248 of 256). */
export function reflectionCode(randomByte: () => number): string {
  let code = '';
  while (code.length < reflectionCodeLength) {
    const byte = randomByte();
    if (byte < 248) code += reflectionCodeAlphabet[byte % reflectionCodeAlphabet.length];
  }
  return code;
}
