/** The chat commands staff can type; anything else is `unknown` (the bot answers with the help card). */
export const COMMAND_NAMES = ["help", "dossier", "interlocuteur", "proposer", "statut", "unknown"] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export interface Command {
  name: CommandName;
  /** What follows the command word, spaces collapsed, case and accents kept (names are searched as typed). */
  arg: string;
}

/** French and English words for each command, written without accents and in lower case. */
const ALIASES: Record<Exclude<CommandName, "unknown">, readonly string[]> = {
  help: ["aide", "help", "?"],
  dossier: ["dossier", "file"],
  interlocuteur: ["interlocuteur", "contact"],
  proposer: ["proposer", "propose"],
  statut: ["statut", "status"],
};

const BY_WORD = new Map<string, CommandName>(
  Object.entries(ALIASES).flatMap(([name, words]) => words.map((w) => [w, name as CommandName] as const)),
);

const ENTITIES: Record<string, string> = { nbsp: " ", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", "#39": "'" };

/**
 * Reads a chat message: drops @mentions (`<at>Comptoir</at>`) and other markup Teams may add, then matches
 * the first word against the aliases, ignoring case and accents (`Statut`, `STATUT`, `stätut`, `/aide`).
 */
export function parseCommand(text: string | null | undefined): Command {
  const clean = cleanMessageText(text ?? "");
  const match = /^(\S+)\s*(.*)$/s.exec(clean);
  if (!match) return { name: "unknown", arg: "" };
  const word = foldWord(match[1] ?? "");
  const name = BY_WORD.get(word);
  return name ? { name, arg: match[2] ?? "" } : { name: "unknown", arg: clean };
}

/** Message text without mentions, tags and HTML entities, with whitespace collapsed. */
export function cleanMessageText(text: string): string {
  return text
    .replace(/<at\b[^>]*>.*?<\/at>/gis, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&(nbsp|amp|lt|gt|quot|apos|#39);/gi, (_, name: string) => ENTITIES[name.toLowerCase()] ?? " ")
    .replace(/\s+/g, " ")
    .trim();
}

function foldWord(word: string): string {
  return word
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/^\/+/, "")
    .replace(/[:.,;!]+$/, "");
}
