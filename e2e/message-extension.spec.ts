import { createRequire } from "node:module";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_STAFF } from "../bot/dev/demo-persons";
import {
  composeExtensionResponseSchema,
  SEARCH_DOSSIERS_COMMAND,
  VERBS,
  type AdaptiveCard,
  type CardInvokeResponse,
} from "@comptoir/shared";
import { connectorUrl } from "./client-in-teams";
import { baseUrl, expectAccessible, json, staffApi } from "./support";

/**
 * The message extension's dossier card in Chromium: the real local bot answers the "Dossiers" search and the card's
 * refresh (as Teams posts them, through the local connector's origin), and the card is rendered by the same
 * `adaptivecards` renderer as the tab's card preview, then checked with axe — the neutral card everyone first sees
 * and the staff view the refresh gives.
 */
test.use({ locale: "fr-FR" });

/** What the page uses of the `adaptivecards` bundle's global (the tab's dependency, typed here by shape). */
interface AdaptiveCardsGlobal {
  AdaptiveCard: new () => { hostConfig: unknown; parse(card: unknown): void; render(): HTMLElement | undefined };
  HostConfig: new (config: object) => unknown;
}

const ADAPTIVE_CARDS_BUNDLE = createRequire(import.meta.url).resolve("adaptivecards/dist/adaptivecards.js");

async function invoke(page: Page, tenantId: string, name: string, value: unknown): Promise<unknown> {
  const res = await page.request.post(`${baseUrl()}/api/messages`, {
    data: {
      type: "invoke",
      name,
      value,
      id: `e2e-msgext-${Date.now().toString(36)}`,
      serviceUrl: connectorUrl(),
      channelId: "msteams",
      from: { id: `29:1${DEMO_STAFF.oid}`, name: DEMO_STAFF.name, aadObjectId: DEMO_STAFF.oid },
      conversation: { id: `19:e2e-msgext@thread.v2`, conversationType: "groupChat", tenantId },
      channelData: { tenant: { id: tenantId } },
      recipient: { id: "28:comptoir-bot", name: "Comptoir" },
      locale: "fr-FR",
    },
  });
  expect(res.status(), await res.text()).toBe(200);
  return res.json();
}

/** Renders the card alone on a page with the tab's CardPreview renderer, its parts exposed to axe (not an image). */
async function render(page: Page, card: AdaptiveCard, title: string): Promise<void> {
  await page.setContent(
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${title}</title></head>` +
      `<body><main><h1>${title}</h1><div id="card"></div></main></body></html>`,
  );
  await page.addScriptTag({ path: ADAPTIVE_CARDS_BUNDLE });
  await page.evaluate(
    (json) => {
      const lib = (window as unknown as { AdaptiveCards: AdaptiveCardsGlobal }).AdaptiveCards;
      const adaptive = new lib.AdaptiveCard();
      // A heading's level is the host's to give (Teams gives one); the page's title is the h1.
      adaptive.hostConfig = new lib.HostConfig({
        fontFamily: "Segoe UI, system-ui, sans-serif",
        textBlock: { headingLevel: 2 },
      });
      adaptive.parse(json);
      const rendered = adaptive.render();
      if (rendered) document.getElementById("card")?.appendChild(rendered);
    },
    card as unknown as object,
  );
}

test("the Dossiers search's card and its staff refresh render accessibly in Chromium", async ({ browser, page }) => {
  const api = await staffApi(browser);
  const { tenantId } = await json<{ tenantId: string }>(await api.get("/api/v1/me"));

  const answer = await invoke(page, tenantId, "composeExtension/query", {
    commandId: SEARCH_DOSSIERS_COMMAND,
    parameters: [{ name: "query", value: "000097" }],
  });
  const parsed = composeExtensionResponseSchema.parse(answer);
  if (parsed.composeExtension.type !== "result") throw new Error(parsed.composeExtension.text);
  const hit = parsed.composeExtension.attachments.find((a) => a.preview.content.title.startsWith("000097"));
  expect(hit?.preview.content.text).toMatch(/^Offre Consultation : /);
  const card = hit?.content as unknown as AdaptiveCard;

  await render(page, card, "Carte insérée par la recherche Dossiers");
  await expect(page.getByText("000097 –").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Ouvrir dans Comptoir" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Voir le statut" })).toBeVisible();
  await expect(page.getByText(/réservé au cabinet/)).toBeVisible();
  await expectAccessible(page, "carte Dossiers (neutre)");

  const refreshed = (await invoke(page, tenantId, "adaptiveCard/action", {
    action: { type: "Action.Execute", verb: VERBS.viewDossier, data: card.refresh?.action.data ?? {} },
    trigger: "automatic",
  })) as CardInvokeResponse;
  expect(refreshed.type).toBe("application/vnd.microsoft.card.adaptive");
  await render(page, refreshed.value as AdaptiveCard, "Carte Dossiers vue par le cabinet");
  await expect(page.getByText("Statut collaboratif")).toBeVisible();
  await expect(page.getByText("Offre Consultation")).toBeVisible();
  await expectAccessible(page, "carte Dossiers (vue cabinet)");
  await api.dispose();
});
