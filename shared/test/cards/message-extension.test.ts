import { describe, expect, it } from "vitest";
import {
  composeExtensionResponseSchema,
  dossierIdOfLink,
  dossierPreview,
  MAX_REFRESH_USER_IDS,
  queryInvokeValueSchema,
  resultResponse,
  searchText,
  sharedDossierCard,
  textResponse,
  VERBS,
  type SharedDossierCardInput,
} from "../../src/cards/index";
import { parseActionData } from "../../src/cards/verbs";
import { actionsOf, DOSSIER } from "./fixtures";

const BASE = "https://comptoir.example.fr";
const SHARED = { ...DOSSIER, siren: "552100554" };
const STANDING = {
  consultationActive: true,
  extensionActive: true,
  collaborativeStatus: "accepted",
  liveServices: 1,
} as const;

function input(extra: Partial<SharedDossierCardInput> = {}): SharedDossierCardInput {
  return {
    locale: "fr",
    dossier: SHARED,
    standing: null,
    openLink: "https://teams.microsoft.com/l/entity/app/client",
    webLink: `${BASE}/#/ma-societe/${DOSSIER.id}`,
    userIds: ["29:1abc"],
    ...extra,
  };
}

describe("the shared dossier card", () => {
  it("neutral: name and SIREN, a note that the firm follows it, and no standing", () => {
    const text = JSON.stringify(sharedDossierCard(input()));
    expect(text).toContain("ROLL N CO 2");
    expect(text).toContain("552100554");
    expect(text).toContain("réservé au cabinet");
    expect(text).not.toContain("Offre Consultation");
  });

  it("staff: the offer, the extension, the collaborative status and the live services", () => {
    const card = sharedDossierCard(input({ standing: STANDING, locale: "en" }));
    const facts = card.body.flatMap((el) => (el.type === "FactSet" ? el.facts : []));
    expect(facts).toEqual(
      expect.arrayContaining([
        { title: "Consultation offer", value: "On" },
        { title: "Collaborative status", value: "Accepted" },
        { title: "Services in progress", value: "1" },
      ]),
    );
    expect(JSON.stringify(card)).not.toContain("Only the firm");
  });

  it("refreshes itself with dossier.view for at most 60 users, with data its schema accepts", () => {
    const userIds = Array.from({ length: 70 }, (_, i) => `29:${i}`);
    const card = sharedDossierCard(input({ userIds }));
    expect(card.refresh?.userIds).toHaveLength(MAX_REFRESH_USER_IDS);
    expect(card.refresh?.action.verb).toBe(VERBS.viewDossier);
    for (const action of actionsOf(card).filter((a) => a.type === "Action.Execute"))
      expect(parseActionData(VERBS.viewDossier, action.data).success).toBe(true);
  });

  it("opens in Teams and, when it differs, in the browser", () => {
    const urls = (i: SharedDossierCardInput) =>
      (sharedDossierCard(i).actions ?? []).flatMap((a) => (a.type === "Action.OpenUrl" ? [a.url] : []));
    expect(urls(input())).toEqual([input().openLink, input().webLink]);
    expect(urls(input({ openLink: input().webLink }))).toEqual([input().webLink]);
  });
});

describe("the search preview", () => {
  it("shows staff the offer and the status; a client only name and SIREN; tapping picks the dossier", () => {
    const staff = dossierPreview({ locale: "fr", dossier: SHARED, standing: STANDING });
    expect(staff.content).toEqual({
      title: "000097 – ROLL N CO 2",
      subtitle: "SIREN : 552100554",
      text: "Offre Consultation : Activée · Accepté",
      tap: { type: "invoke", value: { dossierId: DOSSIER.id } },
    });
    const client = dossierPreview({ locale: "en", dossier: { ...SHARED, siren: null } });
    expect(client.content.subtitle).toBe("SIREN not set");
    expect(client.content.text).toBeUndefined();
  });
});

describe("the composeExtension responses", () => {
  it("results and messages have the documented shape", () => {
    const card = sharedDossierCard(input());
    const preview = dossierPreview({ locale: "fr", dossier: SHARED });
    const result = resultResponse([{ card, preview }]);
    expect(result).toEqual({
      composeExtension: {
        type: "result",
        attachmentLayout: "list",
        attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", content: card, preview }],
      },
    });
    expect(composeExtensionResponseSchema.safeParse(result).success).toBe(true);
    expect(composeExtensionResponseSchema.safeParse(textResponse("Rien.")).success).toBe(true);
    expect(composeExtensionResponseSchema.safeParse({ composeExtension: { type: "result" } }).success).toBe(false);
  });
});

describe("the query invoke's search text", () => {
  const text = (value: unknown) => searchText(queryInvokeValueSchema.parse(value));

  it("is the query parameter, trimmed; or the only parameter when the id and the name are left out", () => {
    expect(text({ commandId: "searchDossiers", parameters: [{ name: "query", value: " 000097 " }] })).toBe("000097");
    expect(text({ parameters: [{ name: "", value: "roll" }] })).toBe("roll");
    expect(text({ parameters: [{ name: "initialRun", value: "true" }] })).toBe("");
    expect(text({ parameters: [{ name: "query", value: 42 }] })).toBe("");
  });
});

describe("dossierIdOfLink", () => {
  it("reads the tab's staff and client dossier routes on the app's own origin", () => {
    expect(dossierIdOfLink(`${BASE}/#/dossiers/${DOSSIER.id}`, BASE)).toEqual({ dossierId: DOSSIER.id, side: "staff" });
    expect(dossierIdOfLink(`${BASE}/#/ma-societe/${DOSSIER.id}`, `${BASE}/`)).toEqual({
      dossierId: DOSSIER.id,
      side: "client",
    });
    expect(dossierIdOfLink(`HTTPS://Comptoir.Example.fr/#/dossiers/${DOSSIER.id}/`, BASE)?.dossierId).toBe(DOSSIER.id);
  });

  it("refuses other origins, paths, pages and malformed ids", () => {
    for (const url of [
      `https://evil.example.fr/#/dossiers/${DOSSIER.id}`,
      `https://comptoir.example.fr.evil.fr/#/dossiers/${DOSSIER.id}`,
      `${BASE}/autre/#/dossiers/${DOSSIER.id}`,
      `${BASE}/#/portefeuille`,
      `${BASE}/#/dossiers/`,
      `${BASE}/#/dossiers/%E0%A4%A`,
      `${BASE}/#/dossiers/${"x".repeat(300)}`,
      "pas une url",
    ])
      expect(dossierIdOfLink(url, BASE), url).toBeNull();
  });
});
