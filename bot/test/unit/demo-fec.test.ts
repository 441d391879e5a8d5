import { describe, expect, it } from "vitest";
import { parseFec } from "@comptoir/shared";
import { demoFecText } from "../../dev/seed/demo-fec";
import { SEED_DOSSIERS } from "../../dev/seed/fixtures";

describe("the demo FEC (BOULANGERIES LEROUX, for « Limité à »)", () => {
  it("is a valid file whose lines belong to the dossier's two établissements, each town its own", () => {
    const etabs = new Map<string, string[]>();
    const { report } = parseFec(Buffer.from(demoFecText(), "utf8"), {
      onLine: (entry) =>
        etabs.set(entry.etablissement ?? "", [...(etabs.get(entry.etablissement ?? "") ?? []), entry.ecritureLib]),
    });
    expect(report.ok).toBe(true);
    const dossier = SEED_DOSSIERS.find((d) => d.code === "000120");
    expect([...etabs.keys()].sort()).toEqual(dossier?.etablissements.map((e) => e.code));
    // The e2e journey tells a limited client's lines apart by the town in their libellé.
    expect(etabs.get("001")?.every((lib) => lib.includes("Rennes"))).toBe(true);
    expect(etabs.get("002")?.every((lib) => lib.includes("Vannes"))).toBe(true);
  });
});
