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

/**
 * The longest chat message the bot reads (a command and its argument need a few dozen characters; a pasted
 * message with mentions a few hundred). Longer text is answered with a notice, before any parsing.
 */
export const MAX_CHAT_TEXT_CHARS = 4_000;

/** True when the bot reads this text at all (see MAX_CHAT_TEXT_CHARS). */
export function isReadableChatText(text: string | null | undefined): boolean {
  return (text ?? "").length <= MAX_CHAT_TEXT_CHARS;
}

/**
 * Message text without mentions, tags and HTML entities, with whitespace collapsed. Each step is one pass
 * over the text (searches resume where the last one ended), so hostile input such as thousands of unclosed
 * `<at` costs linear time; the result is the one of the regexes `<at\b[^>]*>.*?<\/at>` then `<[^>]*>`.
 */
export function cleanMessageText(text: string): string {
  return dropTags(dropMentions(text))
    .replace(/&(nbsp|amp|lt|gt|quot|apos|#39);/gi, (_, name: string) => ENTITIES[name.toLowerCase()] ?? " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** `<at …>…</at>` (case-insensitive) becomes a space. */
function dropMentions(text: string): string {
  const parts: string[] = [];
  const mentionEnd = /<\/at>/gi;
  let from = 0;
  for (let i = text.indexOf("<"); i >= 0; i = text.indexOf("<", i + 1)) {
    if (!opensMention(text, i)) continue;
    const gt = text.indexOf(">", i + 3);
    // No `>` (or no `</at>`) after this one means none after any later one either: no mention is left.
    if (gt < 0) break;
    mentionEnd.lastIndex = gt + 1;
    const end = mentionEnd.exec(text);
    if (!end) break;
    parts.push(text.slice(from, i), " ");
    from = end.index + end[0].length;
    i = from - 1;
  }
  parts.push(text.slice(from));
  return parts.join("");
}

/** `<at` followed by a word boundary (as the regex's `\b`). */
function opensMention(text: string, i: number): boolean {
  if (text.slice(i + 1, i + 3).toLowerCase() !== "at") return false;
  const next = text[i + 3];
  return next === undefined || !/\w/.test(next);
}

/** Any `<…>` becomes a space; a `<` with no `>` after it stays. */
function dropTags(text: string): string {
  const parts: string[] = [];
  let from = 0;
  for (let i = text.indexOf("<"); i >= 0; i = text.indexOf("<", from)) {
    const gt = text.indexOf(">", i + 1);
    if (gt < 0) break;
    parts.push(text.slice(from, i), " ");
    from = gt + 1;
  }
  parts.push(text.slice(from));
  return parts.join("");
}

/** The word without trailing `: . , ; !` (a loop: the regex `[:.,;!]+$` backtracks on long runs). */
export function trimTrailingPunctuation(word: string): string {
  let end = word.length;
  while (end > 0 && ":.,;!".includes(word[end - 1] ?? "")) end--;
  return word.slice(0, end);
}

function foldWord(word: string): string {
  return trimTrailingPunctuation(word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/^\/+/, ""));
}
