import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { QueryClientProvider } from "@tanstack/react-query";
import { App } from "./app/App";
import { createQueryClient } from "./app/query-client";
import { consumeLocalRedirect } from "./auth/local-session";

// Before anything reads the hash: a local sign-in response lives there, not a route.
const redirectOutcome = consumeLocalRedirect(window, window.sessionStorage, Date.now());

const container = document.getElementById("root");
if (!container) throw new Error("#root is missing from index.html");

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={createQueryClient()}>
      <App redirectOutcome={redirectOutcome} />
    </QueryClientProvider>
  </StrictMode>,
);
