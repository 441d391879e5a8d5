import type { Request } from "express";
import { AppError, type Principal } from "@comptoir/shared";
import type { TokenVerifier } from "../../auth/verify";

/** Reads and verifies the bearer token; every API route except health goes through here. */
export async function authenticate(req: Request, verify: TokenVerifier): Promise<Principal> {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (!match?.[1]) throw new AppError("AUTH_MISSING_TOKEN");
  return verify(match[1]);
}
