import type { Locale } from "../i18n/locale";
import { interpolate, translate, type Params } from "../i18n/translate";
import type { MessageKey } from "../i18n/fr";

export interface InvitationEmailInput {
  locale: Locale;
  firmName: string;
  contactName: string;
  /** The contact's e-mail: it is their identifier, with the password of their Microsoft account. */
  identifier: string;
  /**
   * Microsoft's acceptance (redeem) link while the guest has not accepted yet; `null` once they have: the
   * e-mail then announces a new service, with no acceptance step.
   */
  acceptLink: string | null;
  /** The stable link to the client's space (the web app), which works in a browser, Teams and Outlook. */
  spaceLink: string;
  serviceLabel: string;
}

export interface InvitationEmail {
  subject: string;
  html: string;
  text: string;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

const isHttpUrl = (url: string) => /^https?:\/\/\S+$/i.test(url);

/**
 * Our own invitation e-mail ("Le parcours client"), in the contact's language: the acceptance link while one
 * is needed, the identifier and how to accept, and the stable link to their space; once they have accepted,
 * a "nouveau service" e-mail with that space link alone. Every value is HTML-escaped; links must be http(s)
 * so they can never run script.
 */
export function invitationEmail(input: InvitationEmailInput): InvitationEmail {
  if (![input.spaceLink, input.acceptLink ?? input.spaceLink].every(isHttpUrl))
    throw new Error("The invitation links must be http(s) URLs");
  const { locale } = input;
  const invite = input.acceptLink !== null;
  const params: Params = {
    firmName: input.firmName,
    contactName: input.contactName,
    serviceLabel: input.serviceLabel,
    identifier: input.identifier,
  };
  const text = (key: MessageKey) => translate(locale, key, params);
  // Escape the template and the values separately, so a value can never inject markup.
  const html = (key: MessageKey) => interpolate(escapeHtml(translate(locale, key)), escapeParams(params));

  const subject = text(invite ? "mail.invitation.subject" : "mail.newService.subject");
  const steps = invite ? (["mail.invitation.step1", "mail.invitation.step2", "mail.invitation.step3"] as const) : [];
  const buttonUrl = input.acceptLink ?? input.spaceLink;
  const link = escapeHtml(buttonUrl);
  const space = escapeHtml(input.spaceLink);
  const button: MessageKey = invite ? "mail.invitation.button" : "mail.newService.button";
  const separator = locale === "fr" ? " : " : ": ";

  const body = `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f5f5f5;font-family:'Segoe UI',Arial,sans-serif;color:#242424;line-height:1.5">
<div style="max-width:600px;margin:0 auto;background:#ffffff;padding:24px;border-radius:8px">
<p>${html("mail.invitation.greeting")}</p>
<p>${html(invite ? "mail.invitation.intro" : "mail.newService.intro")}</p>
<p style="margin:24px 0"><a href="${link}" style="display:inline-block;background:#0f6cbd;color:#ffffff;padding:12px 20px;border-radius:4px;text-decoration:none;font-weight:600">${html(button)}</a></p>
<h2 style="font-size:16px">${html("mail.invitation.credentialsTitle")}</h2>
<ul>
<li><strong>${html("mail.invitation.identifierLabel")}</strong>${separator}${escapeHtml(input.identifier)} (${html("mail.invitation.identifierHint")})</li>
<li><strong>${html("mail.invitation.passwordLabel")}</strong>${separator}${html("mail.invitation.passwordValue")}</li>
</ul>
${
  invite
    ? `<h2 style="font-size:16px">${html("mail.invitation.stepsTitle")}</h2>
<ol>
${steps.map((s) => `<li>${html(s)}</li>`).join("\n")}
</ol>
<p>${html("mail.invitation.fallbackLink")}<br><a href="${link}" style="word-break:break-all">${link}</a></p>
<h2 style="font-size:16px">${html("mail.space.title")}</h2>
<p>${html("mail.space.afterAccept")}<br><a href="${space}" style="word-break:break-all">${space}</a></p>`
    : `<h2 style="font-size:16px">${html("mail.space.title")}</h2>
<p>${html("mail.space.body")}<br><a href="${space}" style="word-break:break-all">${space}</a></p>`
}
<p style="color:#616161">${html("mail.invitation.ignore")}</p>
<p>${html("mail.invitation.signature")}</p>
</div>
</body>
</html>`;

  const plain = [
    text("mail.invitation.greeting"),
    "",
    text(invite ? "mail.invitation.intro" : "mail.newService.intro"),
    "",
    `${text(button)}${separator}${buttonUrl}`,
    "",
    text("mail.invitation.credentialsTitle"),
    `- ${text("mail.invitation.identifierLabel")}${separator}${input.identifier} (${text("mail.invitation.identifierHint")})`,
    `- ${text("mail.invitation.passwordLabel")}${separator}${text("mail.invitation.passwordValue")}`,
    "",
    ...(invite ? [text("mail.invitation.stepsTitle"), ...steps.map((s, i) => `${i + 1}. ${text(s)}`), ""] : []),
    text("mail.space.title"),
    `${text(invite ? "mail.space.afterAccept" : "mail.space.body")} ${input.spaceLink}`,
    "",
    text("mail.invitation.ignore"),
    "",
    text("mail.invitation.signature"),
  ].join("\n");

  return { subject, html: body, text: plain };
}

function escapeParams(params: Params): Params {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, escapeHtml(String(v))]));
}
