import { isOpenAt, type AgedLine } from "@comptoir/shared";
import { inScope } from "../access";
import { decoderOf, storedLine, type StoredLine } from "../store/entry-records";
import type { FrameRef } from "../store/framed-blob";
import { forEachRecord } from "../store/line-records";
import type { AccountingStore, VersionRef } from "../store/store";
import {
  chunkMayBeOpen,
  decodeThirdPartyChunk,
  decodeThirdPartyMeta,
  indexCovers,
  THIRD_PARTY_BLOB,
  THIRD_PARTY_META_BLOB,
  type IndexChunk,
  type ThirdPartyMeta,
} from "../store/third-party-index";
import { accountLines, ledgerReader } from "./ledger-reader";
import type { MonthSpan } from "./period";

/** Every month of the exercice, à-nouveaux included. */
const WHOLE_EXERCICE: MonthSpan = { from: 1, to: 999_999 };

/** What the balance âgée ages a line by. */
export type ThirdPartyLine = AgedLine & { etablissement: string };

export type ThirdPartyLines = {
  /** The lines open at the reference date (AgedLine's rule), in no particular order. */
  open: ThirdPartyLine[];
  /** Whether the class has any line the scope may see, open or not (the empty state). */
  hasAccount: boolean;
  /** The whole lines (journal, écriture, pièce, label…) of some of `open`, in their order: the rows shown. */
  shown: (lines: readonly ThirdPartyLine[]) => Promise<StoredLine[]>;
};

/**
 * The lines of the accounts under `accountPrefix` (411 clients, 401 suppliers) that `scope` may see,
 * over the whole exercice, à-nouveaux included, kept when open at `ref`: what the balance âgée and the
 * échéancier compute on. From the import's third-party index (third-party-index.ts) when it has one,
 * otherwise from the lines themselves.
 */
export async function readOpenThirdPartyLines(
  store: AccountingStore,
  v: VersionRef,
  accountPrefix: string,
  scope: ReadonlySet<string> | undefined,
  ref: number,
): Promise<ThirdPartyLines> {
  const index = indexCovers(accountPrefix) ? await readThirdPartyIndex(store, v) : null;
  if (index !== null) return fromIndex(store, v, index, accountPrefix, scope, ref);
  const lines = await readThirdPartyLines(store, v, accountPrefix, scope);
  const byLine = new Map(lines.map((l) => [l.line, l]));
  return {
    open: lines.filter((l) => isOpenAt(l, ref)),
    hasAccount: lines.length > 0,
    shown: (some) => Promise.resolve(some.map((l) => wholeLine(byLine.get(l.line), l.line))),
  };
}

/** An import's third-party index: its meta, and the chunks read so far (each read once). */
type ThirdPartyIndex = { meta: ThirdPartyMeta; chunks: Map<number, Promise<IndexChunk>> };

/** The import's third-party index (its meta, cached with its other reads); null for imports of earlier builds. */
export function readThirdPartyIndex(store: AccountingStore, v: VersionRef): Promise<ThirdPartyIndex | null> {
  return store.cachedRead(v, "t", async () => {
    const json = await store.readBlob(v, THIRD_PARTY_META_BLOB);
    return json === null ? null : { meta: decodeThirdPartyMeta(json), chunks: new Map() };
  });
}

function chunkAt(store: AccountingStore, v: VersionRef, index: ThirdPartyIndex, k: number): Promise<IndexChunk> {
  let pending = index.chunks.get(k);
  if (pending === undefined) {
    const [length = 0, lines = 0] = index.meta.chunks[k] ?? [];
    pending = store.readBlob(v, THIRD_PARTY_BLOB, { offset: index.meta.offsets[k] ?? 0, length }).then((stored) => {
      if (stored === null) throw new Error("the third-party index has its meta but not its chunks");
      return decodeThirdPartyChunk(stored, lines);
    });
    pending.catch(() => index.chunks.delete(k));
    index.chunks.set(k, pending);
  }
  return pending;
}

function wholeLine(line: StoredLine | undefined, number: number): StoredLine {
  if (line === undefined) throw new Error(`line ${number} is not a line of the third-party class`);
  return line;
}

/**
 * The open lines from the index: only its chunks that may hold a line open at `ref` are read (see
 * third-party-index.ts), and in those a line closed at `ref` costs a few comparisons, no object.
 */
async function fromIndex(
  store: AccountingStore,
  v: VersionRef,
  index: ThirdPartyIndex,
  prefix: string,
  scope: ReadonlySet<string> | undefined,
  ref: number,
): Promise<ThirdPartyLines> {
  const { meta } = index;
  const accountIn = meta.accounts.map((a) => a.startsWith(prefix));
  const etabIn = meta.etabs.map((e) => inScope(scope, e));
  const hasAccount = meta.present.some(([a, e]) => accountIn[a] === true && etabIn[e] === true);
  const wanted = meta.chunks.flatMap((chunk, k) => (chunkMayBeOpen(chunk, ref) ? [k] : []));
  const chunks = await Promise.all(wanted.map((k) => chunkAt(store, v, index, k)));
  const open: ThirdPartyLine[] = [];
  const frames = new Map<number, number>();
  // The rule's own function, on one reused object holding what it reads (the letter's text is not needed).
  const probe: AgedLine = { line: 0, date: 0, compteNum: "", debitCents: 0, creditCents: 0 };
  for (const c of chunks) {
    for (let k = 0; k < c.lines; k++) {
      if (accountIn[c.account[k] ?? -1] !== true || etabIn[c.etab[k] ?? -1] !== true) continue;
      const letterBytes = c.letterBytes[k] ?? 0;
      const dateLet = c.dateLet[k] ?? 0;
      probe.date = c.date[k] ?? 0;
      probe.ecritureLet = letterBytes > 0 ? "lettered" : undefined;
      probe.dateLet = dateLet > 0 ? dateLet : undefined;
      if (!isOpenAt(probe, ref)) continue;
      const line = indexedLine(meta, c, k, letterBytes);
      open.push(line);
      frames.set(line.line, c.frame[k] ?? -1);
    }
  }
  return { open, hasAccount, shown: (some) => readWholeLines(store, v, meta.frames, frames, some) };
}

function indexedLine(meta: ThirdPartyMeta, c: IndexChunk, k: number, letterBytes: number): ThirdPartyLine {
  const pieceDate = c.pieceDate[k] ?? 0;
  const dateLet = c.dateLet[k] ?? 0;
  const aux = c.aux[k] ?? -1;
  const letterAt = c.letterAt[k] ?? 0;
  return {
    line: c.line[k] ?? 0,
    date: c.date[k] ?? 0,
    ...(pieceDate > 0 ? { pieceDate } : {}),
    compteNum: meta.accounts[c.account[k] ?? -1] ?? "",
    ...(aux >= 0 ? { compAuxNum: meta.auxes[aux] ?? "" } : {}),
    debitCents: c.debit[k] ?? 0,
    creditCents: c.credit[k] ?? 0,
    ...(letterBytes > 0 ? { ecritureLet: c.letters.toString("utf8", letterAt, letterAt + letterBytes) } : {}),
    ...(dateLet > 0 ? { dateLet } : {}),
    etablissement: meta.etabs[c.etab[k] ?? -1] ?? "",
  };
}

/** The whole lines of `some`, decoded from the frames of the lines blob that hold them (page cache). */
async function readWholeLines(
  store: AccountingStore,
  v: VersionRef,
  blobFrames: readonly FrameRef[],
  frameOfLine: ReadonlyMap<number, number>,
  some: readonly ThirdPartyLine[],
): Promise<StoredLine[]> {
  if (some.length === 0) return [];
  const wanted = new Set(some.map((l) => l.line));
  const frames = new Map<number, FrameRef>();
  for (const l of some) {
    const ref = blobFrames[frameOfLine.get(l.line) ?? -1];
    if (ref === undefined) throw new Error(`line ${l.line}: its frame is not in the index`);
    frames.set(ref[0], ref);
  }
  const [layout, inflated] = await Promise.all([store.readLayout(v), store.readFrames(v, frames.values())]);
  const decoder = decoderOf(layout);
  const found = new Map<number, StoredLine>();
  for (const frame of inflated.values())
    forEachRecord(frame, (line, start, end) => {
      if (wanted.has(line)) found.set(line, storedLine(decoder.decode(frame, start, end, line)));
    });
  decoder.release();
  return some.map((l) => wholeLine(found.get(l.line), l.line));
}

/**
 * Every line of the accounts under `accountPrefix` that `scope` may see, over the whole exercice,
 * à-nouveaux included, read through the ledger buckets: the path of imports without a third-party
 * index. Account by account in number order, each in display order (date, then file line).
 */
export async function readThirdPartyLines(
  store: AccountingStore,
  v: VersionRef,
  accountPrefix: string,
  scope: ReadonlySet<string> | undefined,
): Promise<StoredLine[]> {
  const indexes = await store.readLedgerIndex(v, accountPrefix);
  const query = { period: WHOLE_EXERCICE, scope };
  const reader = ledgerReader(store, v, indexes, query);
  const out: StoredLine[] = [];
  for (const index of indexes) {
    const { lines } = await accountLines(store, v, index, query, reader);
    for await (const line of lines) out.push(line);
  }
  return out;
}
