/** Every table the backend uses; created at start-up. The key design of each is in docs/ARCHITECTURE.md. */
export const TABLES = {
  firms: "firms",
  dossiers: "dossiers",
  roles: "roles",
  contacts: "contacts",
  links: "links",
  subscriptions: "subscriptions",
  audit: "audit",
  invitations: "invitations",
  conversationRefs: "conversationRefs",
  changes: "changes",
  rateSlots: "rateSlots",
  importNotices: "importNotices",
  earlyArrivals: "earlyArrivals",
  campaigns: "campaigns",
} as const;

export const ALL_TABLES = Object.values(TABLES);
