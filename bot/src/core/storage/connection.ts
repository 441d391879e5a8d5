import { TableClient, TableServiceClient } from "@azure/data-tables";
import { TABLE_RETRY_OPTIONS } from "../../lib/storage-faults";

export interface Storage {
  connectionString: string;
  table(name: string): TableClient;
  /** Creates every table the app uses; safe to call on each start. */
  ensureTables(names: readonly string[]): Promise<void>;
}

/** Bounded retries (see TABLE_RETRY_OPTIONS); Azurite speaks plain HTTP, real Azure Storage is HTTPS. */
export function tableClientOptions(connectionString: string) {
  return {
    allowInsecureConnection: /TableEndpoint=http:\/\//i.test(connectionString),
    retryOptions: TABLE_RETRY_OPTIONS,
  };
}

export function createStorage(connectionString: string, tablePrefix = ""): Storage {
  const clients = new Map<string, TableClient>();
  const table = (name: string) => {
    const full = `${tablePrefix}${name}`;
    let client = clients.get(full);
    if (!client) {
      client = TableClient.fromConnectionString(connectionString, full, tableClientOptions(connectionString));
      clients.set(full, client);
    }
    return client;
  };
  return {
    connectionString,
    table,
    async ensureTables(names) {
      const service = TableServiceClient.fromConnectionString(connectionString, tableClientOptions(connectionString));
      await Promise.all(names.map((n) => service.createTable(`${tablePrefix}${n}`)));
    },
  };
}
