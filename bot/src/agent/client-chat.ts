import { clientSocietesCard, isAppError, type AdaptiveCard, type Locale } from "@comptoir/shared";
import { listSocietes } from "../core/services/client-space";
import type { ActionKit } from "./actions";
import { clientSpaceLink } from "../core/services/app-links";
import { errorCardFor } from "./replies";
import type { ClientCaller } from "./turn";

/**
 * Whatever a client writes, they get their own sociétés and the way into their space, through the very
 * access rule the tab's client routes use (`listSocietes`): never another client's data, never staff data.
 */
export async function answerClient(kit: ActionKit, caller: ClientCaller, locale: Locale): Promise<AdaptiveCard> {
  try {
    const { items } = await listSocietes(kit.deps, caller.principal, { dir: "asc" });
    return clientSocietesCard({
      locale,
      societes: items.map((s) => ({ name: s.name, code: s.code })),
      spaceLink: clientSpaceLink(kit.links),
    });
  } catch (e) {
    if (!isAppError(e)) console.error("[bot] client answer failed", e);
    return errorCardFor(locale, e);
  }
}
