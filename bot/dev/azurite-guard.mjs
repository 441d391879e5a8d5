// Runs Azurite and dies with its parent: when our stdin closes (the parent exited, even by SIGKILL),
// Azurite is stopped too, so no orphan survives.
import { spawn } from "node:child_process";

const [azuriteJs, ...args] = process.argv.slice(2);
const child = spawn(process.execPath, [azuriteJs, ...args], { stdio: ["ignore", "inherit", "inherit"] });
const stop = () => {
  if (child.exitCode === null) child.kill("SIGTERM");
};
process.stdin.on("end", stop);
process.stdin.on("error", stop);
process.stdin.resume();
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(sig, stop);
child.on("exit", (code) => process.exit(code ?? 0));
