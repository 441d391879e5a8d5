import { describe, expect, it } from "vitest";
import { AppError } from "../../src/errors";
import { effectiveCampaignStatus, estimateSecondsLeft, nextCampaignStatus } from "../../src/api/campaign-rules";
import {
  CAMPAIGN_ACTIONS,
  CAMPAIGN_STATUSES,
  campaignStartInputSchema,
  MAX_CAMPAIGN_ITEMS,
} from "../../src/api/campaigns";

describe("a campaign's status transitions", () => {
  it("allows exactly these moves", () => {
    const allowed: string[] = [];
    for (const status of CAMPAIGN_STATUSES)
      for (const action of CAMPAIGN_ACTIONS) {
        try {
          allowed.push(`${status} ${action} → ${nextCampaignStatus(status, action)}`);
        } catch (e) {
          expect(e).toBeInstanceOf(AppError);
          expect((e as AppError).code).toBe("CAMPAIGN_INVALID_TRANSITION");
        }
      }
    expect(allowed.sort()).toEqual([
      "done retry-failed → running",
      "paused cancel → cancelled",
      "paused resume → running",
      "paused retry-failed → paused",
      "running cancel → cancelled",
      "running pause → paused",
      "running retry-failed → running",
    ]);
  });

  it("shows a running campaign with nothing left as done, and nothing else", () => {
    expect(effectiveCampaignStatus("running", 0)).toBe("done");
    expect(effectiveCampaignStatus("running", 1)).toBe("running");
    expect(effectiveCampaignStatus("paused", 0)).toBe("paused");
    expect(effectiveCampaignStatus("cancelled", 0)).toBe("cancelled");
  });
});

describe("the estimated time left", () => {
  const limit = { perWindow: 150, windowSeconds: 5 };

  it("is the least the invitation limit allows before anything finished", () => {
    const eta = (pending: number) =>
      estimateSecondsLeft({ status: "running", pending, finishedThisRun: 0, secondsThisRun: 0, ...limit });
    expect(eta(150)).toBe(0);
    expect(eta(151)).toBe(5);
    expect(eta(1000)).toBe(30);
  });

  it("follows the pace seen so far when it is slower than the limit", () => {
    // 100 finished in 50 s: 2 a second, so 400 left take 200 s (the limit alone would say 15 s).
    expect(
      estimateSecondsLeft({ status: "running", pending: 400, finishedThisRun: 100, secondsThisRun: 50, ...limit }),
    ).toBe(200);
  });

  it("never promises less than the limit allows, however fast the start", () => {
    // 300 guests already invited finished in 1 s; the 600 left still wait for Graph's windows.
    expect(
      estimateSecondsLeft({ status: "running", pending: 600, finishedThisRun: 300, secondsThisRun: 1, ...limit }),
    ).toBe(15);
  });

  it("is null unless running, and 0 when nothing is left", () => {
    const base = { pending: 10, finishedThisRun: 1, secondsThisRun: 1, ...limit };
    expect(estimateSecondsLeft({ ...base, status: "paused" })).toBeNull();
    expect(estimateSecondsLeft({ ...base, status: "cancelled" })).toBeNull();
    expect(estimateSecondsLeft({ ...base, status: "done" })).toBeNull();
    expect(estimateSecondsLeft({ ...base, status: "running", pending: 0 })).toBe(0);
  });
});

describe("the start input", () => {
  it("takes up to MAX_CAMPAIGN_ITEMS ids of one kind", () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`);
    const ok = { kind: "contacts", serviceId: "consultation", contactIds: ids(MAX_CAMPAIGN_ITEMS) };
    expect(campaignStartInputSchema.safeParse(ok).success).toBe(true);
    expect(campaignStartInputSchema.safeParse({ ...ok, contactIds: ids(MAX_CAMPAIGN_ITEMS + 1) }).success).toBe(false);
    expect(campaignStartInputSchema.safeParse({ ...ok, contactIds: [] }).success).toBe(false);
    expect(campaignStartInputSchema.safeParse({ ...ok, kind: "dossiers" }).success).toBe(false);
    expect(
      campaignStartInputSchema.safeParse({ kind: "dossiers", serviceId: "consultation", dossierIds: ["d1"] }).success,
    ).toBe(true);
  });
});
