import { FEC_TEXT_FIELDS, type FecEntry, type FecTextField } from "./entry";

/** A text field's rank in FEC_TEXT_FIELDS: readers keep per-field tables as arrays, read by rank (fast loads). */
export const TEXT_FIELD = Object.fromEntries(FEC_TEXT_FIELDS.map((f, i) => [f, i])) as Record<FecTextField, number>;
const T = TEXT_FIELD;

/** Reads one line's text fields for `fillFecEntry`: "" when the field is absent, empty or not wanted. */
export interface FecEntryTexts {
  /** `rank`: the field's TEXT_FIELD rank. */
  text(rank: number): string;
}

/** Marks an absent or empty amount field (the parser's and the decoder's `amount()` return it). */
export const EMPTY_AMOUNT = Number.NEGATIVE_INFINITY;

/** What the reader of a line decoded itself: amounts in cents, dates as yyyymmdd (0 when empty). */
export interface FecEntryNumbers {
  line: number;
  date: number;
  debit: number;
  credit: number;
  pieceDate: number;
  dateLet: number;
  validDate: number;
  /** EMPTY_AMOUNT when the field is empty. */
  devise: number;
  /** CompAuxNum is present: the auxiliary fields are read only then. */
  hasAux: boolean;
  /** EcritureLet is not blank (the parser knows it from its blank mask; the decoder reads it anyway). */
  hasLet: boolean;
}

const orUndefined = (text: string): string | undefined => (text === "" ? undefined : text);

/**
 * The one mapping from a FEC line to a FecEntry, shared by the parser (import) and the line decoder (reads of
 * stored lines), so both build the same entry field for field. It sets every key, so a reused entry keeps its shape.
 */
export function fillFecEntry(entry: FecEntry, n: FecEntryNumbers, texts: FecEntryTexts): FecEntry {
  entry.line = n.line;
  entry.journalCode = texts.text(T.journalCode);
  entry.journalLib = texts.text(T.journalLib);
  entry.ecritureNum = texts.text(T.ecritureNum);
  entry.date = n.date;
  entry.compteNum = texts.text(T.compteNum);
  entry.compteLib = texts.text(T.compteLib);
  entry.compAuxNum = n.hasAux ? orUndefined(texts.text(T.compAuxNum)) : undefined;
  entry.compAuxLib = n.hasAux ? orUndefined(texts.text(T.compAuxLib)) : undefined;
  entry.pieceRef = texts.text(T.pieceRef);
  entry.pieceDate = n.pieceDate > 0 ? n.pieceDate : undefined;
  entry.ecritureLib = texts.text(T.ecritureLib);
  entry.debitCents = n.debit;
  entry.creditCents = n.credit;
  entry.ecritureLet = n.hasLet ? orUndefined(texts.text(T.ecritureLet)) : undefined;
  entry.dateLet = n.dateLet > 0 ? n.dateLet : undefined;
  entry.validDate = n.validDate > 0 ? n.validDate : undefined;
  entry.montantDeviseCents = n.devise === EMPTY_AMOUNT ? undefined : n.devise;
  entry.idevise = orUndefined(texts.text(T.idevise));
  entry.etablissement = orUndefined(texts.text(T.etablissement));
  return entry;
}

/** An entry with every key present, so that filling it never changes its shape. */
export function blankFecEntry(): FecEntry {
  return {
    line: 0,
    journalCode: "",
    journalLib: "",
    ecritureNum: "",
    date: 0,
    compteNum: "",
    compteLib: "",
    compAuxNum: undefined,
    compAuxLib: undefined,
    pieceRef: "",
    pieceDate: undefined,
    ecritureLib: "",
    debitCents: 0,
    creditCents: 0,
    ecritureLet: undefined,
    dateLet: undefined,
    validDate: undefined,
    montantDeviseCents: undefined,
    idevise: undefined,
    etablissement: undefined,
  };
}
