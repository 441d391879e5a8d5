import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signInAs, staffApi } from "./support";

/**
 * The client's journey of the user story ("Le parcours client"): "Client Collaboratif" (bound to the
 * local client person by the demo seed) first has nothing to consult; staff then open the Consultation
 * offer on DIRECT3 for them; once the invitation is sent, the client's sign-in accepts it and *Ma société*
 * lists DIRECT3 with its fiche; after a revocation the next page load says the access is gone.
 */
test.use({ locale: "fr-FR", viewport: { width: 1280, height: 900 } });
test.describe.configure({ mode: "serial" });

const CLIENT = "Client Collaboratif";
const CLIENT_EMAIL = "client.collaboratif@exemple.fr";
const SOCIETE = "DIRECT3";
const NO_ACCESS = "Vous n'avez pas encore accès à votre espace";
const REVOKED = "Vous n'avez plus accès à cette société";

/** Set by the staff step, read by the later ones. */
let dossierId = "";
let subscriptionId = "";

async function screen(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/client-${name}.png`, fullPage: true });
}

/** No serious or critical axe-core violation (Fluent's focus sentinels are not content). */
async function expectAccessible(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).exclude("[data-tabster-dummy]").analyze();
  const blocking = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} → ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
  expect(blocking, `axe on ${name}`).toEqual([]);
}

/** Nothing on a client screen lets the client change anything. */
async function expectReadOnly(page: Page): Promise<void> {
  const main = page.getByRole("main");
  for (const role of ["textbox", "checkbox", "switch", "radio", "spinbutton"] as const) {
    await expect(main.getByRole(role)).toHaveCount(0);
  }
  await expect(main.getByRole("button", { name: /modifier|supprimer|enregistrer|ajouter|valider/i })).toHaveCount(0);
}

interface DossierDetail {
  dossier: { id: string; code: string; offers: { consultation: { active: boolean } } };
  contacts: { contact: { id: string }; subscriptions: { id: string; status: string }[] }[];
}

async function readDossier(api: APIRequestContext, id: string): Promise<{ detail: DossierDetail; etag: string }> {
  const res = await api.get(`/api/v1/dossiers/${encodeURIComponent(id)}`);
  expect(res.status(), await res.text()).toBe(200);
  const etag = res.headers()["etag"];
  if (!etag) throw new Error("GET /dossiers/:id answered without an ETag");
  return { detail: (await res.json()) as DossierDetail, etag };
}

async function subscriptionStatus(api: APIRequestContext): Promise<string> {
  const { detail } = await readDossier(api, dossierId);
  const sub = detail.contacts.flatMap((c) => c.subscriptions).find((s) => s.id === subscriptionId);
  return sub?.status ?? "missing";
}

test("1. the client signs in before any service: Ma société says there is no access yet", async ({ page }) => {
  await signInAs(page, CLIENT);
  await expect(page.getByRole("heading", { level: 1, name: "Ma société" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: NO_ACCESS })).toBeVisible();
  await expect(page.getByText(/activé pour vous un service collaboratif/)).toBeVisible();
  await expect(page.getByText(/patientez un instant puis rechargez la page/)).toBeVisible();
  await expect(page.getByText(/contactez votre cabinet d'expertise comptable, Cabinet Démo Expertise/)).toBeVisible();
  await expect(page.getByRole("link", { name: /Voir la fiche société/ })).toHaveCount(0);
  await expectReadOnly(page);
  await screen(page, "sans-acces");
  await expectAccessible(page, "Ma société sans accès");
});

test("2. staff open Consultation on DIRECT3 for the client; the invitation is sent", async ({ browser }) => {
  const api = await staffApi(browser);
  try {
    const found = await api.get(`/api/v1/dossiers?q=${SOCIETE}`);
    expect(found.status(), await found.text()).toBe(200);
    const dossier = ((await found.json()) as { items: { id: string; code: string }[] }).items.find(
      (d) => d.code === SOCIETE,
    );
    if (!dossier) throw new Error(`${SOCIETE} is not in the demo seed`);
    dossierId = dossier.id;

    // 1/ the offer on the dossier ("la vignette devient bleue", then Valider)
    const first = await readDossier(api, dossierId);
    if (!first.detail.dossier.offers.consultation.active) {
      const offer = await api.put(`/api/v1/dossiers/${dossierId}/offers/consultation`, {
        data: { active: true },
        headers: { "If-Match": first.etag },
      });
      expect(offer.status(), await offer.text()).toBe(200);
    }

    // 3/ the seed's interlocuteur gets the dossier, Limité à "-" (the default)
    const contacts = await api.get("/api/v1/contacts?q=collaboratif");
    expect(contacts.status(), await contacts.text()).toBe(200);
    const contact = ((await contacts.json()) as { items: { id: string; email: string }[] }).items.find(
      (c) => c.email === CLIENT_EMAIL,
    );
    if (!contact) throw new Error(`The seed contact ${CLIENT_EMAIL} is missing`);
    const link = await api.post(`/api/v1/contacts/${contact.id}/dossiers`, { data: { dossierId } });
    expect([200, 201], await link.text()).toContain(link.status());

    // 3/4 Proposer un service collaboratif pour ce dossier: the Start offer
    const proposed = await api.post(`/api/v1/contacts/${contact.id}/dossiers/${dossierId}/services`, {
      data: { serviceId: "consultation" },
    });
    expect([200, 201], await proposed.text()).toContain(proposed.status());
    subscriptionId = ((await proposed.json()) as { subscription: { id: string } }).subscription.id;

    // 4/ Initialiser the widget with Activation de l'extension
    const { etag } = await readDossier(api, dossierId);
    const widget = await api.put(`/api/v1/dossiers/${dossierId}/widget`, {
      data: { extensionActive: true },
      headers: { "If-Match": etag },
    });
    expect(widget.status(), await widget.text()).toBe(200);

    // The invitation pipeline moves proposed → invited; the client's sign-in then accepts it.
    await expect
      .poll(() => subscriptionStatus(api), { timeout: 30_000, message: "the subscription leaves `proposed`" })
      .toMatch(/^(invited|accepted|active)$/);
  } finally {
    await api.dispose();
  }
});

test("3. the client finds DIRECT3 in Ma société, searches, sorts and opens its fiche", async ({ page }) => {
  await signInAs(page, CLIENT);
  await expect(page.getByRole("heading", { level: 1, name: "Ma société" })).toBeVisible();
  const count = page.getByRole("status").filter({ hasText: /sociét/ });
  await expect(count).toHaveText("1 société");
  const list = page.getByRole("list", { name: "Vos sociétés" });
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list.getByRole("heading", { level: 2, name: SOCIETE })).toBeVisible();
  await expect(list).toContainText("887 654 325");
  await expect(list).toContainText("Lille");
  await expectReadOnly(page);
  await screen(page, "ma-societe");
  await expectAccessible(page, "Ma société");

  // Rechercher société: the server searches, debounced.
  const search = page.getByRole("searchbox", { name: "Rechercher société" });
  await search.fill("zzz-introuvable");
  await expect(count).toHaveText("Aucune société");
  await expect(
    page.getByRole("heading", { level: 2, name: "Aucune société ne correspond à votre recherche" }),
  ).toBeVisible();
  await screen(page, "ma-societe-recherche-vide");
  await search.fill("direct");
  await expect(count).toHaveText("1 société");
  await expect(list.getByRole("heading", { name: SOCIETE })).toBeVisible();
  await search.fill("");
  await expect(page).not.toHaveURL(/[?&]q=/);

  // Trier par Nom A-Z / Nom Z-A
  const sort = page.getByRole("combobox", { name: "Trier par" });
  await expect(sort).toHaveValue("asc");
  await sort.selectOption({ label: "Nom Z-A" });
  await expect(page).toHaveURL(/[?&]dir=desc/);
  await expect(list.getByRole("heading", { name: SOCIETE })).toBeVisible();
  await sort.selectOption({ label: "Nom A-Z" });
  await expect(page).not.toHaveURL(/[?&]dir=desc/);

  // Voir la fiche société
  await list.getByRole("link", { name: /Voir la fiche société/ }).click();
  await expect(page).toHaveURL(new RegExp(`#/ma-societe/${dossierId}`));
  await expect(page.getByRole("heading", { level: 1, name: SOCIETE })).toBeVisible();
  const identity = page.getByRole("region", { name: "Identité de la société" });
  const facts: [string, string[]][] = [
    ["SIREN", ["887 654 325"]],
    ["Forme juridique", ["SASU — Société par actions simplifiée unipersonnelle"]],
    ["Adresse", ["15 rue Nationale", "59000 Lille"]],
    ["Code NAF", ["62.02A"]],
    ["Date de clôture", ["31 mars"]],
  ];
  for (const [term, values] of facts) {
    const fact = identity.locator("dl > div").filter({ has: page.getByRole("term").filter({ hasText: term }) });
    for (const value of values) await expect(fact.getByRole("definition")).toContainText(value);
  }
  const etablissements = page.getByRole("table", { name: "Établissements" });
  await expect(etablissements.getByRole("row").filter({ hasText: "Siège social de Lille" })).toContainText(
    "887 654 325 00018",
  );
  const firm = page.getByRole("region", { name: "Votre interlocuteur au cabinet" });
  await expect(firm).toContainText("Cabinet Démo Expertise");
  await expect(page.getByRole("region", { name: "Comptabilité" })).toContainText("FEC");
  await expect(page).toHaveTitle(`${SOCIETE} – Comptoir`);
  await expectReadOnly(page);
  await screen(page, "fiche-societe");
  await expectAccessible(page, "fiche société");

  await page.getByRole("link", { name: "Retour à Ma société" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ma société" })).toBeVisible();
  await expect(count).toHaveText("1 société");
});

test("4. staff revoke the service: the client's next page load shows the access is gone", async ({ page, browser }) => {
  await signInAs(page, CLIENT, `/#/ma-societe/${dossierId}`);
  await expect(page.getByRole("heading", { level: 1, name: SOCIETE })).toBeVisible();

  const api = await staffApi(browser);
  try {
    const revoked = await api.post(`/api/v1/subscriptions/${subscriptionId}/revoke`);
    expect(revoked.status(), await revoked.text()).toBe(200);
    expect(await subscriptionStatus(api)).toBe("revoked");
  } finally {
    await api.dispose();
  }

  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: REVOKED })).toBeVisible();
  await expect(page.getByText(/contactez votre cabinet d'expertise comptable/)).toBeVisible();
  await expect(page.getByRole("heading", { name: SOCIETE })).toHaveCount(0);
  await screen(page, "acces-retire");
  await expectAccessible(page, "accès retiré");

  await page.getByRole("link", { name: "Retour à Ma société" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ma société" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: NO_ACCESS })).toBeVisible();
});
