export * from "./amount";
export * from "./columns";
export * from "./date";
export { decodeLatin9, decodeUtf8, encodeLatin9, type FecEncoding } from "./encoding";
export * from "./entry";
export * from "./filename";
export * from "./issues";
export * from "./parser";
