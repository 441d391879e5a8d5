/**
 * FEC parsing benchmark: the same per-account totals computed by a raw baseline, papaparse, csv-parse
 * and Comptoir's validating parser, with throughput, ratios and peak RSS.
 *
 *   tsx bot/bench/fec-parse.ts [file]   (default: a 1,000,000-line FEC generated in os.tmpdir())
 *
 * Steps run on a 50,000-line FEC first (JIT warm-up), then 3 times each on the big file (median).
 *
 * The end-to-end import (step d) plugs in as an extra step returning the same per-account totals,
 * which are then checked against the others:
 *
 *   await benchParse(file, { extraSteps: [{ name: "import", run: async (f) => importAndSumPerAccount(f) }] });
 *
 * `streamFecFile(file, onEntries, options)` is the streaming read an import builds on.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import Papa from "papaparse";
import { parse as csvParse } from "csv-parse";
import {
  createFecParser,
  type FecEntry,
  type FecParserOptions,
  type FecReport,
} from "@comptoir/shared/accounting/index";
import { generateFecFile } from "./fec-generate";

/** Debit and credit in cents per CompteNum. */
export type AccountTotals = Map<string, { debit: number; credit: number }>;

export type BenchStep = {
  name: string;
  /** Timed runs (median kept); defaults to the benchmark's `repeat`. */
  repeat?: number;
  /** Reads `file` and returns per-account totals to check against the others (or nothing to skip the check). */
  run(file: string): Promise<AccountTotals | undefined>;
};

export type StepResult = {
  name: string;
  seconds: number;
  mbPerSecond: number;
  peakRssMb: number;
  accounts: number | null;
  totalsMatch: boolean | null;
};

export type BenchReport = { file: string; bytes: number; steps: StepResult[]; ratioVsPapaparse: number | null };

const CHUNK = 1 << 20;
/** Required speed-up of the validating parser over papaparse on the same file. */
export const TARGET_RATIO = 2.5;

function addTotal(totals: AccountTotals, compte: string, debit: number, credit: number): void {
  const t = totals.get(compte);
  if (t) {
    t.debit += debit;
    t.credit += credit;
  } else totals.set(compte, { debit, credit });
}

/** What a typical CSV-library user writes: decimal comma → float → cents. */
function cents(text: string | undefined): number {
  if (!text) return 0;
  return Math.round(Number.parseFloat(text.replace(",", ".")) * 100);
}

/** Streams a FEC file through Comptoir's parser; `onEntries` receives every batch. This is the entry point for an import. */
export async function streamFecFile(
  file: string,
  onEntries: (entries: FecEntry[]) => void,
  options: FecParserOptions = {},
): Promise<FecReport> {
  const parser = createFecParser({ ...options, onBatch: onEntries });
  for await (const chunk of createReadStream(file, { highWaterMark: CHUNK })) {
    parser.push(chunk as Buffer);
    if (parser.stopped) break;
  }
  return parser.end().report;
}

export const baselineStep: BenchStep = {
  name: "raw read + line split",
  async run(file) {
    let lines = 0;
    for await (const chunk of createReadStream(file, { highWaterMark: CHUNK })) {
      const buf = chunk as Buffer;
      let i = buf.indexOf(10);
      while (i !== -1) {
        lines++;
        i = buf.indexOf(10, i + 1);
      }
    }
    if (lines === 0) throw new Error("empty file");
    return undefined;
  },
};

export const papaparseStep: BenchStep = {
  name: "papaparse",
  run(file) {
    return new Promise((resolve, reject) => {
      const totals: AccountTotals = new Map();
      let header = true;
      Papa.parse<string[]>(createReadStream(file, { encoding: "latin1", highWaterMark: CHUNK }), {
        delimiter: "\t",
        skipEmptyLines: true,
        chunk(results) {
          for (const row of results.data) {
            if (header) {
              header = false;
              continue;
            }
            const compte = row[4];
            if (compte === undefined || row.length < 13) continue;
            addTotal(totals, compte, cents(row[11]), cents(row[12]));
          }
        },
        complete: () => resolve(totals),
        error: (err) => reject(err),
      });
    });
  },
};

export const csvParseStep: BenchStep = {
  name: "csv-parse",
  repeat: 1, // ten times slower than the others: one run tells enough
  async run(file) {
    const totals: AccountTotals = new Map();
    const records = createReadStream(file, { encoding: "latin1", highWaterMark: CHUNK }).pipe(
      csvParse({ delimiter: "\t", quote: false, relax_column_count: true, from_line: 2, skip_empty_lines: true }),
    );
    for await (const row of records as AsyncIterable<string[]>) {
      const compte = row[4];
      if (compte === undefined || row.length < 13) continue;
      addTotal(totals, compte, cents(row[11]), cents(row[12]));
    }
    return totals;
  },
};

function comptoir(name: string, textFields?: FecParserOptions["textFields"]): BenchStep {
  return {
    name,
    async run(file) {
      const totals: AccountTotals = new Map();
      const report = await streamFecFile(
        file,
        (entries) => {
          for (const e of entries) addTotal(totals, e.compteNum, e.debitCents, e.creditCents);
        },
        { textFields },
      );
      if (!report.ok) throw new Error(`FEC rejected: ${JSON.stringify(report.issues.slice(0, 3))}`);
      return totals;
    },
  };
}

/** Full validation, decoding only the text the totals need (CompteNum), as a totals job would. */
export const comptoirStep = comptoir("comptoir parser + validator", ["compteNum"]);
/** Same, with every text field decoded: what an import storing whole entries pays. */
export const comptoirFullStep = comptoir("comptoir, full entries");

function sameTotals(a: AccountTotals, b: AccountTotals): boolean {
  if (a.size !== b.size) return false;
  for (const [compte, t] of a) {
    const u = b.get(compte);
    if (!u || u.debit !== t.debit || u.credit !== t.credit) return false;
  }
  return true;
}

/**
 * Times one step while sampling RSS every 10 ms: the median of `repeat` runs (the machine may be
 * shared, the median shrugs off a busy moment) and the highest RSS seen.
 */
export async function measure(
  step: BenchStep,
  file: string,
  bytes: number,
  repeat = 1,
): Promise<{ result: StepResult; totals?: AccountTotals }> {
  (globalThis as { gc?: () => void }).gc?.();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  try {
    const times: number[] = [];
    let totals: AccountTotals | undefined;
    for (let i = 0; i < Math.max(1, repeat); i++) {
      const started = performance.now();
      totals = await step.run(file);
      times.push((performance.now() - started) / 1000);
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    times.sort((x, y) => x - y);
    const seconds = times[Math.floor(times.length / 2)] ?? 0;
    return {
      totals,
      result: {
        name: step.name,
        seconds,
        mbPerSecond: bytes / 1e6 / seconds,
        peakRssMb: peak / 1e6,
        accounts: totals ? totals.size : null,
        totalsMatch: null,
      },
    };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Times every step on `file`. Each step first runs once on `warmupFile` (a small FEC), so that all
 * of them are measured with their code already optimised by the JIT rather than while it compiles.
 */
export async function benchParse(
  file: string,
  options: { extraSteps?: BenchStep[]; log?: boolean; warmupFile?: string; repeat?: number } = {},
): Promise<BenchReport> {
  const bytes = statSync(file).size;
  const steps = [
    baselineStep,
    papaparseStep,
    csvParseStep,
    comptoirStep,
    comptoirFullStep,
    ...(options.extraSteps ?? []),
  ];
  if (options.warmupFile) for (const step of steps) await step.run(options.warmupFile);
  const results: StepResult[] = [];
  let reference: AccountTotals | undefined;
  for (const step of steps) {
    const { result, totals } = await measure(step, file, bytes, step.repeat ?? options.repeat ?? 3);
    if (totals) {
      if (reference === undefined) reference = totals;
      result.totalsMatch = sameTotals(reference, totals);
    }
    results.push(result);
    if (options.log !== false) {
      console.log(
        `${result.name.padEnd(30)} ${result.seconds.toFixed(2).padStart(6)} s  ${result.mbPerSecond.toFixed(1).padStart(7)} MB/s  peak RSS ${result.peakRssMb.toFixed(0).padStart(5)} MB` +
          (result.totalsMatch === null
            ? ""
            : `  totals ${result.totalsMatch ? "match" : "DIFFER"} (${result.accounts} accounts)`),
      );
    }
  }
  const papa = results.find((r) => r.name === papaparseStep.name);
  const ours = results.find((r) => r.name === comptoirStep.name);
  const ratioVsPapaparse = papa && ours ? papa.seconds / ours.seconds : null;
  if (options.log !== false) {
    for (const r of results) {
      if (papa && r !== papa) console.log(`${r.name}: ${(papa.seconds / r.seconds).toFixed(2)}× papaparse's speed`);
    }
  }
  return { file, bytes, steps: results, ratioVsPapaparse };
}

async function generated(lines: number): Promise<string> {
  const file = join(tmpdir(), `comptoir-bench-fec-${lines}.txt`);
  if (!existsSync(file)) {
    console.log(`Generating ${file}…`);
    await generateFecFile(lines, file);
  }
  return file;
}

async function main(): Promise<void> {
  const file = process.argv[2] ?? (await generated(1_000_000));
  const warmupFile = await generated(50_000);
  console.log(`${file}: ${(statSync(file).size / 1e6).toFixed(1)} MB`);
  const report = await benchParse(file, { warmupFile });
  if (report.ratioVsPapaparse !== null) {
    const met = report.ratioVsPapaparse >= TARGET_RATIO ? "met" : "NOT met";
    console.log(
      `Target: validating parser ≥ ${TARGET_RATIO}× papaparse: ${met} (${report.ratioVsPapaparse.toFixed(2)}×)`,
    );
  }
  if (report.steps.some((s) => s.totalsMatch === false)) {
    console.error("Per-account totals differ between parsers.");
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
