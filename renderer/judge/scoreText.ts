/**
 * What a judge typed, as the digits the rules read: phones and Chinese keyboards type full-width digits (２７．５),
 * 。 or a comma for the decimal point, and stray spaces.
 */
export function normalizeScoreText(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[。．，,]/g, '.')
    .replace(/\s+/g, '');
}
