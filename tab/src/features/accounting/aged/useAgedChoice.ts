import { useState } from "react";
import type { AgedAccountChoice, AgedParams } from "./useAgedBalance";

/**
 * Clients or suppliers, and the reference date, for one exercice: another exercice starts again from
 * its default date (the server's: today within the exercice, otherwise its end). The class is kept.
 */
export function useAgedChoice(exercice: string) {
  const [account, setAccount] = useState<AgedAccountChoice>("411");
  const [dated, setDated] = useState<{ exercice: string; date: string }>({ exercice, date: "" });
  const date = dated.exercice === exercice ? dated.date : "";
  const params: AgedParams = { exercice, account, ...(date ? { date } : {}) };
  return { account, setAccount, date, setDate: (next: string) => setDated({ exercice, date: next }), params };
}

export type AgedChoice = ReturnType<typeof useAgedChoice>;
