/** Message keys per value, written out whole so that the catalogue test finds each one. */
export const ACCOUNT_KEY = { "411": "agedUi.account.411", "401": "agedUi.account.401" } as const;
export const SIGN_KEY = { "411": "agedUi.sign.411", "401": "agedUi.sign.401" } as const;
export const NO_ACCOUNT_KEY = { "411": "agedUi.empty.noAccount.411", "401": "agedUi.empty.noAccount.401" } as const;
export const BUCKET_KEY = {
  notDue: "agedUi.col.notDue",
  d0_30: "agedUi.col.d0_30",
  d31_60: "agedUi.col.d31_60",
  d61_90: "agedUi.col.d61_90",
  over90: "agedUi.col.over90",
} as const;
export const DATE_KIND_KEY = {
  piece: { short: "agedUi.dateKind.piece", long: "agedUi.dateKind.piece.long" },
  ecriture: { short: "agedUi.dateKind.ecriture", long: "agedUi.dateKind.ecriture.long" },
} as const;
