import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { oneSaleFec } from "../bot/dev/fec-text";
import { baseUrl, inviteClient, json, openConsultation, signInAs, signInFromInvitation, staffApi } from "./support";

/**
 * Issue 17, "clients told when their figures change": staff import a FEC for a dossier whose client has an
 * active Consultation; the client's Teams conversation receives the card with the key figures (read from the
 * recording Bot Connector the app's local bot answers, LOCAL_BOT_SERVICE_URL, see global-setup.ts); staff see in
 * the import history that the client was told.
 */
test.use({ locale: "fr-FR", viewport: { width: 1280, height: 900 } });
test.describe.configure({ mode: "serial" });

const stamp = Date.now().toString(36).toUpperCase();
const CODE = `NTF${stamp}`;
const NAME = `Notifiée ${stamp}`;
const CLIENT = { prenom: "Léa", nom: `Notice${stamp}`, email: `lea.notice.${stamp.toLowerCase()}@exemple.fr` };
const FILE_NAME = "FEC20241231.txt";
const conversationId = `a:1personal-e2e-${stamp}`;

let api: APIRequestContext;
let dossierId = "";
let contactId = "";

function connectorUrl(): string {
  const url = process.env.E2E_CONNECTOR_URL;
  if (!url) throw new Error("E2E_CONNECTOR_URL is set by e2e/global-setup.ts");
  return url;
}

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  api = await staffApi(browser);
});
test.afterAll(async () => {
  await api.dispose();
});

test("1. a client with an active Consultation, who talks to the bot in Teams", async ({ page }) => {
  const dossier = await json<{ id: string }>(await api.post("/api/v1/dossiers", { data: { code: CODE, name: NAME } }));
  dossierId = dossier.id;
  await openConsultation(api, dossierId, await api.get(`/api/v1/dossiers/${dossierId}`));
  contactId = (await inviteClient(api, dossierId, CLIENT)).contactId;
  // The client accepts the invitation from the dev mailbox and signs in: the Consultation is active.
  await signInFromInvitation(page, CLIENT);

  // Their Teams client writes to the bot once, through the connector: the bot keeps the conversation.
  const detail = await json<{ contact: { guest: { objectId: string } | null } }>(
    await api.get(`/api/v1/contacts/${contactId}`),
  );
  const oid = detail.contact.guest?.objectId ?? "";
  expect(oid).not.toBe("");
  const { tenantId } = await json<{ tenantId: string }>(await api.get("/api/v1/me"));
  const res = await page.request.post(`${baseUrl()}/api/messages`, {
    data: {
      type: "message",
      id: `e2e-${stamp}`,
      serviceUrl: connectorUrl(),
      channelId: "msteams",
      from: { id: `29:1${oid}`, name: `${CLIENT.prenom} ${CLIENT.nom}`, aadObjectId: oid },
      conversation: { id: conversationId, conversationType: "personal", tenantId },
      channelData: { tenant: { id: tenantId } },
      recipient: { id: "28:comptoir-bot", name: "Comptoir" },
      text: "aide",
      locale: "fr-FR",
    },
  });
  expect(res.status()).toBe(200);
});

test("2. staff import the FEC; the client's conversation receives the card; staff see who was told", async ({
  page,
}) => {
  await signInAs(page, "Camille Martin", `/#/dossiers/${dossierId}?onglet=comptabilite`);
  // The dossier page's first load also fetches its accounting chunk: give a loaded machine time.
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(CODE) })).toBeVisible({ timeout: 15_000 });
  await page.getByLabel("Début de l'exercice").fill("2024-01-01");
  await page.getByLabel("Clôture de l'exercice").fill("2024-12-31");
  await page.getByLabel("Fichier FEC").setInputFiles({
    name: FILE_NAME,
    mimeType: "text/plain",
    buffer: Buffer.from(oneSaleFec("4321,00"), "utf8"),
  });
  await page.getByRole("button", { name: "Importer", exact: true }).click();
  const report = page.getByRole("region", { name: "Rapport de validation" });
  await expect(report.getByText("Import réussi")).toBeVisible({ timeout: 30_000 });

  /** The notice cards the connector received for the client's conversation, as text. */
  const notices = async (): Promise<string[]> => {
    const query = `conversationId=${encodeURIComponent(conversationId)}&method=POST`;
    const res = await page.request.get(`${connectorUrl()}/_recorded?${query}`);
    const { requests } = (await res.json()) as { requests: { status: number; body: unknown }[] };
    return requests
      .filter((r) => r.status === 201)
      .map((r) => JSON.stringify(r.body).replace(/\s/g, " "))
      .filter((text) => text.includes("Nouvelle comptabilité disponible"));
  };
  await expect.poll(async () => (await notices()).length, { timeout: 30_000 }).toBe(1);
  const [card = ""] = await notices();
  expect(card).toContain("Chiffre d'affaires");
  expect(card).toContain("4 321,00 €");
  expect(card).toContain("Ne plus me prévenir");
  // Local mode has no Teams app id: the button opens the web app at the société (teams mode: a Teams deep link).
  expect(card).toContain(`/#/ma-societe/${dossierId}`);

  const history = page.getByRole("table", { name: "Historique des imports" });
  const row = history.getByRole("row").filter({ hasText: FILE_NAME });
  await row.getByRole("button", { name: "Interlocuteurs prévenus" }).click();
  const dialog = page.getByRole("dialog", { name: "Interlocuteurs prévenus" });
  const told = dialog.getByRole("row").filter({ hasText: CLIENT.nom });
  await expect(told).toContainText("Envoyé", { timeout: 15_000 });
  await page.screenshot({ path: "test-results/screens/import-notices.png", fullPage: true });
});
