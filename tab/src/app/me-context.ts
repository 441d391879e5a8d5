import { createContext, useContext } from "react";
import type { MeResponse } from "@comptoir/shared";

export const MeContext = createContext<MeResponse | null>(null);

/** The signed-in person; only available below the shell, once `/api/v1/me` answered. */
export function useCurrentUser(): MeResponse {
  const me = useContext(MeContext);
  if (!me) throw new Error("useCurrentUser must be used inside the signed-in shell");
  return me;
}
