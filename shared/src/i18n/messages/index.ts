import { accountingMessages } from "./accounting";
import { domainMessages } from "./domain";
import { errorMessages } from "./errors";
import { localSignInMessages } from "./local-signin";
import { shellMessages } from "./shell";
import { validationMessages } from "./validation";

/** Every feature's messages, merged; add a feature's file here. */
export const allMessages = {
  ...accountingMessages,
  ...domainMessages,
  ...errorMessages,
  ...localSignInMessages,
  ...shellMessages,
  ...validationMessages,
} as const;
