import express, { type Response, type Router } from "express";
import { resolveLocale, type Locale } from "@comptoir/shared";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import type { LocalDrive } from "./drive";
import { drivePage, linksOf, localeOfLanguageTag, mailboxPage, messagePage, redeemPage } from "./pages";
import type { GraphStore } from "./store";

export interface BrowserRoutesDeps {
  store: GraphStore;
  /** The tenant's drives (local mode: one, `<DATA_DIR>/drive`): the dev drive page drops files there. */
  drives: ReadonlyMap<string, LocalDrive>;
  organizationName: () => Promise<string>;
  now: () => Date;
  devMailbox: boolean;
}

/** What a person opens in a browser: the invitation's redeem page and, in local mode, the dev mailbox. */
export function createBrowserRoutes(deps: BrowserRoutesDeps): Router {
  const router = express.Router();
  const { store } = deps;

  router.use((_req, res, next) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "no-referrer");
    res.setHeader("Cache-Control", "no-store");
    next();
  });

  const unknownInvitation = (res: Response, locale: Locale) =>
    void res
      .status(404)
      .type("html")
      .send(messagePage(locale, "mail.redeem.title", "mail.redeem.unknown"));

  router.get("/redeem/:invitationId", (req, res, next) => {
    (async () => {
      const found = await store.getInvitation(req.params.invitationId);
      const locale = localeOfLanguageTag(found?.value.messageLanguage) ?? resolveLocale(req.headers["accept-language"]);
      if (!found) return unknownInvitation(res, locale);
      res.type("html").send(redeemPage(locale, found.value, await deps.organizationName()));
    })().catch(next);
  });

  router.post("/redeem/:invitationId", express.urlencoded({ extended: false, limit: "4kb" }), (req, res, next) => {
    (async () => {
      const found = await store.getInvitation(req.params.invitationId);
      const locale = localeOfLanguageTag(found?.value.messageLanguage) ?? resolveLocale(req.headers["accept-language"]);
      if (!found) return unknownInvitation(res, locale);
      const decision = (req.body as Record<string, unknown> | undefined)?.decision;
      if (decision !== "accept")
        return void res.type("html").send(messagePage(locale, "mail.redeem.title", "mail.redeem.cancelled"));
      const user = await store.markAccepted(found.value.userId, deps.now());
      if (!user) return unknownInvitation(res, locale);
      await store.completeInvitation(found.value.id);
      res.redirect(303, found.value.inviteRedirectUrl);
    })().catch(next);
  });

  if (deps.devMailbox) {
    router.get("/dev/mailbox", (req, res, next) => {
      store
        .listMails(200)
        .then((mails) => res.type("html").send(mailboxPage(resolveLocale(req.headers["accept-language"]), mails)))
        .catch(next);
    });
    const drive = [...deps.drives.values()][0];
    const topFolders = async () =>
      drive
        ? (await readdir(drive.root, { withFileTypes: true }).catch(() => []))
            .filter((e) => e.isDirectory())
            .map((e) => e.name)
            .sort()
        : [];
    router.get("/dev/drive", (req, res, next) => {
      topFolders()
        .then((folders) =>
          res.type("html").send(drivePage(resolveLocale(req.headers["accept-language"]), drive?.root ?? "", folders)),
        )
        .catch(next);
    });
    // The page's upload: raw bytes into a top-level folder of the drive (made if new), under the file's own name.
    router.post("/dev/drive", express.raw({ type: () => true, limit: "300mb" }), (req, res, next) => {
      (async () => {
        const folder = typeof req.query.folder === "string" ? req.query.folder : "";
        const name = typeof req.query.name === "string" ? req.query.name : "";
        const body: unknown = req.body;
        // One plain name each: no path, nothing hidden.
        const plain = (text: string) => text !== "" && !text.startsWith(".") && basename(text) === text;
        if (!drive || !plain(name) || !plain(folder) || !Buffer.isBuffer(body)) {
          return void res.status(400).end();
        }
        await mkdir(join(drive.root, folder), { recursive: true });
        await writeFile(join(drive.root, folder, name), body);
        res.status(201).end();
      })().catch(next);
    });
    router.get("/dev/mailbox.json", (_req, res, next) => {
      store
        .listMails()
        .then((mails) =>
          res.json({ value: mails.map((m) => ({ ...m, links: m.contentType === "HTML" ? linksOf(m.body) : [] })) }),
        )
        .catch(next);
    });
  }

  return router;
}
