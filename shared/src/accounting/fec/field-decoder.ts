import { decodeUtf8, LATIN9_TO_UNICODE } from "./encoding";

/** How a line's bytes become text, decided per line by the parser. */
export const LineMode = { Ascii: 0, Utf8: 1, Latin9: 2 } as const;
export type LineMode = (typeof LineMode)[keyof typeof LineMode];

function decodeSingleByte(buf: Uint8Array, s: number, e: number, latin9: boolean): string {
  const n = e - s;
  if (n > 4096) {
    let out = "";
    for (let base = s; base < e; base += 4096) out += decodeSingleByte(buf, base, Math.min(e, base + 4096), latin9);
    return out;
  }
  // One array and one fromCharCode call: much cheaper than per-character concatenation or a
  // TextDecoder call for the short fields of a FEC.
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

const SLOTS = 4096;
const KEY_MAX = 64;

/**
 * Per-column string cache. FEC columns repeat a lot: often the previous line's value (an écriture's
 * journal, number, piece, label), or a small vocabulary (accounts and their labels). The previous
 * value is compared in place in its chunk; the vocabulary goes through a fixed-size intern table
 * (collisions simply overwrite), so memory stays bounded whatever the file.
 */
export class FieldCache {
  private prevBuf: Uint8Array = new Uint8Array(0);
  private prevStart = 0;
  private prevLen = -1;
  private prevStr = "";
  private readonly slotStr: string[] | null;
  private readonly slotKey: Uint8Array;
  private readonly slotLen: Int32Array;

  constructor(intern: boolean) {
    this.slotStr = intern ? new Array<string>(SLOTS).fill("") : null;
    this.slotKey = new Uint8Array(intern ? SLOTS * KEY_MAX : 0);
    this.slotLen = new Int32Array(intern ? SLOTS : 0).fill(-1);
  }

  get(buf: Uint8Array, s: number, e: number, mode: LineMode): string {
    const n = e - s;
    if (n <= 0) return "";
    if (n === this.prevLen) {
      const pb = this.prevBuf;
      const ps = this.prevStart;
      let i = 0;
      while (i < n && pb[ps + i] === buf[s + i]) i++;
      if (i === n) {
        this.prevBuf = buf;
        this.prevStart = s;
        return this.prevStr;
      }
    }
    const str = this.slotStr !== null && n <= KEY_MAX ? this.intern(buf, s, e, mode, this.slotStr) : decodeField(buf, s, e, mode);
    this.prevBuf = buf;
    this.prevStart = s;
    this.prevLen = n;
    this.prevStr = str;
    return str;
  }

  private intern(buf: Uint8Array, s: number, e: number, mode: LineMode, slotStr: string[]): string {
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
    const keys = this.slotKey;
    if (this.slotLen[slot] === n) {
      let i = 0;
      while (i < n && keys[base + i] === buf[s + i]) i++;
      if (i === n) return slotStr[slot] ?? "";
    }
    const str = decodeField(buf, s, e, mode);
    for (let i = 0; i < n; i++) keys[base + i] = buf[s + i] ?? 0;
    this.slotLen[slot] = n;
    slotStr[slot] = str;
    return str;
  }
}
