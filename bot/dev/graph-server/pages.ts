import { translate, translatePlural, type Locale, type MessageKey, type Params } from "@comptoir/shared";
import { escapeHtml } from "@comptoir/shared/mail/invitation-email";
import type { LocalInvitation, LocalMail } from "./model";

const STYLE = `:root { color-scheme: light dark; font-family: "Segoe UI", system-ui, sans-serif; }
  body { margin: 0; padding: 2rem 1rem; line-height: 1.5; }
  main { max-width: 44rem; margin: 0 auto; }
  button, .button { font: inherit; padding: .5rem 1.25rem; border-radius: .25rem; border: 1px solid GrayText; cursor: pointer;
    background: Canvas; color: CanvasText; text-decoration: none; display: inline-block; }
  button.primary { background: #0f6cbd; border-color: #0f6cbd; color: #fff; }
  button:focus-visible, .button:focus-visible, a:focus-visible { outline: 3px solid Highlight; outline-offset: 2px; }
  .note { font-size: .9rem; opacity: .85; border-left: 4px solid GrayText; padding-left: .75rem; }`;

function layout(locale: Locale, title: string, content: string, extraStyle = ""): string {
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}${extraStyle}</style></head>
<body><main>
${content}
</main></body></html>`;
}

const t = (locale: Locale, key: MessageKey, params?: Params) => escapeHtml(translate(locale, key, params));

/** Microsoft's "Review permissions" consent page, reduced to what the journey needs: who invites, Accept, Cancel. */
export function redeemPage(locale: Locale, invitation: LocalInvitation, organization: string): string {
  const id = encodeURIComponent(invitation.id);
  return layout(
    locale,
    translate(locale, "mail.redeem.title"),
    `<p>${t(locale, "mail.redeem.signedInAs", { email: invitation.invitedUserEmailAddress })}</p>
<h1>${t(locale, "mail.redeem.title")}</h1>
<p><strong>${t(locale, "mail.redeem.organization", { organization })}</strong></p>
<p>${t(locale, "mail.redeem.permissionsIntro")}</p>
<ul><li>${t(locale, "mail.redeem.permissionSignIn")}</li></ul>
<form method="post" action="/redeem/${id}">
  <button type="submit" name="decision" value="accept" class="primary">${t(locale, "mail.redeem.accept")}</button>
  <button type="submit" name="decision" value="cancel">${t(locale, "mail.redeem.cancel")}</button>
</form>
<p class="note">${t(locale, "mail.redeem.localNote")}</p>`,
  );
}

export function messagePage(locale: Locale, title: MessageKey, message: MessageKey): string {
  return layout(locale, translate(locale, title), `<h1>${t(locale, title)}</h1><p>${t(locale, message)}</p>`);
}

/** What Microsoft e-mails the guest when POST /invitations has sendInvitationMessage: true. */
export function microsoftInvitationMail(
  locale: Locale,
  organization: string,
  redeemUrl: string,
): { subject: string; html: string } {
  const subject = translate(locale, "mail.msInvitation.subject", { organization });
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:'Segoe UI',Arial,sans-serif">
<p>${t(locale, "mail.msInvitation.body", { organization })}</p>
<p><a href="${escapeHtml(redeemUrl)}">${t(locale, "mail.invitation.button")}</a></p>
</body></html>`;
  return { subject, html };
}

const MAILBOX_STYLE = `
  main { max-width: 60rem; }
  article { border: 1px solid GrayText; border-radius: .5rem; padding: 1rem; margin: 1rem 0; }
  article h2 { margin: 0 0 .5rem; font-size: 1.15rem; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0 0 .75rem; }
  dt { font-weight: 600; }
  dd { margin: 0; overflow-wrap: anywhere; }
  iframe { width: 100%; height: 32rem; border: 1px solid GrayText; border-radius: .25rem; background: #fff; resize: vertical; }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; }`;

/**
 * The dev mailbox: each e-mail's headers, then its body in a sandboxed frame (no script, links open
 * in the top window), so a message's markup can neither run nor restyle the page.
 */
export function mailboxPage(locale: Locale, mails: readonly LocalMail[]): string {
  const formatter = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", {
    dateStyle: "long",
    timeStyle: "medium",
  });
  const items = mails.map((m) => {
    const to = m.to.map((r) => (r.name ? `${r.name} <${r.address}>` : r.address)).join(", ");
    const kind = m.kind === "invitation" ? "mail.devMailbox.kindInvitation" : "mail.devMailbox.kindSendMail";
    const body =
      m.contentType === "HTML"
        ? `<iframe title="${t(locale, "mail.devMailbox.bodyFrame", { subject: m.subject })}" sandbox="allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation" srcdoc="${escapeHtml(withTopTarget(m.body))}"></iframe>`
        : `<pre>${escapeHtml(m.body)}</pre>`;
    return `<article aria-labelledby="mail-${m.id}">
<h2 id="mail-${m.id}">${escapeHtml(m.subject)}</h2>
<dl>
<dt>${t(locale, "mail.devMailbox.to")}</dt><dd>${escapeHtml(to)}</dd>
<dt>${t(locale, "mail.devMailbox.from")}</dt><dd>${escapeHtml(m.from)}</dd>
<dt>${t(locale, "mail.devMailbox.sentAt")}</dt><dd><time datetime="${escapeHtml(m.sentAt)}">${escapeHtml(formatter.format(new Date(m.sentAt)))}</time></dd>
<dt>${t(locale, "mail.devMailbox.kind")}</dt><dd>${t(locale, kind)}</dd>
</dl>
${body}
</article>`;
  });
  const count = escapeHtml(translatePlural(locale, "mail.devMailbox.count", mails.length));
  return layout(
    locale,
    translate(locale, "mail.devMailbox.title"),
    `<h1>${t(locale, "mail.devMailbox.title")}</h1>
<p>${t(locale, "mail.devMailbox.intro")}</p>
<p role="status">${mails.length === 0 ? t(locale, "mail.devMailbox.empty") : count}</p>
${items.join("\n")}`,
    MAILBOX_STYLE,
  );
}

/** Links inside the framed e-mail open in the top window, like a click in a real mail client. */
function withTopTarget(html: string): string {
  const base = `<base target="_top">`;
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (h) => `${h}${base}`) : `${base}${html}`;
}

/** The href of every link in an HTML body, for tests and scripts that follow the e-mail's link. */
export function linksOf(html: string): string[] {
  const out: string[] = [];
  for (const match of html.matchAll(/<a\b[^>]*?\bhref="([^"]*)"/gi)) {
    out.push(unescapeHtml(match[1] ?? ""));
  }
  return out;
}

function unescapeHtml(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

export function localeOfLanguageTag(tag: string | null | undefined): Locale | null {
  if (!tag) return null;
  const base = tag.toLowerCase().split("-")[0];
  return base === "fr" || base === "en" ? base : null;
}

/** The dev mailbox's drive page: pick a top-level folder and a file; a small script posts the raw bytes. */
export function drivePage(locale: Locale, root: string, folders: readonly string[]): string {
  const options = folders.map((f) => `<option value="${escapeHtml(f)}"></option>`).join("");
  const texts = JSON.stringify({
    sent: translate(locale, "mail.devDrive.sent"),
    failed: translate(locale, "mail.devDrive.failed"),
  });
  const form = `<form id="drop">
<p><label for="folder">${t(locale, "mail.devDrive.folder")}</label><br>
<input id="folder" name="folder" list="folders" required aria-describedby="folder-hint">
<datalist id="folders">${options}</datalist><br><span id="folder-hint" class="note">${t(locale, "mail.devDrive.folderHint")}</span></p>
<p><label for="file">${t(locale, "mail.devDrive.file")}</label><br><input id="file" name="file" type="file" required></p>
<p><button class="primary" type="submit">${t(locale, "mail.devDrive.send")}</button></p>
</form>
<p role="status" id="status"></p>
<script>
const texts = ${texts.replace(/</g, "\\u003c")};
document.getElementById("drop").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = event.target;
  const file = form.file.files[0];
  const query = new URLSearchParams({ folder: form.folder.value, name: file.name });
  const res = await fetch("/dev/drive?" + query, { method: "POST", body: file });
  document.getElementById("status").textContent = res.ok
    ? texts.sent.replace("{name}", file.name)
    : texts.failed.replace("{status}", String(res.status));
});
</script>`;
  return layout(
    locale,
    translate(locale, "mail.devDrive.title"),
    `<h1>${t(locale, "mail.devDrive.title")}</h1>
<p>${t(locale, "mail.devDrive.intro", { root })}</p>
${form}`,
  );
}
