import { describe, expect, it } from "vitest";
import { teamsTabDeepLink } from "../../src/cards/deep-link";
import { INVOKE_RESPONSE_TYPES, cardResponse, errorResponse, messageResponse } from "../../src/cards/invoke-response";
import { errorCard } from "../../src/cards/error-card";

describe("teamsTabDeepLink", () => {
  it("points at the app's static tab", () => {
    expect(teamsTabDeepLink({ appId: "0c6b1f2e-1111-4a4a-9d9d-123456789abc", entityId: "client" })).toBe(
      "https://teams.microsoft.com/l/entity/0c6b1f2e-1111-4a4a-9d9d-123456789abc/client",
    );
  });

  it("encodes the web URL, the label and the sub-entity context", () => {
    const link = teamsTabDeepLink({
      appId: "app",
      entityId: "mon espace",
      webUrl: "https://comptoir.example.fr/client?d=1&x=2",
      label: "Mon espace",
      subEntityId: "dossier/000097",
    });
    const [path, query = ""] = link.split("?");
    expect(path).toBe("https://teams.microsoft.com/l/entity/app/mon%20espace");
    const params = Object.fromEntries(
      query.split("&").map((pair) => pair.split("=").map((part) => decodeURIComponent(part)) as [string, string]),
    );
    expect(Object.keys(params)).toEqual(["webUrl", "label", "context"]);
    expect(params.webUrl).toBe("https://comptoir.example.fr/client?d=1&x=2");
    expect(params.label).toBe("Mon espace");
    expect(JSON.parse(params.context ?? "null")).toEqual({ subEntityId: "dossier/000097" });
  });
});

describe("adaptiveCard/action invoke responses", () => {
  it("replace the card", () => {
    const card = errorCard({ locale: "fr", message: "x" });
    expect(cardResponse(card)).toEqual({
      statusCode: 200,
      type: "application/vnd.microsoft.card.adaptive",
      value: card,
    });
  });

  it("show a message", () => {
    expect(messageResponse("C'est fait.")).toEqual({
      statusCode: 200,
      type: INVOKE_RESPONSE_TYPES.message,
      value: "C'est fait.",
    });
    expect(INVOKE_RESPONSE_TYPES.message).toBe("application/vnd.microsoft.activity.message");
  });

  it("report an error", () => {
    expect(errorResponse(400, "VALIDATION_FAILED", "Certaines données sont invalides.")).toEqual({
      statusCode: 400,
      type: "application/vnd.microsoft.error",
      value: { code: "VALIDATION_FAILED", message: "Certaines données sont invalides." },
    });
    expect(errorResponse(500, "INTERNAL", "Oups").statusCode).toBe(500);
  });
});
