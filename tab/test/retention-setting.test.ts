import { describe, expect, it } from "vitest";
import { defaultFirmSettings } from "@comptoir/shared/domain/firm-settings";
import { parseRetentionDays, settingsBody, settingsValues } from "../src/features/settings/settings-form";

describe("log retention in Paramètres", () => {
  it("accepts whole days within 365–3,650 only", () => {
    expect(parseRetentionDays(" 365 ")).toBe(365);
    expect(parseRetentionDays("3650")).toBe(3650);
    for (const bad of ["364", "3651", "400.5", "", "abc", "-400"]) expect(parseRetentionDays(bad)).toBeUndefined();
  });

  it("is sent with the settings, so a save never resets it to the default", () => {
    const stored = { ...defaultFirmSettings("Cabinet"), logRetentionDays: 730 };
    const values = settingsValues(stored);
    expect(values.logRetentionDays).toBe("730");
    expect(settingsBody(stored, values)?.logRetentionDays).toBe(730);
    expect(settingsBody(stored, { ...values, logRetentionDays: "400" })?.logRetentionDays).toBe(400);
    expect(settingsBody(stored, { ...values, logRetentionDays: "100" })).toBeNull();
  });
});
