import type { Storage } from "../storage/connection";
import { AuditRepository } from "./audit";
import { CampaignRepository } from "./campaigns";
import { ChangeLogRepository } from "./changes";
import { ContactRepository } from "./contacts";
import { ConversationRefRepository } from "./conversation-refs";
import { DossierRepository } from "./dossiers";
import { EarlyArrivalRepository } from "./early-arrivals";
import { FirmSettingsRepository } from "./firm-settings";
import { ImportNoticeRepository } from "./import-notices";
import { InvitationStateRepository } from "./invitation-state";
import { LinkRepository } from "./links";
import { RateSlotRepository } from "./rate-slots";
import { RoleRepository } from "./roles";
import { SubscriptionRepository } from "./subscriptions";
import { TABLES } from "./tables";

/** A stored document with the ETag it was read at (services pass it back to update under If-Match). */
export type { Versioned } from "../storage/document";
export type { Change } from "./changes";

/** One repository per aggregate; the key design of each table is in docs/ARCHITECTURE.md. */
export interface Repos {
  firms: FirmSettingsRepository;
  dossiers: DossierRepository;
  roles: RoleRepository;
  contacts: ContactRepository;
  links: LinkRepository;
  subscriptions: SubscriptionRepository;
  audit: AuditRepository;
  /** The invitation pipeline's per-subscription state and lease. */
  invitations: InvitationStateRepository;
  /** The bot's conversation references, for proactive cards. */
  conversations: ConversationRefRepository;
  /** The firms' change logs, which keep every instance's read models fresh. */
  changes: ChangeLogRepository;
  /** Pacing histories shared by all instances (Graph, Exchange and Teams limits). */
  rateSlots: RateSlotRepository;
  /** Who was told of each FEC import, and the contacts who turned those cards off. */
  importNotices: ImportNoticeRepository;
  /** Clients who came before their dossier's space was open (the firm is told once). */
  earlyArrivals: EarlyArrivalRepository;
  /** Bulk proposals: campaigns and their items. */
  campaigns: CampaignRepository;
}

export function createRepos(storage: Storage): Repos {
  return {
    firms: new FirmSettingsRepository(storage.table(TABLES.firms)),
    dossiers: new DossierRepository(storage.table(TABLES.dossiers)),
    roles: new RoleRepository(storage.table(TABLES.roles)),
    contacts: new ContactRepository(storage.table(TABLES.contacts)),
    links: new LinkRepository(storage.table(TABLES.links)),
    subscriptions: new SubscriptionRepository(storage.table(TABLES.subscriptions)),
    audit: new AuditRepository(storage.table(TABLES.audit)),
    invitations: new InvitationStateRepository(storage.table(TABLES.invitations)),
    conversations: new ConversationRefRepository(storage.table(TABLES.conversationRefs)),
    changes: new ChangeLogRepository(storage.table(TABLES.changes)),
    rateSlots: new RateSlotRepository(storage.table(TABLES.rateSlots)),
    importNotices: new ImportNoticeRepository(storage.table(TABLES.importNotices)),
    earlyArrivals: new EarlyArrivalRepository(storage.table(TABLES.earlyArrivals)),
    campaigns: new CampaignRepository(storage.table(TABLES.campaigns)),
  };
}
