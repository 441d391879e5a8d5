import { defineMessages } from "../define";

export const shellMessages = defineMessages({
  "app.name": { fr: "Comptoir", en: "Comptoir" },
});
