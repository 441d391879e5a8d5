// What the rest of the backend uses of the Graph client; tests import the modules directly.
export { createGraphAdapter, type GraphAdapter } from "./adapter";
export { graphPersonDirectory, type PersonDirectory } from "./directory";
export { isTransient } from "./errors";
export { createGraphTokenProvider, createLocalGraphTokenProvider } from "./token";
export { createDriveClient, type DriveClient } from "./drive";
export { createGraphHttp } from "./http";
