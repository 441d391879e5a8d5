import { decodeUtf8, LATIN9_TO_UNICODE } from "./encoding";

/** How a line's bytes become text, decided per line by the parser. */
export const LineMode = { Ascii: 0, Utf8: 1, Latin9: 2 } as const;
export type LineMode = (typeof LineMode)[keyof typeof LineMode];

type NativeDecoder = { decode(input: Uint8Array): string };
type NativeDecoderCtor = new (label: string) => NativeDecoder;

/**
 * Native decoders speed up long fields when the platform has them (browsers and Node with ICU do;
 * the WHATWG iso-8859-15 mapping is the one of encoding.ts). Our own tables remain the reference
 * and the fallback.
 */
function nativeDecoder(label: string, probe: Uint8Array, expected: string): NativeDecoder | null {
  const Ctor = (globalThis as { TextDecoder?: NativeDecoderCtor }).TextDecoder;
  if (!Ctor) return null;
  try {
    const decoder = new Ctor(label);
    return decoder.decode(probe) === expected ? decoder : null;
  } catch {
    return null;
  }
}
const LATIN9_PROBE = new Uint8Array([0x41, 0xa4, 0xbc, 0xe9, 0x85]);
const nativeLatin9 = nativeDecoder("iso-8859-15", LATIN9_PROBE, "A\u20ac\u0152\u00e9\u0085");
const nativeAscii = nativeDecoder("utf-8", new Uint8Array([0x41, 0x7e]), "A~");

/** Below this length, building the string from an array beats a native decoder call. */
const SHORT = 24;

function decodeSingleByte(buf: Uint8Array, s: number, e: number, latin9: boolean): string {
  const n = e - s;
  if (n > SHORT) {
    const native = latin9 ? nativeLatin9 : nativeAscii;
    if (native) return native.decode(buf.subarray(s, e));
  }
  if (n > 4096) {
    let out = "";
    for (let base = s; base < e; base += 4096) out += decodeSingleByte(buf, base, Math.min(e, base + 4096), latin9);
    return out;
  }
  // One array and one fromCharCode call: much cheaper than per-character concatenation.
  const codes = new Array<number>(n);
  if (latin9) for (let i = 0; i < n; i++) codes[i] = LATIN9_TO_UNICODE[buf[s + i] ?? 0] ?? 0;
  else for (let i = 0; i < n; i++) codes[i] = buf[s + i] ?? 0;
  return String.fromCharCode.apply(null, codes);
}

export function decodeField(buf: Uint8Array, s: number, e: number, mode: LineMode): string {
  if (s >= e) return "";
  if (mode === LineMode.Utf8) {
    for (let i = s; i < e; i++) if ((buf[i] ?? 0) >= 0x80) return decodeUtf8(buf, s, e);
    return decodeSingleByte(buf, s, e, false);
  }
  return decodeSingleByte(buf, s, e, mode === LineMode.Latin9);
}

const SPACE = 0x20;
const QUOTE = 0x22;

/**
 * A field's bounds without surrounding spaces and one pair of surrounding double quotes, written to
 * `out` ([start, end]); false when nothing is left. The parser and the line decoder read fields the
 * same way through it.
 */
export function trimField(buf: Uint8Array, start: number, end: number, out: Int32Array): boolean {
  let s = start;
  let e = end;
  while (s < e && buf[s] === SPACE) s++;
  while (e > s && buf[e - 1] === SPACE) e--;
  if (e - s >= 2 && buf[s] === QUOTE && buf[e - 1] === QUOTE) {
    s++;
    e--;
  }
  out[0] = s;
  out[1] = e;
  return e > s;
}

const SLOTS = 4096;
const KEY_MAX = 64;

/**
 * Per-column string cache. FEC columns repeat a lot: often the previous line's value (an écriture's
 * journal, number, piece, label), or a small vocabulary (accounts and their labels). The previous
 * value is compared in place in its chunk; the vocabulary goes through a fixed-size intern table
 * (collisions simply overwrite), so memory stays bounded whatever the file.
 */
export class FieldCache {
  private prevView: DataView = new DataView(new ArrayBuffer(0));
  private prevStart = 0;
  private prevLen = -1;
  private prevStr = "";
  private readonly slotStr: string[] | null;
  private readonly slotKey: Uint8Array;
  private readonly slotView: DataView;
  private readonly slotLen: Int32Array;

  /**
   * @param intern keep a vocabulary (accounts, journals, labels)
   * @param previous first compare with the previous line's value (worth it for columns shared by
   *   the lines of an écriture, not for accounts, which change on every line)
   */
  constructor(
    intern: boolean,
    private readonly previous = true,
  ) {
    this.slotStr = intern ? new Array<string>(SLOTS).fill("") : null;
    this.slotKey = new Uint8Array(intern ? SLOTS * KEY_MAX : 0);
    this.slotView = new DataView(this.slotKey.buffer);
    this.slotLen = new Int32Array(intern ? SLOTS : 0).fill(-1);
  }

  /** Drops the previous value's bytes (its buffer may then be freed); the vocabulary is kept. */
  forget(): void {
    this.prevView = new DataView(new ArrayBuffer(0));
    this.prevStart = 0;
    this.prevLen = -1;
  }

  /** Text of buf[s, e); `view` covers the same bytes as `buf` (for word-wide comparisons). */
  get(buf: Uint8Array, view: DataView, s: number, e: number, mode: LineMode): string {
    const n = e - s;
    if (n <= 0) return "";
    if (n === this.prevLen && this.previous && sameBytes(this.prevView, this.prevStart, view, s, n)) {
      this.prevView = view;
      this.prevStart = s;
      return this.prevStr;
    }
    const str =
      this.slotStr !== null && n <= KEY_MAX
        ? this.intern(buf, view, s, e, mode, this.slotStr)
        : decodeField(buf, s, e, mode);
    this.prevView = view;
    this.prevStart = s;
    this.prevLen = n;
    this.prevStr = str;
    return str;
  }

  private intern(buf: Uint8Array, view: DataView, s: number, e: number, mode: LineMode, slotStr: string[]): string {
    const n = e - s;
    // Sampled hash: a handful of bytes is enough to spread a vocabulary; equality is checked in full.
    let h = n;
    if (n <= 8) for (let i = s; i < e; i++) h = (Math.imul(h, 31) + (buf[i] ?? 0)) | 0;
    else {
      h = (Math.imul(h, 31) + (buf[s] ?? 0)) | 0;
      h = (Math.imul(h, 31) + (buf[s + 1] ?? 0)) | 0;
      h = (Math.imul(h, 31) + (buf[s + 2] ?? 0)) | 0;
      h = (Math.imul(h, 31) + (buf[(s + e) >> 1] ?? 0)) | 0;
      h = (Math.imul(h, 31) + (buf[e - 3] ?? 0)) | 0;
      h = (Math.imul(h, 31) + (buf[e - 2] ?? 0)) | 0;
      h = (Math.imul(h, 31) + (buf[e - 1] ?? 0)) | 0;
    }
    const slot = (h ^ (h >>> 12)) & (SLOTS - 1);
    const base = slot * KEY_MAX;
    if (this.slotLen[slot] === n && sameBytes(this.slotView, base, view, s, n)) return slotStr[slot] ?? "";
    const str = decodeField(buf, s, e, mode);
    this.slotKey.set(buf.subarray(s, e), base);
    this.slotLen[slot] = n;
    slotStr[slot] = str;
    return str;
  }
}

/** Compares n bytes four at a time. */
function sameBytes(a: DataView, aStart: number, b: DataView, bStart: number, n: number): boolean {
  let i = 0;
  for (; i + 4 <= n; i += 4) if (a.getUint32(aStart + i) !== b.getUint32(bStart + i)) return false;
  for (; i < n; i++) if (a.getUint8(aStart + i) !== b.getUint8(bStart + i)) return false;
  return true;
}
