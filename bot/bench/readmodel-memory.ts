// `npm run bench:readmodel-memory`: the heap the in-memory read models of one large firm take (50,000
// dossiers with one live service each, 150,000 contacts), measured after forced collections.
import { randomUUID } from "node:crypto";
import { createContact, createDossier, type Contact, type Dossier } from "@comptoir/shared";
import { ContactDirectory } from "../src/core/readmodels/contact-directory";
import { Portfolio } from "../src/core/readmodels/portfolio";
import { generateDemoContacts, generateDemoDossiers } from "../dev/seed/generate";

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 50_000);
const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 150_000);
/** What is measured stays reachable from here until the end. */
const keep: unknown[] = [];

async function heapMb(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("Run with node --expose-gc (the npm script does)");
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 10));
  }
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

async function main(): Promise<void> {
  const now = new Date();
  const roleIds = [randomUUID(), randomUUID(), randomUUID()];
  // Stored as JSON, and parsed on the way in as a load from the tables does: the projections own what they keep.
  const dossiers = generateDemoDossiers(DOSSIERS, 11).map((d) =>
    JSON.stringify(createDossier(d, { id: randomUUID(), now })),
  );
  const contacts = generateDemoContacts(CONTACTS, 11, roleIds).map((c) =>
    JSON.stringify(createContact(c, { id: randomUUID(), now, roleIds, existing: [] })),
  );
  keep.push(dossiers, contacts);

  const base = await heapMb();
  const portfolio = new Portfolio();
  keep.push(portfolio);
  dossiers.forEach((json) => {
    const dossier = JSON.parse(json) as Dossier;
    portfolio.putDossier(dossier);
    portfolio.putSubscription({ id: randomUUID(), dossierId: dossier.id, status: "active" });
  });
  portfolio.page({ sort: "name", dir: "asc", offer: "all", limit: 50 }); // builds one sorted order
  const afterPortfolio = await heapMb();

  const directory = new ContactDirectory();
  keep.push(directory);
  for (const json of contacts) directory.put(JSON.parse(json) as Contact);
  directory.page({ limit: 50 });
  const afterContacts = await heapMb();

  const portfolioMb = afterPortfolio - base;
  const contactsMb = afterContacts - afterPortfolio;
  console.log(`portfolio: ${DOSSIERS} dossiers, ${portfolioMb.toFixed(1)} MB`);
  console.log(`contacts: ${CONTACTS} contacts, ${contactsMb.toFixed(1)} MB`);
  console.log(
    `RESULT portfolio_mb=${portfolioMb.toFixed(1)} contacts_mb=${contactsMb.toFixed(1)} total_mb=${(portfolioMb + contactsMb).toFixed(1)}`,
  );
  console.log(keep.length > 0 ? "" : "nothing kept");
}

void main();
