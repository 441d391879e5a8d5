import { translate, type Locale, type MessageKey } from "../i18n";
import type { RgpdExport } from "./rgpd";

/**
 * The RGPD export as one printable HTML page, in the asker's language (French first): one section
 * per category, each item a two-column table. Every value is escaped; the page loads nothing.
 */
export function renderRgpdExportHtml(data: RgpdExport, locale: Locale): string {
  const t = (key: MessageKey, params?: Record<string, string>) => escapeHtml(translate(locale, key, params));
  const name = `${data.contact.prenom} ${data.contact.nom}`;
  const sections: [MessageKey, readonly object[]][] = [
    ["rgpd.export.identity", [data.contact]],
    ["rgpd.export.links", data.links],
    ["rgpd.export.subscriptions", data.subscriptions],
    ["rgpd.export.invitations", data.invitations],
    ["rgpd.export.mailsSent", data.mailsSent],
    ["rgpd.export.conversationReferences", data.conversationReferences],
    ["rgpd.export.importNotices", data.importNotices.sent],
    ["rgpd.export.earlyArrivals", data.earlyArrivals],
    ["rgpd.export.campaignItems", data.campaignItems],
    ["rgpd.export.auditEvents", data.auditEvents],
  ];
  const body = sections
    .map(([title, items]) => {
      const extra =
        title === "rgpd.export.importNotices" && data.importNotices.turnedOff
          ? `<p>${t("rgpd.export.importNoticesOff")}</p>`
          : "";
      const content = items.length === 0 ? `<p>${t("rgpd.export.none")}</p>` : items.map((i) => table(i, t)).join("");
      return `<section><h2>${t(title)}</h2>${extra}${content}</section>`;
    })
    .join("\n");
  return [
    "<!doctype html>",
    `<html lang="${locale}"><head><meta charset="utf-8"><title>${t("rgpd.export.title", { name })}</title>`,
    "<style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse;margin:0 0 1rem;width:100%}",
    "th,td{border:1px solid #999;padding:.25rem .5rem;text-align:left;vertical-align:top}",
    "td{white-space:pre-wrap;word-break:break-word}@media print{section{break-inside:avoid-page}}</style></head>",
    `<body><h1>${t("rgpd.export.title", { name })}</h1><p>${t("rgpd.export.generatedAt", { date: data.generatedAt })}</p>`,
    body,
    "</body></html>",
  ].join("\n");
}

function table(item: object, t: (key: MessageKey) => string): string {
  const rows = Object.entries(item)
    .map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(display(v))}</td></tr>`)
    .join("");
  return `<table><thead><tr><th scope="col">${t("rgpd.export.field")}</th><th scope="col">${t("rgpd.export.value")}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function display(v: unknown): string {
  if (v === null || v === undefined) return "—";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return JSON.stringify(v, null, 2);
}

function escapeHtml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}
