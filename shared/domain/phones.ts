/**
 * One spelling per phone number, so the same person is recognised however the number was typed:
 * full-width digits, spaces, dashes and brackets go; a mainland mobile with the country code
 * (+86 138…, 0086 138…, 86 138…) becomes its 11 digits. Landlines and foreign numbers keep their digits.
 */
export function normalizePhone(text: string): string {
  const compact = text.normalize('NFKC').replace(/[\s\-‐‑–—().]/g, '');
  const mobile = /^(?:\+86|0086|86)(1\d{10})$/.exec(compact);
  return mobile?.[1] ?? compact;
}
