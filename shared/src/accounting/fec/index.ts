export * from "./amount";
export {
  analyseHeader,
  canonicalColumn,
  FEC_COLUMNS,
  FEC_EXTRA_COLUMNS,
  type FecColumn,
  type FecVariant,
  type HeaderLayout,
} from "./columns";
export * from "./date";
export { decodeLatin9, decodeUtf8, encodeLatin9, type FecEncoding } from "./encoding";
export * from "./entry";
export * from "./filename";
export * from "./issues";
export * from "./line-decoder";
export * from "./parser";
export * from "./report";
