import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { json, mailboxUrl, openConsultation, signInAs, staffApi } from "./support";

/**
 * "Le parcours client" end to end: staff propose the service, the dev mailbox shows our e-mail with the
 * link and the identifier, the client follows the link, accepts the invitation and signs in; *Ma société*
 * lists what they may see, a second contact limited to one établissement sees only it, and a revocation
 * shows the no-access page at the next page load.
 */
test.use({ locale: "fr-FR", viewport: { width: 1280, height: 900 } });
test.describe.configure({ mode: "serial" });

const stamp = Date.now().toString(36);
const CLIENT_A = {
  prenom: "Sophie",
  nom: `Durand${stamp}`,
  email: `sophie.durand.${stamp}@exemple.fr`,
  limitedTo: "-" as const,
};
const CLIENT_B = { prenom: "Marc", nom: `Petit${stamp}`, email: `marc.petit.${stamp}@exemple.fr`, limitedTo: ["002"] };
const SOCIETE = "TESTESTRADE";

let api: APIRequestContext;
let dossierId = "";
const subscriptions: Record<string, string> = {};

async function screen(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/invitation-${name}.png`, fullPage: true });
}

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  api = await staffApi(browser);
});
test.afterAll(async () => {
  await api.dispose();
});

test("staff open TESTESTRADE, add a second établissement and propose the service to two contacts", async () => {
  const page = await json<{ items: { id: string; code: string }[] }>(await api.get("/api/v1/dossiers?q=000001"));
  dossierId = page.items.find((d) => d.code === "000001")?.id ?? "";
  expect(dossierId).not.toBe("");

  let res = await api.get(`/api/v1/dossiers/${dossierId}`);
  const detail = await json<{ dossier: { etablissements: unknown[] } }>(res);
  res = await api.patch(`/api/v1/dossiers/${dossierId}`, {
    headers: { "If-Match": res.headers()["etag"] ?? "" },
    data: {
      etablissements: [
        ...detail.dossier.etablissements,
        { code: "002", name: "Entrepôt de Vénissieux", siret: "90412873300022" },
      ],
    },
  });
  await openConsultation(api, dossierId, res);

  const roles = await json<{ items: { id: string }[] }>(await api.get("/api/v1/roles"));
  for (const client of [CLIENT_A, CLIENT_B]) {
    const contact = await json<{ id: string }>(
      await api.post("/api/v1/contacts", {
        data: { nom: client.nom, prenom: client.prenom, email: client.email, roleId: roles.items[0]?.id },
      }),
    );
    await json(
      await api.post(`/api/v1/contacts/${contact.id}/dossiers`, { data: { dossierId, limitedTo: client.limitedTo } }),
    );
    const proposed = await json<{ subscription: { id: string } }>(
      await api.post(`/api/v1/contacts/${contact.id}/dossiers/${dossierId}/services`, {
        data: { serviceId: "consultation" },
      }),
    );
    subscriptions[client.email] = proposed.subscription.id;
  }

  await expect
    .poll(
      async () => {
        const list = await json<{ items: { subscriptionId: string; mail: string }[] }>(
          await api.get(`/api/v1/dossiers/${dossierId}/invitations`),
        );
        return Object.values(subscriptions).every(
          (id) => list.items.find((i) => i.subscriptionId === id)?.mail === "sent",
        );
      },
      { timeout: 30_000 },
    )
    .toBe(true);
});

/** Opens the client's e-mail in the dev mailbox, follows its link, accepts the invitation and signs in. */
async function acceptAndSignIn(page: Page, client: typeof CLIENT_A | typeof CLIENT_B, shot: string) {
  await page.goto(mailboxUrl());
  await expect(page.getByRole("heading", { level: 1, name: "Boîte aux lettres de développement" })).toBeVisible();
  const mail = page.getByRole("article").filter({ hasText: client.email }).filter({ hasText: "Comptoir" }).first();
  await expect(mail).toBeVisible();
  const body = mail.frameLocator("iframe");
  // The identifier is the contact's e-mail; the password is their Microsoft account's.
  await expect(body.getByText(client.email).first()).toBeVisible();
  await screen(page, `${shot}-boite`);
  await body.getByRole("link", { name: "Accepter l'invitation" }).first().click();

  await expect(page.getByRole("button", { name: "Accepter" })).toBeVisible();
  await screen(page, `${shot}-consentement`);
  await page.getByRole("button", { name: "Accepter" }).click();

  await expect(page.getByRole("heading", { name: "Connexion locale" })).toBeVisible();
  await page.getByRole("button", { name: new RegExp(client.nom) }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ma société" })).toBeVisible();
}

test("the client follows the e-mail's link, accepts, signs in and consults TESTESTRADE", async ({ page }) => {
  await acceptAndSignIn(page, CLIENT_A, "a");
  await expect(page.getByText("1 société")).toBeVisible();
  await expect(page.getByText(SOCIETE, { exact: true })).toBeVisible();
  await screen(page, "a-ma-societe");
  await page
    .getByRole("link", { name: /Voir la fiche société/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1, name: SOCIETE })).toBeVisible();
  await expect(page.getByText("Siège social de Lyon")).toBeVisible();
  await expect(page.getByText("Entrepôt de Vénissieux")).toBeVisible();
  // Issue 18: the collaborateur's details, as Paramètres gives them (the demo fills Sophie Bernard's).
  await expect(page.getByRole("link", { name: "sophie.bernard@cabinet-demo.example" })).toHaveAttribute(
    "href",
    "mailto:sophie.bernard@cabinet-demo.example",
  );
  await expect(page.getByRole("link", { name: "+33142000001" })).toHaveAttribute("href", "tel:+33142000001");
  await screen(page, "a-fiche");
});

test("a contact limited to one établissement sees only that one", async ({ page }) => {
  await acceptAndSignIn(page, CLIENT_B, "b");
  await page
    .getByRole("link", { name: /Voir la fiche société/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1, name: SOCIETE })).toBeVisible();
  await expect(page.getByText("Entrepôt de Vénissieux")).toBeVisible();
  await expect(page.getByText("Siège social de Lyon")).toHaveCount(0);
});

test("after revocation, the client's next page load shows the no-access page", async ({ page }) => {
  await acceptAndSignIn(page, CLIENT_A, "a2");
  await expect(page.getByText(SOCIETE, { exact: true })).toBeVisible();
  const res = await api.post(`/api/v1/subscriptions/${subscriptions[CLIENT_A.email]}/revoke`);
  expect(res.status(), await res.text()).toBe(200);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Vous n'avez pas encore accès à votre espace" })).toBeVisible();
  await screen(page, "a-revoque");
});

test("a failed invitation shows on the dossier's dashboard, and Renvoyer sends it", async ({ page }) => {
  const graph = new URL(mailboxUrl()).origin;
  const fault = await fetch(`${graph}/_control/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ match: "POST /v1.0/invitations", status: 400, times: 1 }),
  });
  expect(fault.ok).toBe(true);
  const email = `lucie.martin.${stamp}@exemple.fr`;
  const roles = await json<{ items: { id: string }[] }>(await api.get("/api/v1/roles"));
  const contact = await json<{ id: string }>(
    await api.post("/api/v1/contacts", {
      data: { nom: `Martin${stamp}`, prenom: "Lucie", email, roleId: roles.items[0]?.id },
    }),
  );
  await json(await api.post(`/api/v1/contacts/${contact.id}/dossiers`, { data: { dossierId } }));
  await json(
    await api.post(`/api/v1/contacts/${contact.id}/dossiers/${dossierId}/services`, {
      data: { serviceId: "consultation" },
    }),
  );

  await signInAs(page, "Camille Martin", `/#/dossiers/${dossierId}`);
  await page.getByRole("tab", { name: "Tableau de bord" }).click();
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row.getByText(/Échec de l'invitation/)).toBeVisible({ timeout: 20_000 });
  await screen(page, "echec");
  await row.getByRole("button", { name: /Renvoyer/ }).click();
  await expect(row.getByText(/E-mail envoyé le/)).toBeVisible({ timeout: 20_000 });
  await screen(page, "renvoye");
});
