import { createContext, useContext } from "react";

export interface AuthValue {
  /** False inside Teams, where the host owns the session. */
  canSignOut: boolean;
  signOut: () => void;
}

export const AuthContext = createContext<AuthValue | null>(null);

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error("useAuth must be used inside <AuthProvider>");
  return value;
}
