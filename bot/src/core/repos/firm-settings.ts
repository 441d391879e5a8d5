import type { TableClient } from "@azure/data-tables";
import { firmSettingsSchema, type FirmSettings } from "@comptoir/shared";
import { commit, create, replace } from "../storage/batch";
import { toDocument, type Versioned } from "../storage/document";
import { firmPartition } from "../storage/keys";
import { getDocument } from "../storage/reads";

/** Table `firms`: PartitionKey = tenant id, RowKey `settings`: the firm's one settings document. */
export class FirmSettingsRepository {
  constructor(private readonly table: TableClient) {}

  private row(tenantId: string, settings: FirmSettings) {
    return toDocument(firmPartition(tenantId), "settings", settings);
  }

  get(tenantId: string): Promise<Versioned<FirmSettings> | null> {
    return getDocument(this.table, firmSettingsSchema, firmPartition(tenantId), "settings");
  }

  async create(tenantId: string, settings: FirmSettings): Promise<string> {
    const [etag = ""] = await commit(this.table, [create(this.row(tenantId, settings))]);
    return etag;
  }

  async update(tenantId: string, settings: FirmSettings, etag: string): Promise<string> {
    const [newEtag = ""] = await commit(this.table, [replace(this.row(tenantId, settings), etag)]);
    return newEtag;
  }
}
