// `npm run bench:invite`: proposes services to 1,000 contacts while the local Graph server enforces Microsoft's
// documented limit on /invitations (150 requests per 5 s per tenant), and times the invitation stage against
// the throttle's theoretical minimum. E-mails then drain at their own pace and are not timed.
import { propose } from "../src/core/services/subscriptions";
import {
  boundGuests,
  duplicateInvitations,
  graphStats,
  INVITATION_LIMIT,
  INVITATION_WINDOW_S,
  INVITE_TENANT,
  resetGraphStats,
  setUpLinkedContacts,
  startInviteBenchServer,
  throttleMinimumSeconds,
} from "./lib/invite-firm";

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 1000);
const PROPOSAL_CONCURRENCY = 20;

async function main(): Promise<void> {
  const server = await startInviteBenchServer("invite-bench");
  try {
    const { app } = server;
    const { deps } = app;
    const ctx = { tenantId: INVITE_TENANT, actor: { oid: "bench", name: "Benchmark" }, now: new Date() };
    await setUpLinkedContacts(deps, CONTACTS);
    console.log(`Set up ${CONTACTS} contacts, each linked to a dossier with the offer active.`);

    const graphUrl = app.wiring.localGraphUrl;
    await resetGraphStats(graphUrl);
    const started = Date.now();
    // Staff propose through the API a few at a time (the tab sends one request per proposal), not 1,000 at once.
    let next = 0;
    await Promise.all(
      Array.from({ length: PROPOSAL_CONCURRENCY }, async () => {
        for (let i = next++; i < CONTACTS; i = next++) {
          await propose(deps, { ...ctx, now: new Date() }, `bench-c-${i}`, `bench-d-${i}`, "consultation");
        }
      }),
    );
    const proposedMs = Date.now() - started;

    // The invitation stage is over once Graph holds an invitation per contact; each contact's guest binding is checked after.
    const invitationsDone = async () => Object.keys((await graphStats(graphUrl)).invitationsByEmail).length;
    const deadline = started + 10 * 60_000;
    while (Date.now() < deadline && (await invitationsDone()) < CONTACTS) await new Promise((r) => setTimeout(r, 200));
    const elapsed = (Date.now() - started) / 1000;
    const invited = await boundGuests(deps, CONTACTS);
    const stats = await graphStats(graphUrl);
    const duplicates = duplicateInvitations(stats);
    const lost = CONTACTS - invited;
    const minimum = throttleMinimumSeconds(CONTACTS);
    const throttled = stats.requests["POST /v1.0/invitations"]?.["429"] ?? 0;

    console.log(`Proposals stored in ${(proposedMs / 1000).toFixed(1)} s`);
    console.log(
      `Invitation stage: ${elapsed.toFixed(1)} s for ${invited}/${CONTACTS} guests; throttle minimum ${minimum} s (${INVITATION_LIMIT} per ${INVITATION_WINDOW_S} s)`,
    );
    console.log(
      `429 answers from the throttle: ${throttled}; duplicate invitations: ${duplicates}; lost proposals: ${lost}`,
    );
    console.log(`RESULT time_vs_min=${(elapsed / minimum).toFixed(2)} duplicates=${duplicates} lost=${lost}`);
  } finally {
    await server.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
