export type HostKind = "teams" | "browser";

/**
 * Teams, Outlook and the Microsoft 365 app load the tab in a frame (or with `?host=teams`
 * in the content URL of the manifest); anything else is a plain browser.
 */
export function detectHost(url: string, framed: boolean): HostKind {
  if (framed) return "teams";
  const params = new URL(url).searchParams;
  return params.get("host")?.toLowerCase() === "teams" ? "teams" : "browser";
}

/** What host detection reads of the window (a test passes a plain object). */
export interface HostWindow {
  readonly location: { readonly href: string };
  readonly parent: unknown;
}

export function isFramed(win: HostWindow): boolean {
  try {
    return win.parent !== win;
  } catch {
    // A cross-origin parent can throw on access: that is a frame too.
    return true;
  }
}
