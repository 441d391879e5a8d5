import { inject, describe, expect, it } from "vitest";
import { auditEvent, type AuditEvent } from "@comptoir/shared";
import { AuditRepository } from "../../src/core/repos/audit";
import { TABLES } from "../../src/core/repos/tables";
import { createStorage } from "../../src/core/storage/connection";
import { collect } from "../../src/core/storage/reads";
import { testTablePrefix } from "./harness";

const TENANT = "tenant-a";
const OTHER = "tenant-a2";
const STAFF = { oid: "staff-1", name: "Sophie Bernard" };
const DAY = 86_400_000;
const NOW = Date.parse("2026-06-01T00:00:00.000Z");

function event(id: string, daysAgo: number, dossierId?: string): AuditEvent {
  return auditEvent({
    id,
    now: new Date(NOW - daysAgo * DAY),
    actor: STAFF,
    action: dossierId ? "dossier.updated" : "role.created",
    target: dossierId ? { type: "dossier", id: dossierId } : { type: "role", id: "r1" },
    ...(dossierId ? { dossierId } : {}),
  });
}

async function ids(storage: ReturnType<typeof createStorage>): Promise<string[]> {
  const rows = await collect(storage.table(TABLES.audit).listEntities<{ rowKey: string }>());
  return rows.map((r) => r.rowKey.split("|")[1] ?? "").sort();
}

describe("audit retention", () => {
  it("deletes only this firm's events older than the cutoff, in every partition, and is safe to run twice at once", async () => {
    const storage = createStorage(inject("azuriteConnectionString"), testTablePrefix());
    await storage.ensureTables([TABLES.audit]);
    const repo = new AuditRepository(storage.table(TABLES.audit));
    await repo.append(TENANT, [event("old-firm", 400), event("old-dossier", 500, "d1"), event("new-firm", 10)]);
    await repo.append(TENANT, [event("edge", 365), event("new-dossier", 1, "d2")]);
    await repo.append(OTHER, [event("other-old", 900)]);

    const cutoff = new Date(NOW - 365 * DAY);
    const [a, b] = await Promise.all([repo.deleteOlderThan(TENANT, cutoff), repo.deleteOlderThan(TENANT, cutoff)]);
    expect(a + b).toBe(2);
    expect(await ids(storage)).toEqual(["edge", "new-dossier", "new-firm", "other-old"]);
    expect(await repo.deleteOlderThan(TENANT, cutoff)).toBe(0);
  });
});
