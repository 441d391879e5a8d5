import { buildServer } from "./harness";

/** The teams tests run the bundle App Service runs: built once per run from the current sources. */
export default function setup(): void {
  buildServer();
}
