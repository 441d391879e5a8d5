import { describe, expect, it } from "vitest";
import {
  DEFAULT_PORTFOLIO_QUERY,
  dossierListSearch,
  readPortfolioQuery,
  toggleSort,
  withPortfolioText,
  writePortfolioQuery,
} from "../src/features/portfolio/portfolio-query";

describe("the Portefeuille query in the URL", () => {
  it("reads defaults from an empty URL and ignores values we do not know", () => {
    expect(readPortfolioQuery(new URLSearchParams())).toEqual(DEFAULT_PORTFOLIO_QUERY);
    expect(readPortfolioQuery(new URLSearchParams("sort=hack&dir=up&offer=maybe"))).toEqual(DEFAULT_PORTFOLIO_QUERY);
  });

  it("round-trips a search, a sort and the offer filter, writing only what differs from the defaults", () => {
    const query = { q: "roll", sort: "name" as const, dir: "desc" as const, offer: "on" as const };
    const written = writePortfolioQuery(query);
    expect(written.toString()).toBe("q=roll&sort=name&dir=desc&offer=on");
    expect(readPortfolioQuery(written)).toEqual(query);
    expect(writePortfolioQuery(DEFAULT_PORTFOLIO_QUERY).toString()).toBe("");
  });

  it("keeps at most 100 characters of search, as the API accepts", () => {
    expect(readPortfolioQuery(new URLSearchParams({ q: "x".repeat(150) })).q).toHaveLength(100);
  });
});

describe("the search box's settled text", () => {
  it("replaces the search and keeps the sort and filter the URL has by then", () => {
    const now = new URLSearchParams("q=old&sort=name&dir=desc&offer=off");
    expect(withPortfolioText(now, "roll").toString()).toBe("q=roll&sort=name&dir=desc&offer=off");
    expect(withPortfolioText(now, "  ").toString()).toBe("sort=name&dir=desc&offer=off");
  });
});

describe("sorting by column header", () => {
  it("flips the direction on the current column and sorts another column ascending", () => {
    const byName = toggleSort(DEFAULT_PORTFOLIO_QUERY, "name");
    expect(byName).toMatchObject({ sort: "name", dir: "asc" });
    expect(toggleSort(byName, "name")).toMatchObject({ sort: "name", dir: "desc" });
    expect(toggleSort({ ...byName, dir: "desc" }, "siren")).toMatchObject({ sort: "siren", dir: "asc" });
  });
});

describe("GET /dossiers query string", () => {
  it("sends sort, direction, filter, page size, the trimmed search and the cursor", () => {
    const params = new URLSearchParams(
      dossierListSearch({ q: "  test ", sort: "responsible", dir: "desc", offer: "off" }, "abc", 200),
    );
    expect(Object.fromEntries(params)).toEqual({
      sort: "responsible",
      dir: "desc",
      offer: "off",
      limit: "200",
      q: "test",
      cursor: "abc",
    });
  });

  it("leaves out an empty search and the first page's cursor", () => {
    const params = new URLSearchParams(dossierListSearch({ ...DEFAULT_PORTFOLIO_QUERY, q: "  " }, null, 100));
    expect(params.has("q")).toBe(false);
    expect(params.has("cursor")).toBe(false);
  });
});
