import type { FecEntry } from "./entry";

/** Reads one line's text fields for `fillFecEntry`: "" when the field is absent, empty or not wanted. */
export interface FecEntryTexts {
  /** `rank`: the field's index in FEC_TEXT_FIELDS (readers keep per-field tables as arrays: fast loads). */
  fieldText(rank: number): string;
}

/** Marks an absent or empty amount field (the parser's and the decoder's `amount()` return it). */
export const EMPTY_AMOUNT = Number.NEGATIVE_INFINITY;

const orUndefined = (text: string): string | undefined => (text === "" ? undefined : text);

/**
 * The one mapping from a FEC line to a FecEntry, shared by the parser (import) and the line decoder (reads of
 * stored lines), so both build the same entry field for field. It sets every key, so a reused entry keeps its shape.
 */
export function fillFecEntry(
  entry: FecEntry,
  texts: FecEntryTexts,
  line: number,
  date: number,
  debit: number,
  credit: number,
  /** CompAuxNum is present: the auxiliary fields are read only then. */
  hasAux: boolean,
  /** EcritureLet is not blank (the parser knows it from its blank mask; the decoder reads it anyway). */
  hasLet: boolean,
  pieceDate: number,
  dateLet: number,
  validDate: number,
  /** EMPTY_AMOUNT when the field is empty. */
  devise: number,
): FecEntry {
  entry.line = line;
  entry.journalCode = texts.fieldText(0 /* journalCode */);
  entry.journalLib = texts.fieldText(1 /* journalLib */);
  entry.ecritureNum = texts.fieldText(2 /* ecritureNum */);
  entry.date = date;
  entry.compteNum = texts.fieldText(3 /* compteNum */);
  entry.compteLib = texts.fieldText(4 /* compteLib */);
  entry.compAuxNum = hasAux ? orUndefined(texts.fieldText(5 /* compAuxNum */)) : undefined;
  entry.compAuxLib = hasAux ? orUndefined(texts.fieldText(6 /* compAuxLib */)) : undefined;
  entry.pieceRef = texts.fieldText(7 /* pieceRef */);
  entry.pieceDate = pieceDate > 0 ? pieceDate : undefined;
  entry.ecritureLib = texts.fieldText(8 /* ecritureLib */);
  entry.debitCents = debit;
  entry.creditCents = credit;
  entry.ecritureLet = hasLet ? orUndefined(texts.fieldText(9 /* ecritureLet */)) : undefined;
  entry.dateLet = dateLet > 0 ? dateLet : undefined;
  entry.validDate = validDate > 0 ? validDate : undefined;
  entry.montantDeviseCents = devise === EMPTY_AMOUNT ? undefined : devise;
  entry.idevise = orUndefined(texts.fieldText(10 /* idevise */));
  entry.etablissement = orUndefined(texts.fieldText(11 /* etablissement */));
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
