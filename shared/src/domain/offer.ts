import { z } from "zod";

/**
 * Offers a dossier can have switched on. Services in the catalogue each require one of them.
 * Only the Consultation offer exists today (the firm's paid "Start" subscription).
 */
export const OFFER_IDS = ["consultation"] as const;
export const offerIdSchema = z.enum(OFFER_IDS);
export type OfferId = z.infer<typeof offerIdSchema>;
