// Its own chunk in a build (scripts/catalogue-plugin.ts): the English messages, loaded when chosen.
export { en } from "@comptoir/shared/i18n/en";
