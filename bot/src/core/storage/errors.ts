import { RestError } from "@azure/data-tables";
import { AppError, type ErrorCode } from "@comptoir/shared";

export function statusOf(e: unknown): number | undefined {
  return e instanceof RestError ? e.statusCode : undefined;
}

/**
 * Table storage answers a stale If-Match with 412 and a duplicate insert with 409; inside a transaction
 * either fails the whole batch. We surface them as catalogue codes instead of silent overwrites.
 */
export async function mapStorageErrors<T>(work: () => Promise<T>, onDuplicate: ErrorCode = "CONFLICT"): Promise<T> {
  try {
    return await work();
  } catch (e) {
    const status = statusOf(e);
    if (status === 412) throw new AppError("CONFLICT");
    if (status === 409) throw new AppError(onDuplicate);
    if (status === 404) throw new AppError("NOT_FOUND");
    throw e;
  }
}
