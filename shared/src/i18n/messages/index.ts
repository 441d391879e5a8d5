import { accountingMessages } from "./accounting";
import { accountingUiMessages } from "./accounting-ui";
import { botMessages } from "./bot";
import { cardPreviewMessages } from "./card-preview";
import { cardMessages } from "./cards";
import { clientMessages } from "./client";
import { domainMessages } from "./domain";
import { errorMessages } from "./errors";
import { importNoticeMessages } from "./import-notices";
import { invitationMessages } from "./invitations";
import { localSignInMessages } from "./local-signin";
import { mailMessages } from "./mail";
import { shellMessages } from "./shell";
import { staffMessages } from "./staff";
import { validationMessages } from "./validation";

/** Every feature's messages, merged; add a feature's file here. */
export const allMessages = {
  ...accountingMessages,
  ...accountingUiMessages,
  ...botMessages,
  ...cardPreviewMessages,
  ...cardMessages,
  ...clientMessages,
  ...domainMessages,
  ...errorMessages,
  ...importNoticeMessages,
  ...invitationMessages,
  ...localSignInMessages,
  ...mailMessages,
  ...shellMessages,
  ...staffMessages,
  ...validationMessages,
} as const;
