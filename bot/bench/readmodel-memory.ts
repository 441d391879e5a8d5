// `npm run bench:readmodel-memory`: the heap the in-memory read models take for one large firm
// (50,000 dossiers with one live service each, 150,000 contacts), measured after a forced GC.
import { createContact, createDossier, type ServiceSubscription } from "@comptoir/shared";
import { ContactDirectory } from "../src/core/readmodels/contact-directory";
import { Portfolio } from "../src/core/readmodels/portfolio";
import { generateDemoContacts, generateDemoDossiers } from "../dev/seed/generate";

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 50_000);
const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 150_000);

function heapMb(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("Run with node --expose-gc (the npm script does)");
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

function main(): void {
  const now = new Date();
  const roleIds = ["r1", "r2", "r3"];
  // Inputs are built first and kept alive, so that only the projections are counted.
  const dossiers = generateDemoDossiers(DOSSIERS, 11).map((d, i) => createDossier(d, { id: `d-${i}`, now }));
  const contacts = generateDemoContacts(CONTACTS, 11, roleIds).map((c, i) =>
    createContact(c, { id: `c-${i}`, now, roleIds, existing: [] }),
  );
  const subs = dossiers.map((d, i): Pick<ServiceSubscription, "id" | "dossierId" | "status"> => ({
    id: `s-${i}`,
    dossierId: d.id,
    status: "active",
  }));

  const base = heapMb();
  const portfolio = new Portfolio();
  for (const d of dossiers) portfolio.putDossier(d);
  for (const s of subs) portfolio.putSubscription(s);
  portfolio.page({ sort: "name", dir: "asc", offer: "all", limit: 50 }); // builds one sorted order
  const afterPortfolio = heapMb();
  const directory = new ContactDirectory();
  for (const c of contacts) directory.put(c);
  directory.page({ limit: 50 });
  const afterContacts = heapMb();

  const portfolioMb = afterPortfolio - base;
  const contactsMb = afterContacts - afterPortfolio;
  console.log(`portfolio: ${DOSSIERS} dossiers, ${portfolioMb.toFixed(1)} MB`);
  console.log(`contacts: ${CONTACTS} contacts, ${contactsMb.toFixed(1)} MB`);
  console.log(
    `RESULT portfolio_mb=${portfolioMb.toFixed(1)} contacts_mb=${contactsMb.toFixed(1)} total_mb=${(portfolioMb + contactsMb).toFixed(1)}`,
  );
  // Keeps everything reachable until measured.
  if (portfolio.size + dossiers.length + contacts.length < 0) console.log("unreachable");
}

main();
