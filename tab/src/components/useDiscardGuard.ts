import { useState } from "react";

/**
 * Actions that would drop unsaved changes wait for the person's agreement: `guard` runs the action at
 * once when nothing is dirty, otherwise keeps it until `confirm` (or forgets it on `cancel`).
 */
export function useDiscardGuard(dirty: boolean) {
  const [pending, setPending] = useState<(() => void) | null>(null);

  function guard(action: () => void) {
    if (dirty) setPending(() => action);
    else action();
  }

  function confirm() {
    const action = pending;
    setPending(null);
    action?.();
  }

  return { guard, asking: pending !== null, confirm, cancel: () => setPending(null) };
}
