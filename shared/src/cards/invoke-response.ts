import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from "./types";

/** The body types of an `adaptiveCard/action` invoke response (Universal Actions). */
export const INVOKE_RESPONSE_TYPES = {
  card: ADAPTIVE_CARD_CONTENT_TYPE,
  message: "application/vnd.microsoft.activity.message",
  error: "application/vnd.microsoft.error",
} as const;

export type CardInvokeResponse =
  | { statusCode: 200; type: typeof INVOKE_RESPONSE_TYPES.card; value: AdaptiveCard }
  | { statusCode: 200; type: typeof INVOKE_RESPONSE_TYPES.message; value: string }
  | { statusCode: 400 | 500; type: typeof INVOKE_RESPONSE_TYPES.error; value: { code: string; message: string } };

/** The host replaces the card the user acted on with `card`. */
export function cardResponse(card: AdaptiveCard): CardInvokeResponse {
  return { statusCode: 200, type: INVOKE_RESPONSE_TYPES.card, value: card };
}

/** The host shows `text` briefly and keeps the card as it was. */
export function messageResponse(text: string): CardInvokeResponse {
  return { statusCode: 200, type: INVOKE_RESPONSE_TYPES.message, value: text };
}

/** 400 for a bad request (invalid data), 500 for our own failure; the host shows `message`. */
export function errorResponse(statusCode: 400 | 500, code: string, message: string): CardInvokeResponse {
  return { statusCode, type: INVOKE_RESPONSE_TYPES.error, value: { code, message } };
}
