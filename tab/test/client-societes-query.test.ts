import { describe, expect, it } from "vitest";
import {
  DEFAULT_SOCIETES_QUERY,
  hasNoAccess,
  readSocietesQuery,
  societeCountText,
  societesSearch,
  sortDirOf,
  withSocietesText,
  writeSocietesQuery,
} from "../src/features/client-home/societes-query";

describe("the count of Ma société", () => {
  it("says Aucune société, 1 société, 3 sociétés", () => {
    expect(societeCountText("fr", 0)).toBe("Aucune société");
    expect(societeCountText("fr", 1)).toBe("1 société");
    expect(societeCountText("fr", 3)).toBe("3 sociétés");
  });

  it("says the same in English", () => {
    expect(societeCountText("en", 0)).toBe("No company");
    expect(societeCountText("en", 1)).toBe("1 company");
    expect(societeCountText("en", 2)).toBe("2 companies");
  });
});

describe("the search and sort of Ma société", () => {
  it("reads the URL, falling back to names A-Z without a search", () => {
    expect(readSocietesQuery(new URLSearchParams())).toEqual(DEFAULT_SOCIETES_QUERY);
    expect(readSocietesQuery(new URLSearchParams("q=direct&dir=desc"))).toEqual({ q: "direct", dir: "desc" });
    expect(readSocietesQuery(new URLSearchParams("dir=sideways")).dir).toBe("asc");
    expect(readSocietesQuery(new URLSearchParams({ q: "x".repeat(150) })).q).toHaveLength(100);
  });

  it("writes only what differs from the defaults, so the plain address is the default list", () => {
    expect(writeSocietesQuery(DEFAULT_SOCIETES_QUERY).toString()).toBe("");
    expect(writeSocietesQuery({ q: "  ", dir: "asc" }).toString()).toBe("");
    const written = writeSocietesQuery({ q: "direct 3", dir: "desc" });
    expect(readSocietesQuery(written)).toEqual({ q: "direct 3", dir: "desc" });
  });

  it("asks the server with a trimmed search and the direction", () => {
    expect(new URLSearchParams(societesSearch({ q: "  DIRECT3 ", dir: "desc" })).get("q")).toBe("DIRECT3");
    expect(new URLSearchParams(societesSearch({ q: "", dir: "asc" })).has("q")).toBe(false);
    expect(new URLSearchParams(societesSearch({ q: "", dir: "desc" })).get("dir")).toBe("desc");
  });

  it("takes only the two known directions from the sort control", () => {
    expect(sortDirOf("desc")).toBe("desc");
    expect(sortDirOf("asc")).toBe("asc");
    expect(sortDirOf(null)).toBe("asc");
  });
});

describe("the no-access page", () => {
  it("shows while the guest is not linked to any contact, whatever the search", () => {
    expect(hasNoAccess({ bound: false, total: 0 }, false)).toBe(true);
    expect(hasNoAccess({ bound: false, total: 0 }, true)).toBe(true);
  });

  it("shows when no société is open to the client", () => {
    expect(hasNoAccess({ bound: true, total: 0 }, false)).toBe(true);
  });

  it("does not show for a search that found nothing, nor when there is something to consult", () => {
    expect(hasNoAccess({ bound: true, total: 0 }, true)).toBe(false);
    expect(hasNoAccess({ bound: true, total: 1 }, false)).toBe(false);
  });
});

describe("the search box's settled text on Ma société", () => {
  it("replaces the search and keeps the sort the URL has by then", () => {
    expect(withSocietesText(new URLSearchParams("q=old&dir=desc"), "direct").toString()).toBe("q=direct&dir=desc");
    expect(withSocietesText(new URLSearchParams("dir=desc"), "").toString()).toBe("dir=desc");
  });
});
