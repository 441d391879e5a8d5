import { MessageBar, MessageBarBody } from "@fluentui/react-components";

/** A confirmation after a save, announced politely by screen readers. */
export function SuccessBar({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <MessageBar intent="success" politeness="polite">
      <MessageBarBody>{message}</MessageBarBody>
    </MessageBar>
  );
}
