/**
 * Deterministic generator of a realistic FEC for benchmarks and manual tests: journals AN/VE/AC/BQ/OD,
 * balanced multi-line entries, auxiliary client and supplier accounts, lettering of paid invoices,
 * ISO 8859-15 text with accents (é, à, Œ, €…).
 *
 *   tsx bot/bench/fec-generate.ts <lines> <out> [--utf8] [--pipe] [--seed=N] [--year=YYYY]
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { pathToFileURL } from "node:url";
import { encodeLatin9, FEC_COLUMNS, formatFecAmount } from "@comptoir/shared/accounting/index";

export type GenerateOptions = {
  seed?: number;
  /** Calendar exercice year (1 January – 31 December). */
  year?: number;
  separator?: "\t" | "|";
  encoding?: "iso-8859-15" | "utf-8";
};

export type GenerateSummary = { lines: number; bytes: number; ecritures: number; debitCents: number };

/** mulberry32: tiny, fast and reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CLIENT_NAMES = [
  "SARL Dupont Frères",
  "Boulangerie Lefèvre",
  "Société Générale de Bâtiment",
  "Hôtel du Lac",
  "Cœur de Loire Distribution",
  "Garage Müller & Fils",
  "Pâtisserie Ÿvelines",
  "Crèche Les Écureuils",
  "Librairie Œuvres Complètes",
  "Domaine Šafrán",
  "Café de la Poste",
  "Menuiserie Noël",
];
const SUPPLIER_NAMES = [
  "EDF Électricité",
  "Orange Télécom",
  "Fournitures Bürowelt",
  "Transports Žarko",
  "Métro Cash & Carry",
  "Imprimerie Lumière",
  "Assurances Mutuelles Œcuméniques",
  "Cabinet d'expertise Bénard",
];
const SALES_ACCOUNTS = [
  ["706000", "Prestations de services"],
  ["707000", "Ventes de marchandises"],
  ["701000", "Ventes de produits finis"],
] as const;
const EXPENSE_ACCOUNTS = [
  ["607000", "Achats de marchandises"],
  ["606100", "Fournitures non stockables (eau, énergie)"],
  ["606400", "Fournitures administratives"],
  ["613200", "Locations immobilières"],
  ["615000", "Entretien et réparations"],
  ["616000", "Primes d'assurances"],
  ["622600", "Honoraires"],
  ["623000", "Publicité, publications, relations publiques"],
  ["625100", "Voyages et déplacements"],
  ["626000", "Frais postaux et de télécommunications"],
] as const;

type Line = {
  journal: readonly [string, string];
  num: number;
  date: number;
  compte: readonly [string, string];
  aux?: readonly [string, string];
  pieceRef: string;
  pieceDate: number;
  lib: string;
  debit: number;
  credit: number;
  letter?: string;
  dateLet?: number;
};

type EntryHead = Pick<Line, "journal" | "num" | "date" | "pieceRef" | "pieceDate"> & { lib?: string };
type EntryRow = Omit<Line, "journal" | "num" | "date" | "pieceRef" | "pieceDate" | "lib"> & { lib?: string };

const JOURNALS = {
  AN: ["AN", "À-nouveaux"],
  VE: ["VE", "Journal des ventes"],
  AC: ["AC", "Journal des achats"],
  BQ: ["BQ", "Banque Crédit Agricole"],
  OD: ["OD", "Opérations diverses"],
} as const;

function addDays(ymd: number, days: number): number {
  const d = new Date(Date.UTC(Math.floor(ymd / 10000), (Math.floor(ymd / 100) % 100) - 1, ymd % 100));
  d.setUTCDate(d.getUTCDate() + days);
  return d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
}

function letterCode(n: number): string {
  let s = "";
  let x = n;
  do {
    s = String.fromCharCode(65 + (x % 26)) + s;
    x = Math.floor(x / 26) - 1;
  } while (x >= 0);
  return s.padStart(3, "A");
}

/**
 * Writes exactly `lines` data lines (plus the header) to `out`. The writer must accept Uint8Array
 * chunks; backpressure is honoured through its "drain" event.
 */
export async function generateFec(
  lines: number,
  out: NodeJS.WritableStream,
  options: GenerateOptions = {},
): Promise<GenerateSummary> {
  const rand = prng(options.seed ?? 42);
  const year = options.year ?? 2024;
  const sep = options.separator ?? "\t";
  const utf8 = options.encoding === "utf-8";
  const encode = (text: string): Uint8Array => (utf8 ? new TextEncoder().encode(text) : encodeLatin9(text));
  const target = Math.max(2, Math.floor(lines));
  const start = year * 10000 + 101;
  const clients = CLIENT_NAMES.flatMap((name, i) =>
    Array.from(
      { length: 25 },
      (_, k) => [`C${String(i * 25 + k + 1).padStart(5, "0")}`, k === 0 ? name : `${name} ${k + 1}`] as const,
    ),
  );
  const suppliers = SUPPLIER_NAMES.flatMap((name, i) =>
    Array.from(
      { length: 10 },
      (_, k) => [`F${String(i * 10 + k + 1).padStart(5, "0")}`, k === 0 ? name : `${name} ${k + 1}`] as const,
    ),
  );
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const amount = (min: number, max: number): number =>
    Math.round(min + rand() * (max - min)) * 100 + Math.floor(rand() * 100);

  let written = 0;
  let bytes = 0;
  let num = 0;
  let letters = 0;
  let debitTotal = 0;
  let buffer: string[] = [];
  let bufferChars = 0;

  const flush = async (): Promise<void> => {
    if (buffer.length === 0) return;
    const chunk = encode(buffer.join(""));
    buffer = [];
    bufferChars = 0;
    bytes += chunk.length;
    if (!out.write(chunk)) await once(out, "drain");
  };
  const format = (l: Line): string => {
    const fields = [
      l.journal[0],
      l.journal[1],
      String(l.num),
      String(l.date),
      l.compte[0],
      l.compte[1],
      l.aux?.[0] ?? "",
      l.aux?.[1] ?? "",
      l.pieceRef,
      String(l.pieceDate),
      l.lib,
      formatFecAmount(l.debit),
      formatFecAmount(l.credit),
      l.letter ?? "",
      l.dateLet ? String(l.dateLet) : "",
      String(addDays(l.date, 1 + (l.num % 5))),
      "",
      "",
    ];
    return fields.join(sep) + "\r\n";
  };
  /** One écriture: the fields its lines share, then each line's own (a line may override the label). */
  const emit = async (head: EntryHead, rows: EntryRow[]): Promise<void> => {
    for (const row of rows) {
      const l: Line = { ...head, lib: head.lib ?? "", ...row };
      const text = format(l);
      buffer.push(text);
      bufferChars += text.length;
      debitTotal += l.debit;
    }
    written += rows.length;
    if (bufferChars > 1 << 20) await flush();
  };

  buffer.push(FEC_COLUMNS.join(sep) + "\r\n");
  bufferChars += 200;

  // Opening entry (à-nouveaux): balance-sheet accounts only, balanced through the bank.
  const openingAccounts: Array<readonly [string, string, number]> = [
    ["101300", "Capital souscrit - appelé, versé", -5000000],
    ["106800", "Autres réserves", -1234567],
    ["164000", "Emprunts auprès des établissements de crédit", -2500000],
    ["218300", "Matériel de bureau et matériel informatique", 1800000],
    ["281830", "Amortissements du matériel de bureau", -600000],
    ["370000", "Stocks de marchandises", 950000],
    ["530000", "Caisse", 45000],
  ];
  // Room for the opening entry and at least one more (never a single line left over).
  if (target >= openingAccounts.length + 3) {
    num++;
    const bank = -openingAccounts.reduce((n, [, , net]) => n + net, 0);
    const rows: EntryRow[] = [...openingAccounts, ["512000", "Banque Crédit Agricole", bank] as const].map(
      ([compte, lib, net]) => ({
        compte: [compte, lib] as const,
        debit: net > 0 ? net : 0,
        credit: net < 0 ? -net : 0,
      }),
    );
    await emit(
      { journal: JOURNALS.AN, num, date: start, pieceRef: "AN", pieceDate: start, lib: "Reprise des soldes à nouveau" },
      rows,
    );
  }

  type Pending = {
    due: number;
    kind: "client" | "supplier";
    aux: readonly [string, string];
    amount: number;
    ref: string;
    letter: string;
    dateLet: number;
  };
  const pending: Pending[] = [];
  const dayOf = (progress: number): number => addDays(start, Math.min(364, Math.floor(progress * 365)));
  const lag = Math.max(2, Math.floor(target * (30 / 365)));

  while (written < target) {
    const remaining = target - written;
    const reserved = pending.length * 2;
    const date = dayOf(written / target);
    const head = pending[0];
    if (head && (head.due <= written || remaining - reserved < 2)) {
      pending.shift();
      num++;
      const bank = ["512000", "Banque Crédit Agricole"] as const;
      if (head.kind === "client") {
        await emit(
          {
            journal: JOURNALS.BQ,
            num,
            date,
            pieceRef: `REM${num}`,
            pieceDate: date,
            lib: `Règlement ${head.aux[1]} ${head.ref}`,
          },
          [
            { compte: bank, debit: head.amount, credit: 0 },
            {
              compte: ["411000", "Clients"],
              aux: head.aux,
              debit: 0,
              credit: head.amount,
              letter: head.letter,
              dateLet: head.dateLet,
            },
          ],
        );
      } else {
        await emit(
          {
            journal: JOURNALS.BQ,
            num,
            date,
            pieceRef: `VIR${num}`,
            pieceDate: date,
            lib: `Virement ${head.aux[1]} ${head.ref}`,
          },
          [
            {
              compte: ["401000", "Fournisseurs"],
              aux: head.aux,
              debit: head.amount,
              credit: 0,
              letter: head.letter,
              dateLet: head.dateLet,
            },
            { compte: bank, debit: 0, credit: head.amount },
          ],
        );
      }
      continue;
    }
    const free = remaining - reserved;
    // Sizes are chosen so that the file ends exactly on `target` lines (never leaving a single line).
    const fits = (size: number): boolean => size <= free && free - size !== 1;
    // A 3-line invoice plus its 2-line payment later on.
    const canPay = (room: number): boolean => written + lag < target && room - 5 >= 0 && room - 5 !== 1;
    const roll = rand();
    num++;
    const pieceDate = addDays(date, -Math.floor(rand() * 5));
    if (roll < 0.4 && fits(3)) {
      const client = pick(clients);
      const [compte, lib] = pick(SALES_ACCOUNTS);
      const ht = amount(50, 4000);
      const tva = Math.round(ht * 0.2);
      const ref = `FA${year}-${String(num).padStart(6, "0")}`;
      // Paid about 30 days later (and lettered) when the payment still fits in the file.
      const paid = canPay(free);
      const letter = paid ? letterCode(letters++) : undefined;
      const dateLet = paid ? dayOf(Math.min(0.999, (written + lag) / target)) : undefined;
      if (letter && dateLet)
        pending.push({ due: written + lag, kind: "client", aux: client, amount: ht + tva, ref, letter, dateLet });
      await emit({ journal: JOURNALS.VE, num, date, pieceRef: ref, pieceDate, lib: `Facture ${ref} ${client[1]}` }, [
        { compte: ["411000", "Clients"], aux: client, debit: ht + tva, credit: 0, letter, dateLet },
        { compte: [compte, lib], debit: 0, credit: ht },
        { compte: ["445710", "TVA collectée"], debit: 0, credit: tva },
      ]);
    } else if (roll < 0.75 && fits(3)) {
      const supplier = pick(suppliers);
      const [compte, lib] = pick(EXPENSE_ACCOUNTS);
      const ht = amount(20, 2500);
      const tva = Math.round(ht * 0.2);
      const ref = `${supplier[0]}-${num}`;
      const paid = canPay(free);
      const letter = paid ? letterCode(letters++) : undefined;
      const dateLet = paid ? dayOf(Math.min(0.999, (written + lag) / target)) : undefined;
      if (letter && dateLet)
        pending.push({ due: written + lag, kind: "supplier", aux: supplier, amount: ht + tva, ref, letter, dateLet });
      await emit({ journal: JOURNALS.AC, num, date, pieceRef: ref, pieceDate }, [
        { compte: [compte, lib], lib: `${supplier[1]} ${lib} - ${formatFecAmount(ht)} € HT`, debit: ht, credit: 0 },
        {
          compte: ["445660", "TVA déductible sur autres biens et services"],
          lib: `${supplier[1]} TVA`,
          debit: tva,
          credit: 0,
        },
        {
          compte: ["401000", "Fournisseurs"],
          aux: supplier,
          lib: `${supplier[1]} facture ${ref}`,
          debit: 0,
          credit: ht + tva,
          letter,
          dateLet,
        },
      ]);
    } else if (roll < 0.85 && fits(4)) {
      const gross = amount(1800, 4200);
      const social = Math.round(gross * 0.42);
      const employee = Math.round(gross * 0.22);
      const month = Math.floor(date / 100) % 100;
      await emit({ journal: JOURNALS.OD, num, date, pieceRef: `PAIE${month}`, pieceDate }, [
        {
          compte: ["641100", "Salaires, appointements"],
          lib: `Paie du mois ${month} - salaire brut`,
          debit: gross,
          credit: 0,
        },
        {
          compte: ["645100", "Cotisations à l'URSSAF"],
          lib: `Paie du mois ${month} - charges patronales`,
          debit: social,
          credit: 0,
        },
        {
          compte: ["431000", "Sécurité sociale"],
          lib: `Paie du mois ${month} - cotisations`,
          debit: 0,
          credit: social + employee,
        },
        {
          compte: ["421000", "Personnel - rémunérations dues"],
          lib: `Paie du mois ${month} - net à payer`,
          debit: 0,
          credit: gross - employee,
        },
      ]);
    } else if (fits(2)) {
      const fee = amount(1, 60);
      const kind = rand();
      const [compte, lib, text] =
        kind < 0.5
          ? (["627000", "Services bancaires et assimilés", "Frais de tenue de compte"] as const)
          : kind < 0.8
            ? (["421000", "Personnel - rémunérations dues", "Virement des salaires"] as const)
            : ([
                "681120",
                "Dotations aux amortissements des immobilisations corporelles",
                "Dotation mensuelle",
              ] as const);
      const credit: readonly [string, string] =
        compte === "681120" ? ["281830", "Amortissements du matériel de bureau"] : ["512000", "Banque Crédit Agricole"];
      const journal = compte === "681120" ? JOURNALS.OD : JOURNALS.BQ;
      await emit({ journal, num, date, pieceRef: `OP${num}`, pieceDate, lib: `${text} ${date}` }, [
        { compte: [compte, lib], debit: fee, credit: 0 },
        { compte: credit, debit: 0, credit: fee },
      ]);
    } else if (fits(3)) {
      await emit({ journal: JOURNALS.OD, num, date, pieceRef: `OD${num}`, pieceDate, lib: "Honoraires répartis" }, [
        { compte: ["622600", "Honoraires"], debit: 10000, credit: 0 },
        { compte: ["622600", "Honoraires"], debit: 5000, credit: 0 },
        { compte: ["512000", "Banque Crédit Agricole"], debit: 0, credit: 15000 },
      ]);
    } else {
      num--;
      // Only pending payments fit: pull the next one forward.
      const next = pending[0];
      if (next) next.due = written;
      else break;
    }
  }
  await flush();
  return { lines: written, bytes, ecritures: num, debitCents: debitTotal };
}

export async function generateFecFile(
  lines: number,
  path: string,
  options: GenerateOptions = {},
): Promise<GenerateSummary> {
  const out = createWriteStream(path);
  const summary = await generateFec(lines, out, options);
  out.end();
  await once(out, "finish");
  return summary;
}

async function main(): Promise<void> {
  const [linesArg, outArg, ...flags] = process.argv.slice(2);
  const lines = Number(linesArg);
  if (!Number.isInteger(lines) || lines < 2 || !outArg) {
    console.error("Usage: tsx bot/bench/fec-generate.ts <lines> <out> [--utf8] [--pipe] [--seed=N] [--year=YYYY]");
    process.exitCode = 2;
    return;
  }
  const flag = (name: string) => flags.find((f) => f.startsWith(`--${name}=`))?.split("=")[1];
  const started = performance.now();
  const summary = await generateFecFile(lines, outArg, {
    encoding: flags.includes("--utf8") ? "utf-8" : "iso-8859-15",
    separator: flags.includes("--pipe") ? "|" : "\t",
    seed: flag("seed") ? Number(flag("seed")) : undefined,
    year: flag("year") ? Number(flag("year")) : undefined,
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${outArg}: ${summary.lines} lines, ${summary.ecritures} écritures, ${(summary.bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
