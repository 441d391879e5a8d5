/**
 * The firm back office, as pure data and rules: zod schemas (types via z.infer), state changes that
 * return new entities, and rule checks that throw `AppError` with a catalogue code. No I/O: storage
 * and routes call these and persist what they return.
 */
export * from "./access";
export * from "./audit-event";
export * from "./collaborative-widget";
export * from "./common";
export * from "./consultation-offer";
export * from "./contact";
export * from "./dossier";
export * from "./dossier-link";
export * from "./dossier-rules";
export * from "./firm-settings";
export * from "./identifiers";
export * from "./phone";
export * from "./offer";
export * from "./organisational-role";
export * from "./propose-service";
export * from "./search-text";
export * from "./service-definition";
export * from "./service-subscription";
export * from "./validation";
export * from "./rgpd";
export * from "./rgpd-html";
export * from "./rgpd-erasure";
