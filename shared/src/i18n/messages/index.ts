import { accountingMessages } from "./accounting";
import { accountingUiMessages } from "./accounting-ui";
import { agedBalanceMessages } from "./aged-balance";
import { botMessages } from "./bot";
import { campaignMessages } from "./campaigns";
import { campaignUiMessages } from "./campaign-ui";
import { cardPreviewMessages } from "./card-preview";
import { cardMessages } from "./cards";
import { clientMessages } from "./client";
import { domainMessages } from "./domain";
import { errorMessages } from "./errors";
import { fecIntakeMessages } from "./fec-intake";
import { importNoticeMessages } from "./import-notices";
import { invitationMessages } from "./invitations";
import { localSignInMessages } from "./local-signin";
import { mailMessages } from "./mail";
import { messageExtensionMessages } from "./message-extension";
import { refusalMessages } from "./refusals";
import { rgpdMessages } from "./rgpd";
import { shellMessages } from "./shell";
import { staffMessages } from "./staff";
import { statementsMessages } from "./statements";
import { validationMessages } from "./validation";

/** Every feature's messages, merged; add a feature's file here. */
export const allMessages = {
  ...accountingMessages,
  ...accountingUiMessages,
  ...agedBalanceMessages,
  ...botMessages,
  ...campaignMessages,
  ...campaignUiMessages,
  ...cardPreviewMessages,
  ...cardMessages,
  ...clientMessages,
  ...domainMessages,
  ...errorMessages,
  ...fecIntakeMessages,
  ...importNoticeMessages,
  ...invitationMessages,
  ...localSignInMessages,
  ...mailMessages,
  ...messageExtensionMessages,
  ...refusalMessages,
  ...rgpdMessages,
  ...shellMessages,
  ...staffMessages,
  ...statementsMessages,
  ...validationMessages,
} as const;
