/**
 * The bot's Adaptive Cards (schema 1.5, Universal Actions) as pure functions of data and locale,
 * the verbs and data schemas of their actions, and the chat command parser.
 */
export * from "./types";
export * from "./verbs";
export { dossierLabel, formatDateTime, MAX_LIST_ITEMS, statusLabel } from "./format";
export * from "./deep-link";
export * from "./invoke-response";
export * from "./commands";
export * from "./welcome-card";
export * from "./proposal-cards";
export * from "./dossier-card";
export * from "./contact-card";
export * from "./status-card";
export * from "./help-card";
export * from "./client-card";
export * from "./notification-card";
export * from "./error-card";
export * from "./access-cards";
export * from "./import-notice-card";
export * from "./intake-card";
export * from "./shared-dossier-card";
export * from "./message-extension";
