export * from "./errors";
export * from "./i18n";
export * from "./identity";
