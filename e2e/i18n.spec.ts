import { expect, test, type Page } from "@playwright/test";
import { CATALOGUES } from "@comptoir/shared/i18n/translate";
import type { Locale } from "@comptoir/shared/i18n/locale";
import { signInAs } from "./support";

/**
 * Walks the staff screens in French and in English and checks every visible text (and the aria-label,
 * placeholder and title a screen reader or a tooltip shows) comes from that language's catalogue, or
 * from the data the API sent. Anything else is a string that bypassed the catalogue, or a library default.
 */
const LETTERS = /\p{L}/u;

interface Template {
  key: string;
  regex: RegExp;
}

function templatesFor(locale: Locale): Template[] {
  return Object.entries(CATALOGUES[locale])
    .filter(([, text]) => LETTERS.test(text.replace(/\{\w+\}/g, "")))
    .map(([key, text]) => {
      const pattern = text
        .split(/(\{\w+\})/)
        .map((part) => (/^\{\w+\}$/.test(part) ? "(.*?)" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
        .join("");
      return { key, regex: new RegExp(`^${pattern}$`, "su") };
    });
}

/** Month names as `Intl` writes them in dates (they come from the browser, not from us). */
function monthNames(): string[] {
  const names = new Set<string>();
  for (const tag of ["fr-FR", "en-GB"]) {
    for (const month of ["long", "short"] as const) {
      const format = new Intl.DateTimeFormat(tag, { month, day: "numeric", timeZone: "UTC" });
      for (let m = 0; m < 12; m++) {
        for (const part of format.formatToParts(new Date(Date.UTC(2024, m, 15)))) {
          if (part.type === "month") names.add(part.value);
        }
      }
    }
  }
  return [...names];
}

/** Every string value of the API's JSON answers. */
function collectStrings(value: unknown, into: Set<string>): void {
  if (typeof value === "string") {
    if (LETTERS.test(value)) into.add(value.trim());
  } else if (Array.isArray(value)) {
    for (const item of value) collectStrings(item, into);
  } else if (value && typeof value === "object") {
    for (const item of Object.values(value)) collectStrings(item, into);
  }
}

class TextChecker {
  private readonly templates: Template[];
  private readonly data = new Set<string>(monthNames());
  /** Bodies still being read: the check waits for them, or it could miss data just received. */
  private readonly pending = new Set<Promise<void>>();

  constructor(locale: Locale) {
    this.templates = templatesFor(locale);
  }

  listen(page: Page): void {
    page.on("response", (response) => {
      if (!response.url().includes("/api/") || !response.headers()["content-type"]?.includes("json")) return;
      const read = response.json().then(
        (body: unknown) => collectStrings(body, this.data),
        // A body that is gone (navigation) holds no data to allow.
        () => undefined,
      );
      this.pending.add(read);
      void read.finally(() => this.pending.delete(read));
    });
  }

  /** The text with every known data value taken out, longest first. */
  private stripData(text: string): string {
    let rest = text;
    for (const value of [...this.data].sort((a, b) => b.length - a.length)) {
      if (rest.includes(value)) rest = rest.split(value).join(" ");
    }
    return rest;
  }

  accepts(text: string, depth = 0): boolean {
    const rest = this.stripData(text);
    if (!LETTERS.test(rest)) return true;
    if (depth > 1) return false;
    return this.templates.some(({ regex }) => {
      const match = regex.exec(rest.trim()) ?? regex.exec(text.trim());
      return match !== null && match.slice(1).every((part) => this.accepts(part, depth + 1));
    });
  }

  async unknownTexts(page: Page): Promise<string[]> {
    const texts = await page.evaluate(() => {
      const out: string[] = [document.title];
      const visible = (el: Element) => {
        const rect = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        return rect.width > 0 && rect.height > 0 && style.visibility !== "hidden";
      };
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        const text = node.textContent?.trim() ?? "";
        // <time> holds dates formatted by the browser's Intl.
        if (text && el && !el.closest("time, script, style") && visible(el)) out.push(text);
      }
      for (const el of Array.from(document.querySelectorAll("[aria-label], [placeholder], [title]"))) {
        for (const attr of ["aria-label", "placeholder", "title"]) {
          const value = el.getAttribute(attr)?.trim();
          if (value) out.push(value);
        }
      }
      return out;
    });
    await Promise.all(this.pending);
    return [...new Set(texts)].filter((text) => !this.accepts(text));
  }
}

async function expectCatalogued(page: Page, checker: TextChecker, screen: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  expect(await checker.unknownTexts(page), `texts outside the catalogue on ${screen}`).toEqual([]);
}

const WORDS = {
  fr: {
    portfolio: "Portefeuille",
    contacts: "Interlocuteurs",
    roles: "Rôles organisationnels",
    settings: "Paramètres",
    dashboard: "Tableau de bord",
    dossierContacts: "Interlocuteurs du dossier",
    history: "Historique",
    initialize: "^(Initialiser|Modifier l'activation)$",
    cancel: "Annuler",
    add: "Ajouter",
    clientDossiers: "Dossiers client",
  },
  en: {
    portfolio: "Portfolio",
    contacts: "Contacts",
    roles: "Organisational roles",
    settings: "Settings",
    dashboard: "Dashboard",
    dossierContacts: "Dossier contacts",
    history: "History",
    initialize: "^(Initialise|Change activation)$",
    cancel: "Cancel",
    add: "Add",
    clientDossiers: "Client dossiers",
  },
} satisfies Record<Locale, Record<string, string>>;

for (const locale of ["fr", "en"] as const) {
  test.describe(`every staff screen in ${locale === "fr" ? "French" : "English"}`, () => {
    // The local sign-in page speaks French; the app then follows the language chosen on this device.
    test.use({ locale: "fr-FR", viewport: { width: 1400, height: 900 } });
    test.beforeEach(async ({ page }) => {
      await page.addInitScript((chosen) => localStorage.setItem("comptoir.locale", chosen), locale);
    });
    const w = WORDS[locale];

    test("Portefeuille, Dossier, Interlocuteurs and Rôles (staff)", async ({ page }) => {
      const checker = new TextChecker(locale);
      checker.listen(page);
      await signInAs(page, "Camille Martin");
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.getByRole("grid")).toBeVisible();
      await expectCatalogued(page, checker, "Portefeuille");

      await page.getByRole("searchbox").fill("RPTEST2");
      await page.getByRole("gridcell", { name: "RPTEST2", exact: true }).first().click();
      await expect(page.getByRole("heading", { level: 1 })).toContainText("RPTEST2");
      await expectCatalogued(page, checker, "Dossier – Offres");
      await page.getByRole("tab", { name: w.dashboard }).click();
      await expectCatalogued(page, checker, "Dossier – Tableau de bord");
      await page.getByRole("button", { name: new RegExp(w.initialize) }).click();
      await expect(page.getByRole("dialog")).toBeVisible();
      await expectCatalogued(page, checker, "Dossier – Initialiser");
      await page.getByRole("dialog").getByRole("button", { name: w.cancel }).click();
      await page.getByRole("tab", { name: w.dossierContacts }).click();
      await expectCatalogued(page, checker, "Dossier – Interlocuteurs du dossier");
      await page.getByRole("tab", { name: w.history }).click();
      await expectCatalogued(page, checker, "Dossier – Historique");

      await page.getByRole("navigation").getByRole("link", { name: w.contacts }).click();
      await expect(page.getByRole("grid")).toBeVisible();
      await expectCatalogued(page, checker, "Interlocuteurs");
      await page.getByRole("gridcell", { name: "client.collaboratif@exemple.fr" }).click();
      await expect(page.getByRole("tabpanel")).toBeVisible();
      await expectCatalogued(page, checker, "Interlocuteurs – Général");
      await page.getByRole("tab", { name: w.clientDossiers }).click();
      await expectCatalogued(page, checker, "Interlocuteurs – Dossiers client");
      await page.getByRole("tabpanel").getByRole("button", { name: w.add }).click();
      await expect(page.getByRole("dialog")).toBeVisible();
      await expectCatalogued(page, checker, "Interlocuteurs – Ajouter un dossier client");
      await page.getByRole("dialog").getByRole("button", { name: w.cancel }).click();

      await page.getByRole("navigation").getByRole("link", { name: w.roles }).click();
      await expect(page.getByRole("table")).toBeVisible();
      await expectCatalogued(page, checker, "Rôles organisationnels");
    });

    test("Paramètres (admin)", async ({ page }) => {
      const checker = new TextChecker(locale);
      checker.listen(page);
      await signInAs(page, "Aurélie Dubois");
      await page.getByRole("navigation").getByRole("link", { name: w.settings }).click();
      await expect(page.getByRole("switch").first()).toBeVisible();
      await expectCatalogued(page, checker, "Paramètres");
    });
  });
}

test("the checker itself refuses text that is in neither the catalogue nor the data", () => {
  const checker = new TextChecker("en");
  expect(checker.accepts("Portfolio")).toBe(true);
  expect(checker.accepts("42 dossiers")).toBe(true);
  expect(checker.accepts("Portfolio, 42 dossiers")).toBe(true);
  expect(checker.accepts("12 / 07")).toBe(true);
  expect(checker.accepts("Portefeuille")).toBe(false);
  expect(checker.accepts("Open")).toBe(false);
  expect(checker.accepts("clear")).toBe(false);
});
