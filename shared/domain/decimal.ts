// Exact decimals for scores: values are integer hundredths (88.13 → 8813) and
// everything derived from them is a bigint fraction, so no float ever adds up a score.

/** An exact fraction; `den` is positive and the pair is in lowest terms. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

export const parseProblems = ['not-a-number', 'too-many-decimals'] as const;
export type ParseProblem = (typeof parseProblems)[number];

export type ParsedHundredths = { ok: true; hundredths: number } | { ok: false; problem: ParseProblem };

const decimalText = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;
/** Longer than any score, weight or deduction a person types; checked first, so a huge string costs nothing. */
export const maxDecimalTextLength = 32;

/**
 * A number or numeric string as integer hundredths, exactly: "88.13" and 88.13 → 8813.
 * Numbers are read through their shortest decimal spelling (what the user typed), so 0.1 is 10;
 * trailing zeros are not decimals ("9.50" is 950), anything finer than 0.01 is refused.
 */
export function parseHundredths(value: number | string): ParsedHundredths {
  if (typeof value === 'number' && !Number.isFinite(value)) return { ok: false, problem: 'not-a-number' };
  if (typeof value === 'string' && value.length > maxDecimalTextLength) return { ok: false, problem: 'not-a-number' };
  const text = typeof value === 'number' ? String(value) : value.trim();
  const m = decimalText.exec(text);
  if (!m) return { ok: false, problem: 'not-a-number' };
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = m;
  if (whole === '' && fraction === '') return { ok: false, problem: 'not-a-number' };
  const exp = Number(exponent);
  // Far beyond any score; also keeps 10n ** shift below from building huge numbers.
  if (Math.abs(exp) > 30) return { ok: false, problem: 'not-a-number' };
  const digits = BigInt(`${whole}${fraction}` || '0');
  const shift = exp + 2 - fraction.length; // hundredths = digits × 10^shift
  let hundredths: bigint;
  if (shift >= 0) {
    hundredths = digits * 10n ** BigInt(shift);
  } else {
    const divisor = 10n ** BigInt(-shift);
    if (digits % divisor !== 0n) return { ok: false, problem: 'too-many-decimals' };
    hundredths = digits / divisor;
  }
  if (sign === '-') hundredths = -hundredths;
  if (hundredths > BigInt(Number.MAX_SAFE_INTEGER) || hundredths < -BigInt(Number.MAX_SAFE_INTEGER)) {
    return { ok: false, problem: 'not-a-number' };
  }
  // `+ 0` turns the -0 of "-0.00" into 0.
  return { ok: true, hundredths: Number(hundredths) + 0 };
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** num/den in lowest terms with a positive denominator. */
export function rational(num: bigint | number, den: bigint | number = 1n): Rational {
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new RangeError('A fraction cannot have a zero denominator.');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return g > 1n ? { num: n / g, den: d / g } : { num: n, den: d };
}

/** Integer hundredths as an exact value: 8813 → 88.13. */
export function fromHundredths(hundredths: number): Rational {
  if (!Number.isSafeInteger(hundredths)) throw new RangeError(`${hundredths} is not a whole number of hundredths.`);
  return rational(hundredths, 100);
}

export function add(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function subtract(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den - b.num * a.den, a.den * b.den);
}

export function multiply(a: Rational, b: Rational): Rational {
  return rational(a.num * b.num, a.den * b.den);
}

export function divide(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den, a.den * b.num);
}

export function sum(values: readonly Rational[]): Rational {
  return values.reduce(add, rational(0));
}

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

function checkDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) {
    throw new RangeError(`Decimals must be a whole number from 0 to 6, not ${decimals}.`);
  }
}

/**
 * The value rounded half up to `decimals` places, as a count of 10^-decimals units (88.125, 2 → 8813n).
 * Halves go away from zero (四舍五入 on the magnitude), so -0.5 rounds like 0.5.
 */
export function roundHalfUp(value: Rational, decimals: number): bigint {
  checkDecimals(decimals);
  const scaled = (value.num < 0n ? -value.num : value.num) * 10n ** BigInt(decimals);
  let units = scaled / value.den;
  if ((scaled % value.den) * 2n >= value.den) units += 1n;
  return value.num < 0n ? -units : units;
}

/** A count of 10^-decimals units as text with exactly `decimals` places: 8813n, 2 → "88.13". */
export function formatUnits(units: bigint, decimals: number): string {
  checkDecimals(decimals);
  const magnitude = units < 0n ? -units : units;
  const digits = magnitude.toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const text = decimals === 0 ? whole : `${whole}.${digits.slice(digits.length - decimals)}`;
  return units < 0n ? `-${text}` : text;
}

/** An exact value rounded half up to exactly `decimals` places: 88.125 → "88.13". */
export function formatRational(value: Rational, decimals: number): string {
  return formatUnits(roundHalfUp(value, decimals), decimals);
}

/** Integer hundredths as text with exactly `decimals` places (default 2): 8810 → "88.10". */
export function formatHundredths(hundredths: number, decimals = 2): string {
  return formatRational(fromHundredths(hundredths), decimals);
}
