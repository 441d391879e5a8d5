import { meResponseSchema } from "@comptoir/shared";
import { defineRoute } from "../http/route";

export const meRoutes = [
  defineRoute({
    method: "get",
    path: "/me",
    allow: ["client", "staff", "admin"],
    summary: "The signed-in person: name, roles, staff or client",
    tag: "identity",
    response: meResponseSchema,
    handler: ({ principal }) => Promise.resolve({ body: meResponseSchema.parse(principal) }),
  }),
];
