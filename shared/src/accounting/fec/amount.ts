/**
 * FEC amounts (article A.47 A-1, III, 2°): decimal comma, optional sign at either end, no thousands
 * separator. We also accept a decimal dot (frequent in exports), left padding with zeros or spaces, and
 * extra decimals only when they are zeros, so that nothing is ever rounded. Thousands separators
 * (space, dot or comma) are rejected: "1.234,56" or "1 234,56" is a bad amount, never a guess.
 */

const MAX_INTEGER_DIGITS = 13; // 10^13 euros in cents stays below 2^53

const ZERO = 0x30;
const NINE = 0x39;
const MINUS = 0x2d;
const PLUS = 0x2b;
const COMMA = 0x2c;
const DOT = 0x2e;

/**
 * Parses bytes[start, end) (already trimmed, non-empty) to integer cents without floating point.
 * Returns NaN when the text is not a valid FEC amount.
 */
export function parseAmountBytes(bytes: Uint8Array, start: number, end: number): number {
  // Fast path for the usual shape, digits + decimal separator + two decimals ("1234,56").
  let i = start;
  let units = 0;
  let b = bytes[i] ?? 0;
  while (b >= ZERO && b <= NINE && i < end) {
    units = units * 10 + (b - ZERO);
    b = bytes[++i] ?? 0;
  }
  if (i === end - 3 && i > start && i - start <= MAX_INTEGER_DIGITS && (b === COMMA || b === DOT)) {
    const d1 = (bytes[i + 1] ?? 0) - ZERO;
    const d2 = (bytes[i + 2] ?? 0) - ZERO;
    if (d1 >= 0 && d1 <= 9 && d2 >= 0 && d2 <= 9) return units * 100 + d1 * 10 + d2;
  }
  return parseAmountSlow(bytes, start, end);
}

function parseAmountSlow(bytes: Uint8Array, start: number, end: number): number {
  let s = start;
  let e = end;
  let negative = false;
  let b = bytes[s];
  if (b === MINUS || b === PLUS) {
    negative = b === MINUS;
    s++;
  } else {
    b = bytes[e - 1];
    if (b === MINUS || b === PLUS) {
      negative = b === MINUS;
      e--;
    }
  }
  if (s >= e) return NaN;
  let units = 0;
  let digits = 0;
  let significant = 0;
  let i = s;
  for (; i < e; i++) {
    b = bytes[i] ?? 0;
    if (b >= ZERO && b <= NINE) {
      if (significant > 0 || b !== ZERO) significant++;
      units = units * 10 + (b - ZERO);
      digits++;
    } else break;
  }
  if (significant > MAX_INTEGER_DIGITS) return NaN;
  let cents = units * 100;
  if (i < e) {
    b = bytes[i];
    if (b !== COMMA && b !== DOT) return NaN;
    i++;
    let decimals = 0;
    for (; i < e; i++) {
      b = bytes[i] ?? 0;
      if (b < ZERO || b > NINE) return NaN;
      const d = b - ZERO;
      if (decimals === 0) cents += d * 10;
      else if (decimals === 1) cents += d;
      else if (d !== 0) return NaN; // a third non-zero decimal would need rounding
      decimals++;
      digits++;
    }
  }
  if (digits === 0) return NaN;
  return negative ? -cents : cents;
}

/** String form of {@link parseAmountBytes} (trims spaces); null when invalid or empty. */
export function parseFecAmount(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const bytes = new Uint8Array(trimmed.length);
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed.charCodeAt(i);
    if (c > 0x7f) return null;
    bytes[i] = c;
  }
  const cents = parseAmountBytes(bytes, 0, bytes.length);
  return Number.isNaN(cents) ? null : cents;
}

/** Integer cents → FEC text: decimal comma, leading minus, always two decimals ("-1234,50"). */
export function formatFecAmount(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Not an integer number of cents: ${cents}`);
  const abs = Math.abs(cents);
  const units = Math.floor(abs / 100);
  const rest = abs % 100;
  return `${cents < 0 ? "-" : ""}${units},${rest < 10 ? "0" : ""}${rest}`;
}
