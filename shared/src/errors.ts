import { errorMessages } from "./i18n/messages/errors";
import type { Params } from "./i18n/translate";
import { z } from "zod";

type ErrorKey = keyof typeof errorMessages;
type CodeOf<K> = K extends `error.${infer C}` ? C : never;

/** Stable error codes: clients and tests rely on them, so never rename one. */
export type ErrorCode = CodeOf<ErrorKey>;
export const ERROR_CODES = Object.keys(errorMessages).map((k) => k.slice("error.".length)) as ErrorCode[];

export function isAppErrorCode(code: string): code is ErrorCode {
  return (ERROR_CODES as string[]).includes(code);
}

export function errorMessageKey(code: ErrorCode): ErrorKey {
  return `error.${code}`;
}

export const fieldIssueSchema = z.object({ path: z.string(), message: z.string() });
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

/** The error body every API route returns. */
export const errorBodySchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
  fields: z.array(fieldIssueSchema).optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** A domain failure carrying a catalogue code; the edge turns it into a status and a localized message. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Params = {},
    readonly fields?: FieldIssue[],
  ) {
    super(code);
    this.name = "AppError";
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
