export type ThemeKind = "light" | "dark" | "contrast";

/** Teams reports "default", "dark", "contrast" (or "glass"); a plain browser gets light. */
export function themeKindFor(hostTheme: string | null | undefined): ThemeKind {
  switch (hostTheme) {
    case "dark":
      return "dark";
    case "contrast":
      return "contrast";
    default:
      return "light";
  }
}
