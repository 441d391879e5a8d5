import type { TableClient } from "@azure/data-tables";
import { normalizeRoleLabel, organisationalRoleSchema, type OrganisationalRole } from "@comptoir/shared";
import { commit, create, deleteUnderEtag, remove, replace } from "../storage/batch";
import { toDocument, type Versioned } from "../storage/document";
import { firmPartition, key } from "../storage/keys";
import { collect, getDocument, listDocuments } from "../storage/reads";

/**
 * Table `roles`, one partition per firm:
 * - `r|<id>`: the role document;
 * - `label|<normalised label>`: the label's uniqueness row (case-insensitive), same transaction.
 */
export class RoleRepository {
  constructor(private readonly table: TableClient) {}

  private row(tenantId: string, role: OrganisationalRole) {
    return toDocument(firmPartition(tenantId), key("r", role.id), role);
  }

  private labelRow(tenantId: string, role: OrganisationalRole) {
    return {
      partitionKey: firmPartition(tenantId),
      rowKey: key("label", normalizeRoleLabel(role.label)),
      roleId: role.id,
    };
  }

  get(tenantId: string, id: string): Promise<Versioned<OrganisationalRole> | null> {
    return getDocument(this.table, organisationalRoleSchema, firmPartition(tenantId), key("r", id));
  }

  list(tenantId: string): Promise<Versioned<OrganisationalRole>[]> {
    return collect(listDocuments(this.table, organisationalRoleSchema, firmPartition(tenantId), key("r") + "|"));
  }

  async create(tenantId: string, role: OrganisationalRole): Promise<string> {
    const [etag = ""] = await commit(
      this.table,
      [create(this.row(tenantId, role)), create(this.labelRow(tenantId, role))],
      "ROLE_LABEL_TAKEN",
    );
    return etag;
  }

  async update(tenantId: string, before: OrganisationalRole, after: OrganisationalRole, etag: string): Promise<string> {
    const moved = normalizeRoleLabel(before.label) !== normalizeRoleLabel(after.label);
    const [newEtag = ""] = await commit(
      this.table,
      [
        replace(this.row(tenantId, after), etag),
        ...(moved ? [create(this.labelRow(tenantId, after)), remove(this.labelRow(tenantId, before))] : []),
      ],
      "ROLE_LABEL_TAKEN",
    );
    return newEtag;
  }

  delete(tenantId: string, role: OrganisationalRole, etag: string): Promise<void> {
    return deleteUnderEtag(this.table, firmPartition(tenantId), key("r", role.id), etag, [
      remove(this.labelRow(tenantId, role)),
    ]);
  }
}
