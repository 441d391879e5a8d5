import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { TokenVerifier } from "../../auth/verify";
import { passGate } from "./gate";
import type { BodySink, StreamResponse, StreamRoute } from "./route";

/** Serves a stream route: the gate, then the handler with the unread request and a streaming response. */
export function streamHandler(route: StreamRoute, verify: TokenVerifier): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    serve(route, req, res, verify).catch((e: unknown) => {
      // The caller hung up (an upload cut short): nobody is left to answer.
      if (req.destroyed && !req.complete && !res.headersSent) return void res.destroy();
      // Once bytes are out the status is sent: the only honest signal left is a cut connection.
      if (res.headersSent) res.destroy(e instanceof Error ? e : undefined);
      else next(e);
    });
  };
}

async function serve(route: StreamRoute, req: Request, res: Response, verify: TokenVerifier): Promise<void> {
  const gate = await passGate(route, req, verify);
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("Content-Language", gate.locale);
  const header = req.headers["content-length"];
  const declared = header ? Number(header) : null;
  // A body announced over the limit will be refused unread: no point keeping the connection for it.
  if (route.request && declared !== null && declared > route.request.maxBytes()) res.setHeader("Connection", "close");
  await route.handler({
    ...gate,
    request: { body: req, declaredBytes: Number.isFinite(declared) ? declared : null },
    response: streamResponse(req, res),
  });
}

function streamResponse(req: Request, res: Response): StreamResponse {
  return {
    json(status, body) {
      // Reading stopped early (over the limit, not a text file…): do not wait for the rest.
      if (!req.complete) res.setHeader("Connection", "close");
      res.status(status).json(body);
    },
    attachment(contentType, fileName) {
      res.status(200);
      res.setHeader("Content-Type", contentType);
      res.setHeader(
        "Content-Disposition",
        `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      );
      return responseSink(res);
    },
    end() {
      res.end();
    },
  };
}

/** Writes to the response, waiting for "drain" so a slow client holds the stream back, not memory. */
function responseSink(res: Response): BodySink {
  return async (chunk) => {
    if (res.destroyed || res.writableEnded) throw new Error("Client went away");
    if (res.write(chunk)) return;
    await new Promise<void>((resolve, reject) => {
      const done = (error?: Error) => {
        res.off("drain", onDrain);
        res.off("close", onClose);
        if (error) reject(error);
        else resolve();
      };
      const onDrain = () => done();
      const onClose = () => done(new Error("Client went away"));
      res.on("drain", onDrain);
      res.on("close", onClose);
    });
  };
}
