/**
 * Character sets accepted by article A.47 A-1 (III, 1°): ASCII and ISO 8859-15; UTF-8 is
 * accepted too because most current accounting software writes it. EBCDIC is not supported.
 */
export type FecEncoding = "ascii" | "utf-8" | "iso-8859-15";

/** ISO 8859-15 is Latin-1 except for these eight code points. */
const LATIN9_OVERRIDES: ReadonlyArray<readonly [byte: number, codePoint: number]> = [
  [0xa4, 0x20ac], // €
  [0xa6, 0x0160], // Š
  [0xa8, 0x0161], // š
  [0xb4, 0x017d], // Ž
  [0xb8, 0x017e], // ž
  [0xbc, 0x0152], // Œ
  [0xbd, 0x0153], // œ
  [0xbe, 0x0178], // Ÿ
];

/** Byte → UTF-16 code unit. */
export const LATIN9_TO_UNICODE: Uint16Array = (() => {
  const table = new Uint16Array(256);
  for (let i = 0; i < 256; i++) table[i] = i;
  for (const [byte, cp] of LATIN9_OVERRIDES) table[byte] = cp;
  return table;
})();

const UNICODE_TO_LATIN9 = new Map<number, number>(LATIN9_OVERRIDES.map(([byte, cp]) => [cp, byte]));
const LATIN1_ONLY = new Set<number>(LATIN9_OVERRIDES.map(([byte]) => byte));

/** Encodes text as ISO 8859-15; characters outside the set become `?` (used by fixtures and the generator). */
export function encodeLatin9(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0x3f;
    const mapped = UNICODE_TO_LATIN9.get(cp);
    if (mapped !== undefined) out[n++] = mapped;
    else if (cp < 0x100 && !LATIN1_ONLY.has(cp)) out[n++] = cp;
    else out[n++] = 0x3f;
  }
  return out.subarray(0, n);
}

/** One array and one fromCharCode call per 4 KiB: much cheaper than per-character concatenation. */
export function decodeLatin9(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let out = "";
  for (let base = start; base < end; base += 4096) {
    const stop = Math.min(end, base + 4096);
    const codes = new Array<number>(stop - base);
    for (let i = base; i < stop; i++) codes[i - base] = LATIN9_TO_UNICODE[bytes[i] ?? 0] ?? 0;
    out += String.fromCharCode(...codes);
  }
  return out;
}

/** Minimal TextDecoder typing: shared/ is compiled without the DOM lib, yet both browsers and Node have it. */
type Utf8Decoder = { decode(input: Uint8Array): string };
type TextDecoderCtor = new (label: string) => Utf8Decoder;
const NativeTextDecoder = (globalThis as { TextDecoder?: TextDecoderCtor }).TextDecoder;
const nativeUtf8: Utf8Decoder | null = NativeTextDecoder ? new NativeTextDecoder("utf-8") : null;

/** Decodes UTF-8 that {@link utf8Invalid} accepted. */
export function decodeUtf8(bytes: Uint8Array, start = 0, end = bytes.length): string {
  if (nativeUtf8) return nativeUtf8.decode(bytes.subarray(start, end));
  const units: number[] = [];
  let out = "";
  let i = start;
  while (i < end) {
    const b = bytes[i] ?? 0;
    let cp: number;
    if (b < 0x80) {
      cp = b;
      i += 1;
    } else if (b < 0xe0) {
      cp = ((b & 0x1f) << 6) | ((bytes[i + 1] ?? 0) & 0x3f);
      i += 2;
    } else if (b < 0xf0) {
      cp = ((b & 0x0f) << 12) | (((bytes[i + 1] ?? 0) & 0x3f) << 6) | ((bytes[i + 2] ?? 0) & 0x3f);
      i += 3;
    } else {
      cp =
        ((b & 0x07) << 18) |
        (((bytes[i + 1] ?? 0) & 0x3f) << 12) |
        (((bytes[i + 2] ?? 0) & 0x3f) << 6) |
        ((bytes[i + 3] ?? 0) & 0x3f);
      i += 4;
    }
    if (cp > 0xffff) {
      cp -= 0x10000;
      units.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
    } else units.push(cp);
    if (units.length >= 4096) {
      out += String.fromCharCode(...units);
      units.length = 0;
    }
  }
  return out + String.fromCharCode(...units);
}

/**
 * Strict UTF-8 check (no overlongs, no surrogates, nothing above U+10FFFF).
 * Returns the offset of the first invalid byte, or -1 when the range is valid.
 * Also flags C1 controls (U+0080–U+009F) as invalid: they are not text in any accepted set.
 */
export function utf8Invalid(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  while (i < end) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    const b1 = bytes[i + 1] ?? 0;
    if (b >= 0xc2 && b <= 0xdf) {
      if (i + 1 >= end || (b1 & 0xc0) !== 0x80) return i;
      if (b === 0xc2 && b1 < 0xa0) return i; // C1 control
      i += 2;
    } else if (b >= 0xe0 && b <= 0xef) {
      const b2 = bytes[i + 2] ?? 0;
      if (i + 2 >= end || (b1 & 0xc0) !== 0x80 || (b2 & 0xc0) !== 0x80) return i;
      if (b === 0xe0 && b1 < 0xa0) return i; // overlong
      if (b === 0xed && b1 >= 0xa0) return i; // surrogate
      i += 3;
    } else if (b >= 0xf0 && b <= 0xf4) {
      const b2 = bytes[i + 2] ?? 0;
      const b3 = bytes[i + 3] ?? 0;
      if (i + 3 >= end || (b1 & 0xc0) !== 0x80 || (b2 & 0xc0) !== 0x80 || (b3 & 0xc0) !== 0x80) return i;
      if (b === 0xf0 && b1 < 0x90) return i; // overlong
      if (b === 0xf4 && b1 >= 0x90) return i; // above U+10FFFF
      i += 4;
    } else return i;
  }
  return -1;
}

/** Byte-order marks we recognise at the start of a file. */
export function detectBom(bytes: Uint8Array): "utf-8" | "utf-16" | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)))
    return "utf-16";
  return null;
}

export type SniffVerdict = "text" | "binary" | "utf-16" | "ebcdic";

/** Letters and digits of EBCDIC (code page 037/297 alike): a–i j–r s–z, A–I J–R S–Z, 0–9. */
function isEbcdicAlnum(b: number): boolean {
  return (
    (b >= 0x81 && b <= 0x89) ||
    (b >= 0x91 && b <= 0x99) ||
    (b >= 0xa2 && b <= 0xa9) ||
    (b >= 0xc1 && b <= 0xc9) ||
    (b >= 0xd1 && b <= 0xd9) ||
    (b >= 0xe2 && b <= 0xe9) ||
    (b >= 0xf0 && b <= 0xf9)
  );
}

/**
 * Looks at the first bytes of a file: UTF-16 without BOM shows NULs on one byte parity only;
 * EBCDIC shows letters above 0x80 and no ASCII ones; any other NUL, or more than 10 % of C0
 * controls (tab, CR, LF and form feed aside), means binary.
 */
export function sniffBytes(bytes: Uint8Array): SniffVerdict {
  const n = bytes.length;
  if (n === 0) return "text";
  let nulEven = 0;
  let nulOdd = 0;
  let controls = 0;
  let asciiAlnum = 0;
  let ebcdicAlnum = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0) {
      if (i % 2 === 0) nulEven++;
      else nulOdd++;
    } else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++;
    if ((b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a)) asciiAlnum++;
    else if (isEbcdicAlnum(b)) ebcdicAlnum++;
  }
  // EBCDIC text: its letters sit above 0x80 and its tab and line feed (0x05, 0x15, 0x25) are controls.
  if (nulEven + nulOdd === 0 && ebcdicAlnum > n * 0.5 && asciiAlnum < n * 0.1) return "ebcdic";
  const half = n / 2;
  if (n >= 4 && (nulOdd > half * 0.4 || nulEven > half * 0.4) && Math.min(nulOdd, nulEven) <= half * 0.05) {
    return "utf-16";
  }
  if (nulEven + nulOdd > 0 || controls > n * 0.1) return "binary";
  return "text";
}
