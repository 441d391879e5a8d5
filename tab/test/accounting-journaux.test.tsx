import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { translate } from "@comptoir/shared";
import { I18nContext } from "../src/i18n/context";
import { SearchIndexPending } from "../src/features/accounting/JournauxView";

describe("the journaux' search index notice", () => {
  const render = (locale: "fr" | "en", searchIndexPending?: true) =>
    renderToStaticMarkup(
      <I18nContext.Provider
        value={{
          locale,
          setLocale: () => {},
          t: (k: Parameters<typeof translate>[1], p?: Parameters<typeof translate>[2]) => translate(locale, k, p),
        }}
      >
        <SearchIndexPending data={searchIndexPending ? { searchIndexPending } : {}} />
      </I18nContext.Provider>,
    );

  it("says, in the reader's language, that the search read every entry while the index is prepared", () => {
    expect(render("fr", true)).toContain("L&#x27;index de recherche de cet import est en préparation");
    expect(render("en", true)).toContain("search index is being prepared");
  });

  it("says nothing once the search answers from the index", () => {
    expect(render("fr")).toBe("");
  });
});
