import { describe, expect, it } from "vitest";
import { isLoopbackUrl, notLoopbackReason } from "../../src/api/http/loopback-only";
import { isEmulatorConnectionString, localModeProblems } from "../../dev/local-only";

const AZURITE =
  "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;" +
  "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;" +
  "TableEndpoint=http://127.0.0.1:10002/devstoreaccount1";

describe("local mode's start-up checks", () => {
  const ok = { HOST: "127.0.0.1", STORAGE_CONNECTION_STRING: AZURITE, LOCAL_BOT_SERVICE_URL: "http://localhost:56150" };

  it("accepts loopback listen addresses only", () => {
    for (const HOST of ["127.0.0.1", "::1", "localhost", "LOCALHOST"])
      expect(localModeProblems({ ...ok, HOST })).toEqual([]);
    for (const HOST of ["0.0.0.0", "::", "192.168.1.10", "comptoir.example", "127.0.0.1.nip.io"]) {
      const problems = localModeProblems({ ...ok, HOST });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain("COMPTOIR_MODE=teams");
    }
  });

  it("accepts Azurite on this machine only", () => {
    expect(isEmulatorConnectionString(AZURITE)).toBe(true);
    expect(isEmulatorConnectionString("UseDevelopmentStorage=true")).toBe(true);
    expect(isEmulatorConnectionString(AZURITE.replaceAll("127.0.0.1", "localhost"))).toBe(true);
    // A real account, Azurite elsewhere, an endpoint left to be derived from the account (Azure), a remote proxy.
    expect(isEmulatorConnectionString("DefaultEndpointsProtocol=https;AccountName=cab;AccountKey=a2V5")).toBe(false);
    expect(isEmulatorConnectionString(AZURITE.replace("http://127.0.0.1:10002", "http://10.0.0.5:10002"))).toBe(false);
    expect(isEmulatorConnectionString(AZURITE.replace(/;TableEndpoint=[^;]*/, ""))).toBe(false);
    expect(
      isEmulatorConnectionString("UseDevelopmentStorage=true;DevelopmentStorageProxyUri=http://proxy.example"),
    ).toBe(false);
    expect(localModeProblems({ ...ok, STORAGE_CONNECTION_STRING: "AccountName=cab;AccountKey=a2V5" })[0]).toContain(
      "STORAGE_CONNECTION_STRING",
    );
  });

  it("accepts a local connector only", () => {
    expect(isLoopbackUrl("http://localhost:56150")).toBe(true);
    expect(isLoopbackUrl("http://169.254.169.254/")).toBe(false);
    expect(isLoopbackUrl("http://user:pw@localhost:56150")).toBe(false);
    expect(localModeProblems({ ...ok, LOCAL_BOT_SERVICE_URL: "https://smba.trafficmanager.net" })).toHaveLength(1);
  });
});

describe("loopback-only requests", () => {
  it("wants a loopback socket, a loopback Host and no forwarder", () => {
    for (const host of ["localhost", "localhost:3978", "127.0.0.1:3978", "[::1]:3978", "LocalHost:1"])
      expect(notLoopbackReason("127.0.0.1", { host })).toBeNull();
    expect(notLoopbackReason("::ffff:127.0.0.1", { host: "localhost" })).toBeNull();
    expect(notLoopbackReason("192.168.1.20", { host: "localhost" })).toBe("address");
    for (const host of ["evil.example", "localhost.evil.example", "127.0.0.1.nip.io:3978", "localhost:3978@evil", ""])
      expect(notLoopbackReason("127.0.0.1", { host })).toBe("host");
    expect(notLoopbackReason("127.0.0.1", {})).toBe("host");
    for (const header of ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "forwarded"])
      expect(notLoopbackReason("127.0.0.1", { host: "localhost", [header]: "x" })).toBe("forwarded");
  });
});
