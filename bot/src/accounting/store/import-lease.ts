import { randomUUID } from "node:crypto";
import type { BlobLeaseClient, ContainerClient } from "@azure/storage-blob";
import { AppError } from "@comptoir/shared";
import { statusOf } from "../../core/storage/errors";

/** Azure's bounds for a lease that expires by itself (Lease Blob: 15 to 60 s, or infinite, which we never take). */
export const IMPORT_LEASE_MIN_SECONDS = 15;
export const IMPORT_LEASE_MAX_SECONDS = 60;
/** Long enough to ride out a storage hiccup between renewals; a dead holder blocks its dossier at most this long. */
export const DEFAULT_IMPORT_LEASE_SECONDS = 30;

/**
 * The lease blob of a dossier's imports, in the accounting container (`<prefix>accounting`, shared by every
 * instance of a deployment): an empty block blob, created on first use, never deleted. Its name sits beside the
 * dossier's exercice folders (`<tenant>/<dossierId>/<exercice>/…`), which are dates and cannot clash with it.
 */
export function importLeaseBlobName(tenantId: string, dossierId: string): string {
  return `${tenantId}/${dossierId}/fec-import.lease`;
}

/** One held lease: renewed in the background until `release`. */
export interface HeldImportLease {
  /**
   * Renews now and resolves if this import still holds the lease; FEC_IMPORT_INTERRUPTED if it was lost (taken,
   * broken, or expired and taken since). Called right before the switch: once renewed, the lease lasts a whole
   * period, far longer than the one write that follows.
   */
  confirm(): Promise<void>;
  /** Stops renewing and frees the dossier at once; best effort (an unreleased lease expires by itself). */
  release(): Promise<void>;
}

/**
 * At most one FEC import per dossier across every instance: each import holds a blob lease on its dossier's
 * lease blob. A second acquire while it is held answers 409 LeaseAlreadyPresent → 503 FEC_IMPORT_BUSY; storage
 * out of reach is left as the SDK's error (503 STORAGE_UNAVAILABLE at the edge), never mistaken for "busy".
 * If the holder's process dies, nobody renews and the lease lapses within `seconds`.
 */
export class ImportLeases {
  constructor(
    private readonly container: ContainerClient,
    readonly seconds: number = DEFAULT_IMPORT_LEASE_SECONDS,
  ) {
    if (!Number.isInteger(seconds) || seconds < IMPORT_LEASE_MIN_SECONDS || seconds > IMPORT_LEASE_MAX_SECONDS)
      throw new RangeError(`An import lease lasts ${IMPORT_LEASE_MIN_SECONDS} to ${IMPORT_LEASE_MAX_SECONDS} s`);
  }

  async acquire(tenantId: string, dossierId: string): Promise<HeldImportLease> {
    const blob = this.container.getBlockBlobClient(importLeaseBlobName(tenantId, dossierId));
    // A fresh id per import: a second acquire with the holder's own id would succeed, even in this process.
    const lease = blob.getBlobLeaseClient(randomUUID());
    try {
      await this.take(lease);
    } catch (e) {
      if (statusOf(e) !== 404) throw e;
      // First import of the dossier: create the blob (a concurrent creator wins the same way), then lease it.
      await blob.upload("", 0, { conditions: { ifNoneMatch: "*" } }).catch((created: unknown) => {
        const status = statusOf(created);
        if (status !== 409 && status !== 412) throw created;
      });
      await this.take(lease);
    }
    return new RenewedLease(lease, this.seconds);
  }

  private async take(lease: BlobLeaseClient): Promise<void> {
    try {
      await lease.acquireLease(this.seconds);
    } catch (e) {
      // Leased by another import (LeaseAlreadyPresent) or a lease being broken: about one period until it is free.
      if (statusOf(e) === 409) throw new AppError("FEC_IMPORT_BUSY", { retryAfter: this.seconds });
      throw e;
    }
  }
}

class RenewedLease implements HeldImportLease {
  private lost = false;
  private released = false;
  private inFlight: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly lease: BlobLeaseClient,
    seconds: number,
  ) {
    // Three renewals per period: two may fail (storage hiccup) before the lease can lapse.
    this.timer = setInterval(
      () => {
        this.inFlight = this.inFlight.then(() => this.renew()).catch(() => undefined);
      },
      (seconds * 1000) / 3,
    );
  }

  async confirm(): Promise<void> {
    await this.inFlight;
    await this.renew();
  }

  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    clearInterval(this.timer);
    await this.inFlight;
    if (!this.lost) await this.lease.releaseLease().catch(() => undefined);
  }

  /** Renewing a lease that expired but was not taken since succeeds: this import was still the only one. */
  private async renew(): Promise<void> {
    if (this.lost) throw new AppError("FEC_IMPORT_INTERRUPTED");
    try {
      await this.lease.renewLease();
    } catch (e) {
      const status = statusOf(e);
      // 409: another lease id holds it, or it was broken; 404: the blob is gone. Anything else is retried.
      if (status === 409 || status === 404) {
        this.lost = true;
        clearInterval(this.timer);
        throw new AppError("FEC_IMPORT_INTERRUPTED");
      }
      throw e;
    }
  }
}
