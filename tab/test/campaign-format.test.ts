import { describe, expect, it } from "vitest";
import {
  confirmQuestion,
  formatTimeLeft,
  listPollInterval,
  pollInterval,
  progressValue,
  shownCampaigns,
} from "../src/features/campaigns/campaign-format";

describe("a campaign's estimated time left", () => {
  it("says it is still estimating when the server has no figure", () => {
    expect(formatTimeLeft("fr", null)).toBe("estimation en cours");
    expect(formatTimeLeft("en", null)).toBe("estimating");
  });

  it("says under a minute, then whole minutes rounded up, never less than it will take", () => {
    expect(formatTimeLeft("fr", 0)).toBe("moins d'une minute");
    expect(formatTimeLeft("fr", 59)).toBe("moins d'une minute");
    expect(formatTimeLeft("fr", 60)).toBe("environ 1 min");
    expect(formatTimeLeft("fr", 61)).toBe("environ 2 min");
    expect(formatTimeLeft("en", 3540)).toBe("about 59 min");
    expect(formatTimeLeft("en", 3599)).toBe("about 1 h 00");
  });

  it("gives hours and two-digit minutes past the hour", () => {
    expect(formatTimeLeft("fr", 3600)).toBe("environ 1 h 00");
    expect(formatTimeLeft("fr", 3900)).toBe("environ 1 h 05");
    expect(formatTimeLeft("en", 7 * 3600 + 59 * 60 + 1)).toBe("about 8 h 00");
  });
});

describe("a campaign's progress", () => {
  it("counts done and failed items as handled, against the total", () => {
    expect(progressValue({ total: 40, done: 10, failed: 10 })).toBe(0.5);
    expect(progressValue({ total: 3, done: 3, failed: 0 })).toBe(1);
    expect(progressValue({ total: 0, done: 0, failed: 0 })).toBe(1);
  });

  it("is polled every second while running, less often while paused, not at all once ended", () => {
    expect(pollInterval("running")).toBe(1_000);
    expect(pollInterval("paused")).toBe(5_000);
    expect(pollInterval("done")).toBe(false);
    expect(pollInterval("cancelled")).toBe(false);
    expect(listPollInterval([{ status: "done" }, { status: "paused" }])).toBe(5_000);
    expect(listPollInterval([{ status: "done" }, { status: "cancelled" }])).toBe(false);
    expect(listPollInterval([])).toBe(false);
  });

  it("shows the campaigns under way and those ended in the last day", () => {
    const now = Date.parse("2026-12-04T21:00:00Z");
    const campaigns = [
      { id: "a", status: "running" as const, endedAt: null },
      { id: "b", status: "done" as const, endedAt: "2026-12-04T08:00:00Z" },
      { id: "c", status: "cancelled" as const, endedAt: "2026-12-03T20:59:00Z" },
      { id: "d", status: "paused" as const, endedAt: null },
    ];
    expect(shownCampaigns(campaigns, now).map((c) => c.id)).toEqual(["a", "b", "d"]);
  });
});

describe("the confirmation of a campaign", () => {
  it("names the service and the count, in the right plural, French first", () => {
    expect(confirmQuestion("fr", "contacts", "Consultation", 37)).toBe(
      "Proposer le service « Consultation » à 37 interlocuteurs ?",
    );
    expect(confirmQuestion("fr", "contacts", "Consultation", 1)).toBe(
      "Proposer le service « Consultation » à 1 interlocuteur ?",
    );
    expect(confirmQuestion("en", "dossiers", "Consultation", 2)).toBe(
      "Propose the service “Consultation” to the contacts of 2 dossiers?",
    );
  });
});
