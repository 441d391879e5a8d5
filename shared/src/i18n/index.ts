export * from "./locale";
export * from "./translate";
export type { MessageKey } from "./fr";
