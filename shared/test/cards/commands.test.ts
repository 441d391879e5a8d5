import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { MAX_CHAT_TEXT_CHARS, cleanMessageText, isReadableChatText, parseCommand } from "../../src/cards/commands";

describe("parseCommand", () => {
  it.each([
    ["aide", "help", ""],
    ["help", "help", ""],
    ["?", "help", ""],
    ["dossier 000097", "dossier", "000097"],
    ["file ROLL N CO", "dossier", "ROLL N CO"],
    ["interlocuteur client.collaboratif@example.fr", "interlocuteur", "client.collaboratif@example.fr"],
    ["contact Élodie Martin", "interlocuteur", "Élodie Martin"],
    ["proposer RPTEST2", "proposer", "RPTEST2"],
    ["propose RPTEST2", "proposer", "RPTEST2"],
    ["statut 000097", "statut", "000097"],
    ["status 000097", "statut", "000097"],
  ] as const)("reads %j as %s", (text, name, arg) => {
    expect(parseCommand(text)).toEqual({ name, arg });
  });

  it("ignores case and accents in the command word", () => {
    for (const word of ["Statut", "STATUT", "stätut", "STÀTÛT", "sTaTuS"]) {
      expect(parseCommand(`${word} 000097`)).toEqual({ name: "statut", arg: "000097" });
    }
    expect(parseCommand("AIDE")).toEqual({ name: "help", arg: "" });
    expect(parseCommand("Intérlocuteur Dupont").name).toBe("interlocuteur");
  });

  it("keeps the argument as typed (case and accents), spaces collapsed", () => {
    expect(parseCommand("  dossier    Société   Générale  ")).toEqual({ name: "dossier", arg: "Société Générale" });
    expect(parseCommand("dossier\tROLL\nN CO")).toEqual({ name: "dossier", arg: "ROLL N CO" });
  });

  it("strips Teams mentions and markup", () => {
    expect(parseCommand("<at>Comptoir</at> statut 000097")).toEqual({ name: "statut", arg: "000097" });
    expect(parseCommand('<at id="0">Comptoir Bot</at>&nbsp;aide')).toEqual({ name: "help", arg: "" });
    expect(parseCommand("<p><at>Comptoir</at> dossier ROLL &amp; CO</p>")).toEqual({
      name: "dossier",
      arg: "ROLL & CO",
    });
    expect(parseCommand("statut <at>Comptoir</at> 000097")).toEqual({ name: "statut", arg: "000097" });
  });

  it("tolerates a leading slash and trailing punctuation on the command word", () => {
    expect(parseCommand("/aide")).toEqual({ name: "help", arg: "" });
    expect(parseCommand("statut: 000097")).toEqual({ name: "statut", arg: "000097" });
  });

  it("needs the command to be the first word", () => {
    expect(parseCommand("bonjour")).toEqual({ name: "unknown", arg: "bonjour" });
    expect(parseCommand("le statut 000097")).toEqual({ name: "unknown", arg: "le statut 000097" });
    expect(parseCommand("statuts 000097").name).toBe("unknown");
    expect(parseCommand("dossiers").name).toBe("unknown");
  });

  it("reads an empty message, or a bare mention, as unknown", () => {
    expect(parseCommand("")).toEqual({ name: "unknown", arg: "" });
    expect(parseCommand(undefined)).toEqual({ name: "unknown", arg: "" });
    expect(parseCommand(null)).toEqual({ name: "unknown", arg: "" });
    expect(parseCommand("<at>Comptoir</at>")).toEqual({ name: "unknown", arg: "" });
    expect(parseCommand("   ")).toEqual({ name: "unknown", arg: "" });
  });

  it("leaves the argument empty when the command has none", () => {
    expect(parseCommand("statut")).toEqual({ name: "statut", arg: "" });
    expect(parseCommand("<at>Comptoir</at> proposer ")).toEqual({ name: "proposer", arg: "" });
  });
});

describe("cleanMessageText", () => {
  it("drops mentions, tags and entities", () => {
    expect(cleanMessageText("<at>Comptoir</at>&nbsp;dossier &lt;42&gt; &quot;x&quot; l&#39;a")).toBe(
      'dossier <42> "x" l\'a',
    );
  });
});

describe("cleanMessageText on hostile input", () => {
  /** The regexes the cleaner replaced: same answers, but quadratic on unclosed tags. */
  function byRegexes(text: string): string {
    return text
      .replace(/<at\b[^>]*>.*?<\/at>/gis, " ")
      .replace(/<[^>]*>/g, " ")
      .replace(/&(nbsp|amp|lt|gt|quot|apos|#39);/gi, (_, n: string) => ({ nbsp: " ", amp: "&" })[n] ?? "?")
      .replace(/\s+/g, " ")
      .trim();
  }
  const pieces = ["<", ">", "<at", "<AT", "<at>", "</at>", "</AT>", "<at ", "a", "t", "b", "_", "/", " ", "\n", "x"];
  const message = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((p) => p.join(""));

  it("gives the regexes' answer on any mix of mentions, tags and stray brackets", () => {
    fc.assert(
      fc.property(message, (text) => {
        expect(cleanMessageText(text)).toBe(byRegexes(text));
      }),
      { numRuns: 2_000 },
    );
  });

  it("reads a megabyte of unclosed mentions and brackets in one pass", () => {
    const MiB = 1 << 20;
    const mentions = "<at".repeat(MiB / 3);
    expect(cleanMessageText(mentions)).toBe(mentions);
    const brackets = "<a".repeat(MiB / 2);
    expect(cleanMessageText(brackets)).toBe(brackets);
    const ys = Math.floor(MiB / 6);
    const openMention = `<at>x${" <at>y".repeat(ys)}`;
    expect(cleanMessageText(openMention)).toBe(["x", ...Array<string>(ys).fill("y")].join(" "));
    expect(parseCommand(`aide${":".repeat(MiB)}a`)).toEqual({ name: "unknown", arg: `aide${":".repeat(MiB)}a` });
    expect(parseCommand(`aide${":".repeat(MiB)}`)).toEqual({ name: "help", arg: "" });
  });
});

describe("the early length cap", () => {
  it("reads up to MAX_CHAT_TEXT_CHARS characters, and nothing longer", () => {
    expect(isReadableChatText("a".repeat(MAX_CHAT_TEXT_CHARS))).toBe(true);
    expect(isReadableChatText("a".repeat(MAX_CHAT_TEXT_CHARS + 1))).toBe(false);
    expect(isReadableChatText(undefined)).toBe(true);
  });
});
