import { afterEach, describe, expect, it, vi } from "vitest";
import type { HostWindow } from "../src/auth/host";
import { createTeamsSession } from "../src/auth/teams-auth";
import { INIT_TIMEOUT_MS, initHost } from "../src/auth/teams-host";
import { fakeTeamsHost, type FakeTeamsHostOptions } from "./fake-teams-host";

const TAB = "https://comptoir.cabinet.example/";

/** A window in a frame (as Teams, Outlook and the Microsoft 365 app load the tab), or on its own. */
function windowAt(href: string, framed: boolean): HostWindow {
  const win = { location: { href }, parent: null as unknown };
  win.parent = framed ? { location: { href: "https://teams.microsoft.com/" } } : win;
  return win;
}

/** The SDK loader initHost uses, answering with a fake host and counting the loads. */
function loader(options: FakeTeamsHostOptions = {}) {
  const host = fakeTeamsHost(options);
  const load = vi.fn(() => Promise.resolve(host));
  return { host, load };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("initHost", () => {
  it("does not even load teams-js in a plain browser", async () => {
    const { load } = loader();
    expect(await initHost(windowAt(`${TAB}#/portefeuille`, false), load)).toEqual({
      kind: "browser",
      teams: null,
      locale: null,
      theme: null,
      startRoute: null,
    });
    expect(load).not.toHaveBeenCalled();
  });

  it("in a frame, initializes the host, takes its language and theme, and says the tab has loaded", async () => {
    const { host, load } = loader({ locale: "en-GB", theme: "dark" });
    const info = await initHost(windowAt(TAB, true), load);
    expect(info).toEqual({ kind: "teams", teams: host, locale: "en-GB", theme: "dark", startRoute: null });
    expect(host.notifiedSuccess).toBe(true);
  });

  it("takes the page a Teams deep link names (subEntityId) as where the tab starts", async () => {
    const { load } = loader({ subPageId: "dossiers/01HZX3" });
    expect((await initHost(windowAt(TAB, true), load)).startRoute).toBe("/dossiers/01HZX3");
  });

  it("treats ?host=teams of the manifest's content URL as a host even outside a frame", async () => {
    const { host, load } = loader();
    expect((await initHost(windowAt(`${TAB}?host=teams`, false), load)).teams).toBe(host);
  });

  it("falls back to the plain browser when the framing page never answers teams-js", async () => {
    vi.useFakeTimers();
    const { load } = loader({ silent: true });
    const info = initHost(windowAt(TAB, true), load);
    await vi.advanceTimersByTimeAsync(INIT_TIMEOUT_MS);
    expect(await info).toMatchObject({ kind: "browser", teams: null });
  });

  it("hands the host's authentication to the Teams session, which signs in through it", async () => {
    const { host, load } = loader({ consented: false });
    const info = await initHost(windowAt(TAB, true), load);
    if (!info.teams) throw new Error("no host");
    const session = createTeamsSession(info.teams.authentication, new URL(TAB).origin);
    expect(await session.start("first")).toEqual({ kind: "consent", failed: false });
    expect(await session.consent?.()).toEqual({ kind: "ready", canSignOut: false });
    expect(await session.token(false)).toBe(host.lastToken);
  });
});
