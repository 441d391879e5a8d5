import { defineMessages } from "../define";

/** The bot's own replies around the cards: searches that find nothing or too much, unknown accounts. */
export const botMessages = defineMessages({
  "bot.notFound.title": { fr: "Aucun résultat", en: "No result" },
  "bot.notFound.dossier": {
    fr: "Aucun dossier ne correspond à « {query} ». Vérifiez le code ou essayez une partie du nom.",
    en: "No dossier matches “{query}”. Check the code or try part of the name.",
  },
  "bot.notFound.contact": {
    fr: "Aucun interlocuteur ne correspond à « {query} ». Vérifiez l'adresse e-mail ou essayez une partie du nom.",
    en: "No contact matches “{query}”. Check the email address or try part of the name.",
  },

  "bot.tooLong.title": { fr: "Message trop long", en: "Message too long" },
  "bot.tooLong.text": {
    fr: "Je ne lis pas les messages de plus de {max} caractères. Tapez une commande, par exemple « aide » ou « dossier 000097 ».",
    en: "I do not read messages longer than {max} characters. Type a command, for example “help” or “dossier 000097”.",
  },

  "bot.missingArg.title": { fr: "Précisez votre demande", en: "Tell me a little more" },
  "bot.missingArg.dossier": {
    fr: "Indiquez le code ou le nom du dossier, par exemple : « dossier 000097 ».",
    en: "Give the dossier's code or name, for example: “dossier 000097”.",
  },
  "bot.missingArg.contact": {
    fr: "Indiquez l'adresse e-mail ou le nom de l'interlocuteur, par exemple : « interlocuteur marie.durand@exemple.fr ».",
    en: "Give the contact's email address or name, for example: “contact marie.durand@example.com”.",
  },
  "bot.missingArg.code": {
    fr: "Indiquez le code du dossier, par exemple : « {command} 000097 ».",
    en: "Give the dossier's code, for example: “{command} 000097”.",
  },

  "bot.matches.dossiers.title": {
    fr: "Plusieurs dossiers correspondent à « {query} »",
    en: "Several dossiers match “{query}”",
  },
  "bot.matches.contacts.title": {
    fr: "Plusieurs interlocuteurs correspondent à « {query} »",
    en: "Several contacts match “{query}”",
  },
  "bot.matches.dossiers.hint": {
    fr: "Précisez le code du dossier, par exemple : « {command} {code} ».",
    en: "Give the dossier's code, for example: “{command} {code}”.",
  },
  "bot.matches.contacts.hint": {
    fr: "Précisez l'adresse e-mail, par exemple : « interlocuteur {email} ».",
    en: "Give the email address, for example: “contact {email}”.",
  },
  "bot.matches.contactLine": { fr: "{name} – {email}", en: "{name} – {email}" },

  "bot.stranger.title": { fr: "Compte non reconnu", en: "Account not recognised" },
  "bot.stranger.text": {
    fr: "Je ne trouve aucun espace Comptoir associé à votre compte. Si votre cabinet vous a invité, ouvrez le lien reçu par e-mail ou contactez-le.",
    en: "I cannot find any Comptoir space linked to your account. If your firm invited you, open the link you received by email or contact them.",
  },
});
