import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { ARCHIVE_STATES } from "@/lib/domain";
import { users } from "./auth";
import { createdAt } from "./columns";
import { oneOf } from "./enum-check";
import { rounds } from "./rounds";

// 整改资料归档: one row per archive package of a round. The zip itself lives in the data
// folder (data/archives/<id>.zip), never served statically; the row keeps what proves it —
// its SHA-256 and the manifest's. How far a build has got is kept in the server's memory
// (server/archive-jobs.ts), not written row by row.
export const archivePackages = sqliteTable(
  "archive_packages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    roundId: integer("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    state: text("state", { enum: ARCHIVE_STATES }).notNull().default("building"),
    fileName: text("file_name").notNull(),
    files: integer("files"),
    bytes: integer("bytes"),
    sha256: text("sha256"),
    manifestSha256: text("manifest_sha256"),
    ledgerChecksum: text("ledger_checksum"),
    error: text("error"),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    finishedAt: integer("finished_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("archive_packages_round_id_idx").on(t.roundId),
    index("archive_packages_created_by_id_idx").on(t.createdById),
    check("archive_packages_state_check", oneOf(t.state, ARCHIVE_STATES)),
    check("archive_packages_bytes_check", sql`${t.bytes} is null or ${t.bytes} >= 0`),
  ],
);

export type ArchivePackage = typeof archivePackages.$inferSelect;
