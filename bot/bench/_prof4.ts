import { readFileSync } from "node:fs";
import { createFecParser } from "@comptoir/shared/accounting/index";
const file = readFileSync("/tmp/comptoir-bench-fec-1000000.txt");
const chunks: Uint8Array[] = [];
for (let o = 0; o < file.length; o += 1 << 20) chunks.push(file.subarray(o, Math.min(file.length, o + (1 << 20))));
let best = Infinity;
for (let r = 0; r < Number(process.env.RUNS ?? 10); r++) {
  const totals = new Map<string, number>();
  const t = performance.now();
  const p = createFecParser({ textFields: ["compteNum"], onBatch: (b) => { for (const e of b) totals.set(e.compteNum, (totals.get(e.compteNum) ?? 0) + e.debitCents - e.creditCents); } });
  for (const c of chunks) p.push(c);
  const rep = p.end().report;
  if (!rep.ok) throw new Error("bad");
  best = Math.min(best, performance.now() - t);
}
console.log("best in-memory", best.toFixed(0), "ms");
