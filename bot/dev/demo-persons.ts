import { z } from "zod";
import { appRoleSchema } from "@comptoir/shared";

/** A person the local sign-in page can sign in as; the claims mirror what Entra would issue. */
export const demoPersonSchema = z.object({
  oid: z.uuid(),
  name: z.string(),
  username: z.string(),
  roles: z.array(appRoleSchema),
  /** What the directory says (Graph's `userType`): the firm's own people are members, clients its guests. */
  userType: z.enum(["Member", "Guest"]),
  /** Shown on the sign-in page. */
  description: z.string(),
});
export type DemoPerson = z.infer<typeof demoPersonSchema>;

export const DEMO_ADMIN: DemoPerson = {
  oid: "0f4a7c1e-2b3d-4e5f-8a9b-0c1d2e3f4a51",
  name: "Aurélie Dubois",
  username: "aurelie.dubois@cabinet-demo.fr",
  roles: ["Firm.Admin", "Firm.Staff"],
  userType: "Member",
  description: "Associée, administratrice du cabinet",
};

export const DEMO_STAFF: DemoPerson = {
  oid: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c52",
  name: "Camille Martin",
  username: "camille.martin@cabinet-demo.fr",
  roles: ["Firm.Staff"],
  userType: "Member",
  description: "Collaboratrice comptable",
};

export const DEMO_CLIENT: DemoPerson = {
  oid: "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d53",
  name: "Client Collaboratif",
  username: "client.collaboratif@exemple.fr",
  roles: [],
  userType: "Guest",
  description: "Client invité (dirigeant de RPTEST2)",
};

export const DEMO_PERSONS: readonly DemoPerson[] = [DEMO_ADMIN, DEMO_STAFF, DEMO_CLIENT];
