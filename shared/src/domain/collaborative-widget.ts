import { AppError } from "../errors";
import type { Actor } from "./common";
import type { Dossier } from "./dossier";

/**
 * "Initialiser" on the dossier's dashboard, with the "Activation de l'extension" box.
 * Switching the extension on needs the Consultation offer (`OFFER_NOT_ACTIVE`); switching it off
 * is always allowed. Until the extension is active, clients cannot consult the dossier.
 */
export function initializeCollaborativeWidget(
  dossier: Dossier,
  options: { extensionActive: boolean },
  actor: Actor,
  now: Date,
): Dossier {
  if (options.extensionActive && !dossier.offers.consultation.active) {
    throw new AppError("OFFER_NOT_ACTIVE", { dossier: dossier.code });
  }
  const at = now.toISOString();
  return {
    ...dossier,
    collaborativeWidget: { initialized: true, extensionActive: options.extensionActive, at, by: actor },
    updatedAt: at,
  };
}
