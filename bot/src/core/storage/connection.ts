import { TableClient, TableServiceClient } from "@azure/data-tables";

export interface Storage {
  connectionString: string;
  table(name: string): TableClient;
  /** Creates every table the app uses; safe to call on each start. */
  ensureTables(names: readonly string[]): Promise<void>;
}

/** Azurite speaks plain HTTP; real Azure Storage is HTTPS and never needs the flag. */
function clientOptions(connectionString: string) {
  return { allowInsecureConnection: /TableEndpoint=http:\/\//i.test(connectionString) };
}

export function createStorage(connectionString: string, tablePrefix = ""): Storage {
  const clients = new Map<string, TableClient>();
  const table = (name: string) => {
    const full = `${tablePrefix}${name}`;
    let client = clients.get(full);
    if (!client) {
      client = TableClient.fromConnectionString(connectionString, full, clientOptions(connectionString));
      clients.set(full, client);
    }
    return client;
  };
  return {
    connectionString,
    table,
    async ensureTables(names) {
      const service = TableServiceClient.fromConnectionString(connectionString, clientOptions(connectionString));
      await Promise.all(names.map((n) => service.createTable(`${tablePrefix}${n}`)));
    },
  };
}
