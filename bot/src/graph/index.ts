export {
  createGraphAdapter,
  graphAdapterOver,
  graphMessageLanguage,
  type GraphAdapter,
  type GraphUser,
  type GuestInvitation,
  type InviteGuestInput,
  type SendMailInput,
} from "./adapter";
export { isTransient, retryAfterMs } from "./errors";
export { createGraphHttp, type GraphHttpOptions, type RetryEvent } from "./http";
export { DEFAULT_RETRY_POLICY, type RetryPolicy, type Sleep } from "./retry";
export {
  createGraphTokenProvider,
  createLocalGraphTokenProvider,
  type AppCredentials,
  type TokenProvider,
} from "./token";
