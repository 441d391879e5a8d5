import { AppError, defaultFirmSettings, type FirmSettings } from "@comptoir/shared";
import type { Versioned } from "../repos";
import { audit } from "./audit";
import type { Ctx, ServiceDeps } from "./context";

/** A firm's settings; a firm seen for the first time gets the defaults (no paid subscription yet). */
export async function getSettings(deps: ServiceDeps, tenantId: string): Promise<Versioned<FirmSettings>> {
  const existing = await deps.repos.firms.get(tenantId);
  if (existing) return existing;
  const settings = defaultFirmSettings("Cabinet");
  try {
    return { value: settings, etag: await deps.repos.firms.create(tenantId, settings) };
  } catch (e) {
    // Another request created them first: read theirs.
    if (e instanceof AppError && e.code === "CONFLICT") {
      const again = await deps.repos.firms.get(tenantId);
      if (again) return again;
    }
    throw e;
  }
}

export async function updateSettings(
  deps: ServiceDeps,
  ctx: Ctx,
  next: FirmSettings,
  etag: string,
): Promise<Versioned<FirmSettings>> {
  const before = await getSettings(deps, ctx.tenantId);
  const newEtag = await deps.repos.firms.update(ctx.tenantId, next, etag);
  await audit(
    deps,
    ctx,
    "firm.settings.updated",
    { type: "firm", id: ctx.tenantId },
    { before: before.value, after: next },
  );
  return { value: next, etag: newEtag };
}
