import { describe, expect, inject, it } from "vitest";
import { ConversationRefRepository, type StoredReference } from "../../src/core/repos/conversation-refs";
import { TABLES } from "../../src/core/repos/tables";
import { createStorage } from "../../src/core/storage/connection";
import { ConversationTracker } from "../../src/jobs/proactive/conversation-tracker";
import { testTablePrefix } from "./harness";

const TENANT = "tenant-tracker";
const reference: StoredReference = {
  channelId: "msteams",
  serviceUrl: "https://smba.trafficmanager.net/emea/",
  conversation: { id: "a:personal-1", conversationType: "personal", tenantId: TENANT },
  user: { id: "29:user-1", aadObjectId: "oid-1" },
  agent: { id: "28:bot" },
};

/** Two instances: each its own tracker and table client, over one table. */
async function twoInstances() {
  const storage = createStorage(inject("azuriteConnectionString"), testTablePrefix());
  await storage.ensureTables([TABLES.conversationRefs]);
  const refs = () => new ConversationRefRepository(storage.table(TABLES.conversationRefs));
  return { a: new ConversationTracker(refs()), b: new ConversationTracker(refs()), refs: refs() };
}

describe("conversation references across instances", () => {
  it("stores a reference again after another instance forgot it, though this instance saw it unchanged", async () => {
    const { a, b, refs } = await twoInstances();
    await a.remember(TENANT, "oid-1", "client", reference);
    expect((await refs.get(TENANT, "oid-1"))?.reference).toEqual(reference);

    // The app was removed and added again: B forgets the conversation, the next message reaches A.
    await b.forget(TENANT, "oid-1");
    expect(await refs.get(TENANT, "oid-1")).toBeNull();
    await a.remember(TENANT, "oid-1", "client", reference);
    expect((await refs.get(TENANT, "oid-1"))?.reference).toEqual(reference);
  });

  it("takes the newest reference, whichever instance received it", async () => {
    const { a, b, refs } = await twoInstances();
    await a.remember(TENANT, "oid-1", "client", reference);
    const moved = { ...reference, serviceUrl: "https://smba.trafficmanager.net/fr/" };
    await b.remember(TENANT, "oid-1", "client", moved);
    await a.remember(TENANT, "oid-1", "client", reference);
    expect((await refs.get(TENANT, "oid-1"))?.reference.serviceUrl).toBe(reference.serviceUrl);
  });
});
