import { fecUploadResultSchema, type FecUploadResult } from "@comptoir/shared/api/accounting";
import type { Locale } from "@comptoir/shared/i18n/locale";
import { translate } from "@comptoir/shared/i18n/translate";
import { ApiError, apiHeaders } from "../../api/client";
import { apiPath } from "../query-keys";
import { queryString } from "../accounting/audience";
import { responseError } from "../accounting/response-error";

export interface UploadProgress {
  /** Bytes sent so far and in all; `total` is 0 when the browser cannot tell. */
  loaded: number;
  total: number;
}

export interface UploadOptions {
  onProgress?: (progress: UploadProgress) => void;
  /** Every byte has left the browser: the server is now parsing and validating. */
  onSent?: () => void;
  signal?: AbortSignal;
  locale: Locale;
}

/** The server's verdict: imported (201) or rejected with its report (422); any other answer throws. */
export type UploadOutcome = { accepted: boolean } & FecUploadResult;

/** `POST /dossiers/:id/fec?start=&end=&fileName=`. */
export function fecUploadPath(dossierId: string, exercice: { start: string; end: string }, fileName: string): string {
  return `${apiPath("dossiers", dossierId, "fec")}${queryString({ start: exercice.start, end: exercice.end, fileName })}`;
}

function send(url: string, file: Blob, headers: Record<string, string>, options: UploadOptions) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.upload.onprogress = (e) => options.onProgress?.({ loaded: e.loaded, total: e.lengthComputable ? e.total : 0 });
    xhr.upload.onload = () => options.onSent?.();
    xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
    xhr.onerror = () => resolve({ status: 0, text: "" });
    xhr.onabort = () => reject(new DOMException("The upload was cancelled", "AbortError"));
    const abort = () => xhr.abort();
    options.signal?.addEventListener("abort", abort, { once: true });
    xhr.onloadend = () => options.signal?.removeEventListener("abort", abort);
    // The browser streams the file from disk: it is never read into memory here.
    xhr.send(file);
  });
}

/**
 * Uploads a FEC with real progress events (fetch has none for request bodies), with the same token and
 * language as apiFetch and one retry with a fresh token after a 401.
 */
export async function uploadWithProgress(url: string, file: Blob, options: UploadOptions): Promise<UploadOutcome> {
  let answer = await send(url, file, await apiHeaders(false), options);
  if (answer.status === 401) answer = await send(url, file, await apiHeaders(true), options);
  if (answer.status === 201 || answer.status === 200 || answer.status === 422) {
    let body: unknown;
    try {
      body = JSON.parse(answer.text) as unknown;
    } catch {
      body = undefined;
    }
    const parsed = fecUploadResultSchema.safeParse(body);
    if (parsed.success) return { accepted: answer.status !== 422, ...parsed.data };
    // A 422 may also be a plain validation error (bad query): fall through to the error body.
    if (answer.status !== 422) {
      throw new ApiError(answer.status, "INTERNAL", translate(options.locale, "error.INTERNAL"));
    }
  }
  throw responseError(answer.status, answer.text, options.locale);
}
