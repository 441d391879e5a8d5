import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generate } from "selfsigned";

export interface StandInTls {
  key: string;
  cert: string;
  /** The certificate as a file, for NODE_EXTRA_CA_CERTS: the server under test then trusts the stand-ins. */
  caFile: string;
}

/**
 * A self-signed certificate for 127.0.0.1 and localhost. Microsoft's endpoints are HTTPS and the clients
 * (MSAL above all) refuse anything else, so the stand-ins speak HTTPS too; the server under test trusts this
 * certificate through NODE_EXTRA_CA_CERTS, as it would trust a corporate CA.
 */
export async function standInTls(): Promise<StandInTls> {
  const pems = await generate([{ name: "commonName", value: "localhost" }], {
    keySize: 2048,
    algorithm: "sha256",
    notAfterDate: new Date(Date.now() + 2 * 24 * 3600_000),
    extensions: [
      { name: "basicConstraints", cA: true },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true, keyCertSign: true },
      { name: "extKeyUsage", serverAuth: true },
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
        ],
      },
    ],
  });
  const caFile = join(mkdtempSync(join(tmpdir(), "comptoir-tls-")), "stand-ins.pem");
  writeFileSync(caFile, pems.cert);
  return { key: pems.private, cert: pems.cert, caFile };
}
