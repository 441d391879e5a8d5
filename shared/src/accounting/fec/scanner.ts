/**
 * The byte scanner behind the FEC parser: finds separators and line ends in a chunk, records where
 * each field ends, notes which kinds of bytes a line holds, and hands every complete line over to
 * its sink. It decodes nothing: that is the parser's job, on the fields it needs.
 */

export const LF = 0x0a;
export const CR = 0x0d;
export const TAB = 0x09;
export const PIPE = 0x7c;

/** Word scanning reads bytes in memory order through Uint32 words, which only works little-endian. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
/** Byte classes ORed over a line by the scan, handed to the sink with the line. */
export const CONTROL = 1;
export const HIGH = 2;
export const C1 = 4;
const BYTE_CLASS: Uint8Array = (() => {
  const table = new Uint8Array(256);
  for (let b = 0; b < 0x20; b++) if (b !== TAB && b !== LF && b !== CR) table[b] = CONTROL;
  for (let b = 0x80; b < 0x100; b++) table[b] = b < 0xa0 ? HIGH | C1 : HIGH;
  return table;
})();

/** Receives each line: bytes [start, end) of buf, `count` fields whose ends are in scanner.ends. */
export type LineSink = {
  acceptLine(buf: Uint8Array, start: number, end: number, count: number, flags: number, terminated: boolean): void;
};

export class FieldScanner {
  /** End of each field of the current line (field k starts right after field k-1's end). */
  ends = new Int32Array(0);
  private cap = 0;
  private sep = TAB;
  private term = LF;
  private readonly scanState = { count: 0, lineStart: 0, flags: 0 };

  constructor(private readonly sink: LineSink) {}

  /** Fixes the layout once the header is known: `cap` fields at most are recorded per line. */
  configure(cap: number, sep: number, term: number): void {
    this.cap = cap;
    this.sep = sep;
    this.term = term;
    this.ends = new Int32Array(cap);
  }

  /**
   * The hot loop. Field bounds are recorded for each line, together with the classes of the bytes
   * seen (control, non-ASCII, C1), then the line is handed over. Bytes are examined four at a time
   * (SWAR): a word without separator, terminator, control or non-ASCII byte (most of a label) is
   * skipped in one test; in the others, bit tricks give the exact positions of separators and
   * terminators. Returns where the first incomplete line starts.
   */
  scan(buf: Uint8Array, start: number, end: number, final: boolean): number {
    const st = this.scanState;
    st.count = 0;
    st.lineStart = start;
    st.flags = 0;
    const offset = buf.byteOffset;
    const aligned = Math.min(end, start + ((4 - ((offset + start) & 3)) & 3));
    const wordCount = LITTLE_ENDIAN ? (end - aligned) >> 2 : 0;
    const wordEnd = aligned + wordCount * 4;
    this.scanBytes(buf, start, wordCount > 0 ? aligned : end);
    if (wordCount > 0) {
      this.scanWords(buf, new Uint32Array(buf.buffer, offset + aligned, wordCount), aligned);
      this.scanBytes(buf, wordEnd, end);
    }
    if (final && st.lineStart < end) {
      if (st.count < this.cap) this.ends[st.count] = end;
      this.sink.acceptLine(buf, st.lineStart, end, st.count + 1, st.flags, false);
      return end;
    }
    return st.lineStart;
  }

  /** Byte-at-a-time scanning for the unaligned head and tail of a chunk. */
  private scanBytes(buf: Uint8Array, from: number, to: number): void {
    const st = this.scanState;
    const sep = this.sep;
    const term = this.term;
    for (let i = from; i < to; i++) {
      const b = buf[i] as number; // in bounds: i < to <= length
      st.flags |= BYTE_CLASS[b] as number; // 256 entries
      if (b === sep) {
        if (st.count < this.cap) this.ends[st.count] = i;
        st.count++;
      } else if (b === term) {
        if (st.count < this.cap) this.ends[st.count] = i;
        this.sink.acceptLine(buf, st.lineStart, i, st.count + 1, st.flags, true);
        st.count = 0;
        st.lineStart = i + 1;
        st.flags = 0;
      }
    }
  }

  private scanWords(buf: Uint8Array, words: Uint32Array, base: number): void {
    const st = this.scanState;
    const ends = this.ends;
    const cap = this.cap;
    const classes = BYTE_CLASS;
    const sep = this.sep;
    const term = this.term;
    const pipe = sep === PIPE;
    let count = st.count;
    let lineStart = st.lineStart;
    let flags = st.flags;
    const n = words.length;
    for (let w = 0; w < n; w++) {
      const x = words[w] as number; // in bounds: w < length
      // Bit 7 of a byte is set when it is below 0x20 or non-ASCII (and sometimes above one: harmless).
      let interesting = (x - 0x20202020) | x;
      let pipes = 0;
      if (pipe) {
        const y = x ^ 0x7c7c7c7c;
        pipes = ~(((y & 0x7f7f7f7f) + 0x7f7f7f7f) | y | 0x7f7f7f7f); // exactly the "|" bytes
        interesting |= pipes;
      }
      if ((interesting & 0x80808080) === 0) continue;
      const p = base + (w << 2);
      // Exactly the bytes below 0x20: separators (tab), terminators, CR and other controls.
      const low = ~(((x & 0x7f7f7f7f) + 0x60606060) | x | 0x7f7f7f7f);
      let marks = low | pipes;
      const high = x & 0x80808080;
      if (high !== 0) {
        if (marks === 0) {
          // Only letters, some non-ASCII: note it (a C1 byte has bit 7 set, bits 6 and 5 clear).
          flags |= (x & ~(x << 1) & ~(x << 2) & 0x80808080) === 0 ? HIGH : HIGH | C1;
          continue;
        }
        // Non-ASCII bytes next to separators or a line end: one byte at a time, so that each class
        // goes to the right line.
        for (let i = p; i < p + 4; i++) {
          const b = buf[i] as number; // in bounds: the word lies in the buffer
          flags |= classes[b] as number;
          if (b === sep) {
            if (count < cap) ends[count] = i;
            count++;
          } else if (b === term) {
            if (count < cap) ends[count] = i;
            this.sink.acceptLine(buf, lineStart, i, count + 1, flags, true);
            count = 0;
            lineStart = i + 1;
            flags = 0;
          }
        }
        continue;
      }
      while (marks !== 0) {
        const bit = marks & -marks;
        marks ^= bit;
        const i = p + ((31 - Math.clz32(bit)) >> 3);
        const b = buf[i] as number; // in bounds: the word lies in the buffer
        if (b === sep) {
          if (count < cap) ends[count] = i;
          count++;
        } else if (b === term) {
          if (count < cap) ends[count] = i;
          this.sink.acceptLine(buf, lineStart, i, count + 1, flags, true);
          count = 0;
          lineStart = i + 1;
          flags = 0;
        } else flags |= classes[b] as number; // CR and tab are harmless (class 0), other controls are not
      }
    }
    st.count = count;
    st.lineStart = lineStart;
    st.flags = flags;
  }
}
