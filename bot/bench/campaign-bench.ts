// `npm run bench:campaign`: one campaign proposes the consultation service to 1,000 contacts through the API while
// the local Graph server enforces Microsoft's limit on /invitations (150 per 5 s), as bench:invite. Times the
// campaign (POST /campaigns until it is done) against the throttle's minimum, counts duplicate invitations and
// lost contacts, and polls GET /campaigns/:id each second as the tab does: how many reads showed a change, and the
// longest wait between two changes (goal: at least one every 5 s).
import { campaignViewSchema, type CampaignView } from "@comptoir/shared/api/campaigns";
import { DEMO_STAFF } from "../dev/demo-persons";
import {
  boundGuests,
  duplicateInvitations,
  graphStats,
  INVITATION_LIMIT,
  INVITATION_WINDOW_S,
  resetGraphStats,
  setUpLinkedContacts,
  startInviteBenchServer,
  throttleMinimumSeconds,
} from "./lib/invite-firm";

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 1000);
const POLL_MS = 1000;
const DEADLINE_MS = 10 * 60_000;

async function main(): Promise<void> {
  const server = await startInviteBenchServer("campaign-bench");
  try {
    const { app } = server;
    await setUpLinkedContacts(app.deps, CONTACTS);
    console.log(`Set up ${CONTACTS} contacts, each linked to a dossier with the offer active.`);
    const token = await app.wiring.issuer.issue(DEMO_STAFF);
    const api = async (method: string, path: string, body?: unknown): Promise<CampaignView> => {
      const send = () =>
        fetch(`${app.url}/api/v1${path}`, {
          method,
          headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      // A keep-alive connection the server closed as the request left is retried once (GETs only: a POST is not).
      const res = await send().catch((e: unknown) => {
        if (method !== "GET") throw e;
        return send();
      });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return campaignViewSchema.parse(await res.json());
    };
    const graphUrl = app.wiring.localGraphUrl;
    await resetGraphStats(graphUrl);

    const started = Date.now();
    const contactIds = Array.from({ length: CONTACTS }, (_, i) => `bench-c-${i}`);
    let view = await api("POST", "/campaigns", { kind: "contacts", serviceId: "consultation", contactIds });
    const accepted = Date.now() - started;
    let reads = 0;
    let updates = 0;
    let lastChange = Date.now();
    let longestGap = 0;
    const progress = (v: CampaignView) => `${v.done}/${v.failed}/${v.pending}/${v.status}`;
    while (view.status === "running" && Date.now() - started < DEADLINE_MS) {
      await new Promise((r) => setTimeout(r, POLL_MS));
      const next = await api("GET", `/campaigns/${view.id}`);
      reads++;
      if (progress(next) !== progress(view)) {
        updates++;
        longestGap = Math.max(longestGap, Date.now() - lastChange);
        lastChange = Date.now();
        console.log(
          `  ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s: ${next.done} done, ${next.failed} failed, ${next.pending} pending, about ${next.estimatedSecondsLeft ?? "-"} s left`,
        );
      }
      view = next;
    }
    // The campaign's own end (recorded by the instance that finished it), not the next poll's.
    const elapsed = ((view.endedAt ? Date.parse(view.endedAt) : Date.now()) - started) / 1000;
    const bound = await boundGuests(app.deps, CONTACTS);
    const stats = await graphStats(graphUrl);
    const duplicates = duplicateInvitations(stats);
    const lost = CONTACTS - Math.min(bound, view.done);
    const minimum = throttleMinimumSeconds(CONTACTS);
    const throttled = stats.requests["POST /v1.0/invitations"]?.["429"] ?? 0;

    console.log(`POST /campaigns answered in ${(accepted / 1000).toFixed(1)} s; status ${view.status}`);
    console.log(
      `Campaign: ${elapsed.toFixed(1)} s for ${view.done} done, ${view.failed} failed, ${bound}/${CONTACTS} guests bound; throttle minimum ${minimum} s (${INVITATION_LIMIT} per ${INVITATION_WINDOW_S} s)`,
    );
    console.log(
      `Progress: ${updates} of ${reads} reads showed a change; longest gap between changes ${(longestGap / 1000).toFixed(1)} s`,
    );
    console.log(`429 answers from the throttle: ${throttled}; duplicate invitations: ${duplicates}; lost: ${lost}`);
    console.log(
      `RESULT time_vs_min=${(elapsed / minimum).toFixed(2)} duplicates=${duplicates} lost=${lost} progress_updates=${updates} longest_gap_s=${(longestGap / 1000).toFixed(1)}`,
    );
  } finally {
    await server.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
