// Next calls register() once when a server starts, before it handles requests: start-up
// checks and background jobs (server/jobs/server-start.ts), in the Node.js server only, never in
// the edge runtime and never while `next build` prerenders pages. RECTIFY_REMINDERS=off
// keeps a second instance sharing the database from sending reminders twice.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startServer } = await import("./server/jobs/server-start");
  await startServer();
}
