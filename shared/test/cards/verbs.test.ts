import { describe, expect, it } from "vitest";
import {
  ALL_VERBS,
  PROPOSAL_INPUT_IDS,
  VERBS,
  cardDataSchemas,
  parseActionData,
  submitVerb,
} from "../../src/cards/verbs";

describe("VERBS", () => {
  it("are distinct dotted names", () => {
    expect(new Set(ALL_VERBS).size).toBe(ALL_VERBS.length);
    for (const verb of ALL_VERBS) expect(verb).toMatch(/^[a-z]+\.[a-z]+$/);
    expect(VERBS).toEqual({
      propose: "service.propose",
      refreshWelcome: "welcome.refresh",
      refreshStatus: "status.refresh",
      openProposal: "proposal.open",
      importNotices: "notices.set",
      viewDossier: "dossier.view",
    });
  });

  it("each have a data schema", () => {
    expect(Object.keys(cardDataSchemas).sort()).toEqual([...ALL_VERBS].sort());
  });
});

describe("parseActionData", () => {
  it("reads the proposal: the card's dossier id merged with both inputs", () => {
    const data = {
      dossierId: "dos-97",
      [PROPOSAL_INPUT_IDS.contact]: "ct-1",
      [PROPOSAL_INPUT_IDS.service]: "consultation",
    };
    expect(parseActionData(VERBS.propose, data)).toEqual({ success: true, data });
  });

  it("drops the fallback's verb and any other extra key", () => {
    const parsed = parseActionData(VERBS.propose, {
      dossierId: "dos-97",
      contactId: "ct-1",
      serviceId: "consultation",
      verb: VERBS.propose,
      msteams: { x: 1 },
    });
    expect(parsed.success && parsed.data).toEqual({
      dossierId: "dos-97",
      contactId: "ct-1",
      serviceId: "consultation",
    });
  });

  it("refuses a proposal with an empty or missing input, naming the field", () => {
    const empty = parseActionData(VERBS.propose, { dossierId: "dos-97", contactId: "", serviceId: "consultation" });
    expect(empty.success).toBe(false);
    expect(empty.error?.issues.map((i) => i.path.join("."))).toEqual(["contactId"]);
    const missing = parseActionData(VERBS.propose, { dossierId: "dos-97" });
    expect(missing.error?.issues.map((i) => i.path.join(".")).sort()).toEqual(["contactId", "serviceId"]);
  });

  it("reads the refresh and open verbs", () => {
    expect(parseActionData(VERBS.refreshWelcome, { subscriptionId: "sub-1" }).data).toEqual({
      subscriptionId: "sub-1",
    });
    expect(parseActionData(VERBS.refreshStatus, { dossierId: "dos-1" }).data).toEqual({ dossierId: "dos-1" });
    expect(parseActionData(VERBS.openProposal, { dossierId: "dos-1" }).data).toEqual({ dossierId: "dos-1" });
  });

  it("refuses ids outside the id alphabet, and absent data", () => {
    expect(parseActionData(VERBS.refreshStatus, { dossierId: "a|b" }).success).toBe(false);
    expect(parseActionData(VERBS.refreshWelcome, undefined).success).toBe(false);
    expect(parseActionData(VERBS.openProposal, null).success).toBe(false);
  });
});

describe("submitVerb", () => {
  it("finds our verb in an Action.Submit value", () => {
    expect(submitVerb({ verb: "service.propose", dossierId: "d" })).toBe(VERBS.propose);
  });

  it("ignores values that are not ours", () => {
    expect(submitVerb({ verb: "other.verb" })).toBeNull();
    expect(submitVerb({ dossierId: "d" })).toBeNull();
    expect(submitVerb("service.propose")).toBeNull();
    expect(submitVerb(undefined)).toBeNull();
  });
});
