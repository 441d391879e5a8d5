import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { baseUrl, inviteClient, json, openConsultation, signInFromInvitation, type E2eClient } from "./support";

/** The recording Bot Connector the app's local bot answers (LOCAL_BOT_SERVICE_URL, see global-setup.ts). */
export function connectorUrl(): string {
  const url = process.env.E2E_CONNECTOR_URL;
  if (!url) throw new Error("E2E_CONNECTOR_URL is set by e2e/global-setup.ts");
  return url;
}

export interface ClientInTeams {
  dossierId: string;
  contactId: string;
  conversationId: string;
}

/**
 * Through the staff API and the client's browser: a dossier with its Consultation open, a contact whose service
 * was proposed, accepted from the dev mailbox and signed in, and who then wrote once to the bot from Teams (a
 * message through the recording connector), so that the bot keeps their conversation.
 */
export async function clientInTeams(
  api: APIRequestContext,
  page: Page,
  opts: { code: string; name: string; siren?: string; client: E2eClient },
): Promise<ClientInTeams> {
  const stamp = Date.now().toString(36);
  const conversationId = `a:1personal-e2e-${stamp}`;
  const data = { code: opts.code, name: opts.name, ...(opts.siren ? { siren: opts.siren } : {}) };
  const dossier = await json<{ id: string }>(await api.post("/api/v1/dossiers", { data }));
  await openConsultation(api, dossier.id, await api.get(`/api/v1/dossiers/${dossier.id}`));
  const { contactId } = await inviteClient(api, dossier.id, opts.client);
  await signInFromInvitation(page, opts.client);

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
      from: { id: `29:1${oid}`, name: `${opts.client.prenom} ${opts.client.nom}`, aadObjectId: oid },
      conversation: { id: conversationId, conversationType: "personal", tenantId },
      channelData: { tenant: { id: tenantId } },
      recipient: { id: "28:comptoir-bot", name: "Comptoir" },
      text: "aide",
      locale: "fr-FR",
    },
  });
  expect(res.status()).toBe(200);
  return { dossierId: dossier.id, contactId, conversationId };
}

/** The cards the connector received for a conversation, as text, keeping those that contain `marker`. */
export async function cardsSent(page: Page, conversationId: string, marker: string): Promise<string[]> {
  const query = `conversationId=${encodeURIComponent(conversationId)}&method=POST`;
  const res = await page.request.get(`${connectorUrl()}/_recorded?${query}`);
  const { requests } = (await res.json()) as { requests: { status: number; body: unknown }[] };
  return requests
    .filter((r) => r.status === 201)
    .map((r) => JSON.stringify(r.body).replace(/\s/g, " "))
    .filter((text) => text.includes(marker));
}
