import { describe, expect, it } from "vitest";
import { APP_ROUTES, canSee, homePath, navRoutes, type Viewer } from "../src/app/routes";

const admin: Viewer = { kind: "staff", roles: ["Firm.Admin"] };
const staff: Viewer = { kind: "staff", roles: ["Firm.Staff"] };
const client: Viewer = { kind: "client", roles: [] };

const paths = (viewer: Viewer) => navRoutes(viewer).map((r) => r.path);

describe("navigation by audience", () => {
  it("shows staff the portfolio, contacts and roles, in that order", () => {
    expect(paths(staff)).toEqual(["/portefeuille", "/interlocuteurs", "/roles"]);
  });

  it("adds Paramètres for administrators only", () => {
    expect(paths(admin)).toEqual(["/portefeuille", "/interlocuteurs", "/roles", "/parametres"]);
  });

  it("shows a client only Ma société", () => {
    expect(paths(client)).toEqual(["/ma-societe"]);
  });

  it("never lets a client see a staff page, nor staff the client page", () => {
    for (const route of APP_ROUTES) {
      expect(canSee(route, client) && canSee(route, staff)).toBe(false);
    }
  });

  it("sends each audience to its own home page", () => {
    expect(homePath(staff)).toBe("/portefeuille");
    expect(homePath(admin)).toBe("/portefeuille");
    expect(homePath(client)).toBe("/ma-societe");
    expect(navRoutes(staff)[0]?.path).toBe(homePath(staff));
    expect(navRoutes(client)[0]?.path).toBe(homePath(client));
  });
});
