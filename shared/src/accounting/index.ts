export * from "./compute";
export * from "./fec";
