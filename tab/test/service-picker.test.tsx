import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { translate } from "@comptoir/shared";
import type { ServiceDefinition } from "@comptoir/shared/domain/service-definition";
import { I18nContext } from "../src/i18n/context";
import { ServicePicker } from "../src/features/catalogue/ServicePicker";
import { activeServices, type useActiveServices } from "../src/features/catalogue/useServiceCatalogue";

const i18n = {
  locale: "fr" as const,
  setLocale: () => {},
  t: (k: Parameters<typeof translate>[1], p?: Parameters<typeof translate>[2]) => translate("fr", k, p),
};

const service = (id: string, fr: string, active: boolean): ServiceDefinition => ({
  id,
  label: { fr, en: fr },
  requiresOffer: "consultation",
  active,
});
const CATALOGUE = [service("start", "Offre Start", true), service("ancienne", "Ancienne offre", false)];

/** What useActiveServices() gives once the catalogue answered (the picker reads these fields only). */
const answered = (data: ServiceDefinition[]) =>
  ({ isPending: false, isError: false, data }) as unknown as ReturnType<typeof useActiveServices>;

const render = (data: ServiceDefinition[]) =>
  renderToStaticMarkup(
    <I18nContext.Provider value={i18n}>
      <ServicePicker catalogue={answered(data)} value="" onChange={() => {}} />
    </I18nContext.Provider>,
  );

describe("the services staff may propose", () => {
  it("are the catalogue's active ones: an inactive service stays in the catalogue but is not offered", () => {
    const active = activeServices({ items: CATALOGUE });
    expect(active.map((s) => s.id)).toEqual(["start"]);
    const html = render(active);
    expect(html).toContain("Offre Start");
    expect(html).not.toContain("Ancienne offre");
    expect([...html.matchAll(/type="radio"/g)]).toHaveLength(1);
  });

  it("explain that there is none when every service is inactive", () => {
    const html = render(activeServices({ items: [service("ancienne", "Ancienne offre", false)] }));
    expect(html.replaceAll("&#x27;", "'")).toContain(translate("fr", "staff.propose.noService"));
    expect(html).not.toContain('type="radio"');
  });
});
