export * from "./errors";
export * from "./i18n";
export * from "./identity";
export * from "./domain";
export * from "./accounting";
export * from "./api/back-office";
