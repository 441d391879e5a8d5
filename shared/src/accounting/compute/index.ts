export * from "./aggregate";
export * from "./balance";
export * from "./journals";
export * from "./key-figures";
export * from "./ledger";
export * from "./pcg";
export * from "./series";
export * from "./sig";
export type { AccountingPageInfo, AccountingPageRequest } from "./paging";
