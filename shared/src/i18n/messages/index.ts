import { errorMessages } from "./errors";
import { shellMessages } from "./shell";

/** Every feature's messages, merged; add a feature's file here. */
export const allMessages = {
  ...errorMessages,
  ...shellMessages,
} as const;
