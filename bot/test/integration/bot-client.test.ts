import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  allText,
  ask,
  invitedClient,
  linkedDossier,
  newConversationId,
  startBotHarness,
  stranger,
  subscriptionsOf,
  type BotHarness,
} from "./bot-fixtures";
import { unique } from "./fixtures";

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness();
});
afterAll(() => h.close());

describe("a client chatting with the bot", () => {
  it("gets only their own sociétés and the link to their space, whatever they write", async () => {
    const mine = await linkedDossier(h.app, { dossier: { name: unique("Mercerie ") } });
    const theirs = await linkedDossier(h.app, { dossier: { name: unique("Quincaillerie ") } });
    const { person } = await invitedClient(h.app, mine);
    await invitedClient(h.app, theirs);

    for (const text of ["bonjour", `dossier ${theirs.dossier.code}`, `statut ${mine.dossier.code}`, "aide"]) {
      const card = await ask(h, { from: person, conversationId: newConversationId(), text });
      const seen = allText(card);
      expect(seen).toContain("Vos sociétés");
      expect(seen).toContain(`${mine.dossier.name} (${mine.dossier.code})`);
      expect(seen).not.toContain(theirs.dossier.name);
      expect(seen).not.toContain(theirs.dossier.code);
      expect(JSON.stringify(card.actions)).toContain(`${h.app.url}/#/ma-societe`);
    }
    // Talking to the bot is using the app: the invited service became active (the access rule's own bookkeeping).
    expect((await subscriptionsOf(h.app, mine.dossier.id))[0]?.status).toBe("active");
  });

  it("in English too", async () => {
    const mine = await linkedDossier(h.app);
    const { person } = await invitedClient(h.app, mine);
    const card = await ask(h, { from: person, conversationId: newConversationId(), text: "hello", locale: "en-US" });
    expect(card.lang).toBe("en");
    expect(allText(card)).toContain("Your companies");
    expect(allText(card)).toContain(mine.dossier.name);
  });

  it("tells a client whose access is not open yet (no collaborative extension) that nothing is available", async () => {
    const closed = await linkedDossier(h.app, { extension: false, dossier: { name: unique("Fermé ") } });
    const { person } = await invitedClient(h.app, closed);
    const card = await ask(h, { from: person, conversationId: newConversationId(), text: "bonjour" });
    expect(allText(card)).toContain("Aucune société n'est encore consultable");
    expect(allText(card)).not.toContain(closed.dossier.name);
  });
});

describe("people the bot cannot place", () => {
  it("gives a stranger of the firm's tenant no data at all", async () => {
    const known = await linkedDossier(h.app, { dossier: { name: unique("Secret ") } });
    const someone = stranger();
    const card = await ask(h, {
      from: someone,
      conversationId: newConversationId(),
      text: `dossier ${known.dossier.code}`,
    });
    expect(allText(card)).toContain("Compte non reconnu");
    expect(allText(card)).not.toContain(known.dossier.name);
    expect(card.actions ?? []).toEqual([]);
  });

  it("gives someone from another tenant no data, even with a staff member's object id", async () => {
    const known = await linkedDossier(h.app);
    const card = await ask(h, {
      from: { oid: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c52", name: "Camille Martin", teamsId: "29:1other" },
      conversationId: newConversationId(),
      tenantId: randomUUID(),
      text: `dossier ${known.dossier.code}`,
    });
    expect(allText(card)).toContain("Compte non reconnu");
    expect(allText(card)).not.toContain(known.dossier.name);
  });
});
