/** Lower-case, accents and extra spaces removed: "Boulangerie Lefèvre" and "lefevre" meet. */
export function searchable(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

/** A query's words, folded like `searchable`; digits split by spaces (a SIREN typed "904 128 733") stay one word. */
export function searchWords(query: string): string[] {
  const folded = searchable(query);
  if (/^[\d ]+$/.test(folded)) return [folded.replace(/ /g, "")].filter(Boolean);
  return folded.split(" ").filter(Boolean);
}
