import { errors as joseErrors, decodeProtectedHeader, jwtVerify, type JWTVerifyGetKey } from "jose";
import { AppError, principalFromClaims, tokenClaimsSchema, type ErrorCode, type Principal } from "@comptoir/shared";

export interface VerifierOptions {
  /** Accepted `iss` values (Entra emits v1 and v2 issuers for the same tenant). */
  issuers: string[];
  audiences: string[];
  tenantId: string;
  keys: JWTVerifyGetKey;
  clockToleranceSec?: number;
}

export type TokenVerifier = (token: string) => Promise<Principal>;

const ALLOWED_ALGORITHMS = ["RS256"];
/** The one delegated permission Comptoir's API exposes (aad.manifest.json). */
const DELEGATED_SCOPE = "access_as_user";

/** The one verification path: both modes differ only by the issuers and keys they pass in. */
export function createTokenVerifier(opts: VerifierOptions): TokenVerifier {
  return async (token) => {
    const alg = headerAlgorithm(token);
    if (!ALLOWED_ALGORITHMS.includes(alg)) throw new AppError("AUTH_UNSUPPORTED_ALGORITHM");
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, opts.keys, {
        issuer: opts.issuers,
        audience: opts.audiences,
        algorithms: ALLOWED_ALGORITHMS,
        clockTolerance: opts.clockToleranceSec ?? 60,
        requiredClaims: ["exp", "iat", "tid", "oid"],
      }));
    } catch (e) {
      throw new AppError(codeForJoseError(e));
    }
    if (payload.tid !== opts.tenantId) throw new AppError("AUTH_INVALID_TENANT");
    if (!isDelegatedToComptoir(payload)) throw new AppError("AUTH_NOT_DELEGATED_TOKEN");
    const claims = tokenClaimsSchema.safeParse({
      ...payload,
      // v1 Entra tokens carry `upn`/`unique_name` where v2 carries `preferred_username`.
      preferred_username: payload.preferred_username ?? payload.upn ?? payload.unique_name ?? payload.email,
    });
    if (!claims.success) throw new AppError("AUTH_INVALID_TOKEN");
    return principalFromClaims(claims.data);
  };
}

/**
 * A person's access token for Comptoir's API: delegated (`scp` holds access_as_user) and not an app-only
 * token (`idtyp` "app"). An ID token of the same app (`aud` = its client id) has no `scp` and is refused.
 */
function isDelegatedToComptoir(payload: Record<string, unknown>): boolean {
  if (payload.idtyp !== undefined && payload.idtyp !== "user") return false;
  return typeof payload.scp === "string" && payload.scp.split(" ").includes(DELEGATED_SCOPE);
}

function headerAlgorithm(token: string): string {
  try {
    return decodeProtectedHeader(token).alg ?? "none";
  } catch {
    throw new AppError("AUTH_INVALID_TOKEN");
  }
}

function codeForJoseError(e: unknown): ErrorCode {
  if (e instanceof joseErrors.JWTExpired) return "AUTH_TOKEN_EXPIRED";
  if (e instanceof joseErrors.JWTClaimValidationFailed) {
    if (e.claim === "iss") return "AUTH_INVALID_ISSUER";
    if (e.claim === "aud") return "AUTH_INVALID_AUDIENCE";
    return "AUTH_INVALID_TOKEN";
  }
  if (e instanceof joseErrors.JWSSignatureVerificationFailed || e instanceof joseErrors.JWKSNoMatchingKey) {
    return "AUTH_INVALID_SIGNATURE";
  }
  if (e instanceof joseErrors.JOSEAlgNotAllowed || e instanceof joseErrors.JOSENotSupported) {
    return "AUTH_UNSUPPORTED_ALGORITHM";
  }
  if (e instanceof joseErrors.JWKSTimeout || e instanceof joseErrors.JOSEError) return "AUTH_INVALID_TOKEN";
  throw e;
}
