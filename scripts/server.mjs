// @ts-check
// The production server (`npm start`): Next's request handler inside a plain Node HTTP
// server, so that every request leaves one structured log line (method, route, status,
// duration, user id; never a body, query string or cookie) and the app learns the
// client's real address for sign-in rate limiting. A custom server is the one place that
// sees both the request and its finished response.
import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import next from "next";

const port = Number(process.env.PORT ?? 3000);
// Behind a reverse proxy the client address comes from X-Forwarded-For; only trust it
// when told to, or a client could pick its own address and dodge the sign-in limit.
const trustProxy = process.env.RECTIFY_TRUST_PROXY === "1";
const CLIENT_ADDRESS_HEADER = "x-rectify-client-address";

/** @type {AsyncLocalStorage<{ userId?: string }>} */
const requestContext = new AsyncLocalStorage();
/** @type {any} */ (globalThis).rectifyRequestContext = requestContext;

const app = next({ dev: false, dir: process.cwd(), port });
const handle = app.getRequestHandler();

/** Numeric ids become :id so that one route's lines can be counted together. */
function routeOf(/** @type {string} */ path) {
  return path.replace(/\/\d+(?=\/|$|\.)/g, "/:id");
}

function clientAddress(/** @type {import("node:http").IncomingMessage} */ req) {
  const forwarded = req.headers["x-forwarded-for"];
  // The right-most entry is the one our proxy added; entries left of it are the client's word.
  if (trustProxy && typeof forwarded === "string") return forwarded.split(",").at(-1).trim();
  return req.socket.remoteAddress ?? "unknown";
}

await app.prepare();

const server = createServer((req, res) => {
  const started = process.hrtime.bigint();
  const path = (req.url ?? "/").split("?")[0];
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req);
  /** @type {{ userId?: string }} */
  const context = {};
  res.on("close", () => {
    if (path.startsWith("/_next/static/")) return;
    const line = {
      time: new Date().toISOString(),
      msg: "request",
      method: req.method,
      route: routeOf(path),
      path,
      status: res.statusCode,
      ms: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
      user: context.userId ?? null,
      action: req.headers["next-action"] ? true : undefined,
      // Link prefetches render no page code, so they carry no user.
      prefetch: req.headers["next-router-prefetch"] ? true : undefined,
      aborted: res.writableFinished ? undefined : true,
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  });
  requestContext.run(context, () => handle(req, res));
});

// Node closes an idle kept-alive connection after 5 s by default. A client (a reverse proxy,
// or a test's request context) that reuses the connection just as it closes gets
// ECONNRESET. Idle connections are kept longer than proxies usually keep theirs (60 s), so
// it is the client that closes first; headers may take no longer than that.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

// While the server runs its pid sits beside the database, so that `cli restore` can refuse
// to replace a database in use. (Same default path as lib/config.ts.)
const pidFile = path.join(path.dirname(path.resolve(process.env.DATABASE_PATH ?? "data/rectify.db")), "server.pid");

server.listen(port, () => {
  fs.writeFileSync(pidFile, String(process.pid));
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), msg: "listening", port })}\n`);
  // For the person who ran `npm start`: the address, in words. On stderr, so that stdout
  // stays one JSON line per event for log collectors.
  process.stderr.write(`整改通已启动:http://localhost:${port}\n`);
});
process.on("exit", () => fs.rmSync(pidFile, { force: true }));

// A stop signal lets requests in flight finish (at most 10 s) before the process exits.
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
