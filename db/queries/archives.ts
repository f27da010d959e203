import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Queryable } from "../client";
import { archivePackages, users } from "../schema";
import { recordAudit } from "./audit";

// 整改档案 packages of a round: their rows and the audit row of each change, written in the
// caller's transaction. Progress while one is built is the job's (server/archive-jobs.ts).

export function listArchivePackages(q: Queryable, params: { roundId: number }) {
  return q
    .select({
      id: archivePackages.id,
      state: archivePackages.state,
      fileName: archivePackages.fileName,
      files: archivePackages.files,
      bytes: archivePackages.bytes,
      sha256: archivePackages.sha256,
      error: archivePackages.error,
      createdAt: archivePackages.createdAt,
      finishedAt: archivePackages.finishedAt,
      createdByName: users.name,
    })
    .from(archivePackages)
    .leftJoin(users, eq(users.id, archivePackages.createdById))
    .where(eq(archivePackages.roundId, params.roundId))
    .orderBy(desc(archivePackages.id))
    .all();
}

export type ArchivePackageRow = ReturnType<typeof listArchivePackages>[number];

export function getArchivePackage(q: Queryable, params: { id: number }) {
  return q.select().from(archivePackages).where(eq(archivePackages.id, params.id)).get();
}

export function buildingPackage(q: Queryable, params: { roundId: number }) {
  return q
    .select({ id: archivePackages.id })
    .from(archivePackages)
    .where(and(eq(archivePackages.roundId, params.roundId), eq(archivePackages.state, "building")))
    .get();
}

/** A package asked for: its row, in state "building", and one audit row. */
export function insertArchivePackage(tx: Queryable, params: { actorId: string; roundId: number; fileName: string }) {
  const created = tx
    .insert(archivePackages)
    .values({ roundId: params.roundId, fileName: params.fileName, createdById: params.actorId })
    .returning()
    .get();
  recordAudit(tx, {
    actorId: params.actorId,
    action: "archive_package.create",
    entity: "archive_package",
    entityId: created.id,
    after: { roundId: params.roundId, fileName: params.fileName, state: created.state },
  });
  return created;
}

type Finish =
  | { state: "ready"; files: number; bytes: number; sha256: string; manifestSha256: string; ledgerChecksum: string }
  | { state: "failed"; error: string };

/**
 * A build ended, well or not. The audit row names who asked for it (the build ran on their
 * behalf) or nobody when the server found it interrupted at start.
 */
export function finishArchivePackage(tx: Queryable, params: { id: number; actorId: string | null } & Finish) {
  const before = getArchivePackage(tx, { id: params.id });
  if (!before || before.state !== "building") return undefined;
  const values =
    params.state === "ready"
      ? { state: params.state, files: params.files, bytes: params.bytes, sha256: params.sha256, manifestSha256: params.manifestSha256, ledgerChecksum: params.ledgerChecksum }
      : { state: params.state, error: params.error };
  const after = tx
    .update(archivePackages)
    .set({ ...values, finishedAt: new Date() })
    .where(eq(archivePackages.id, params.id))
    .returning()
    .get();
  recordAudit(tx, {
    actorId: params.actorId,
    action: params.state === "ready" ? "archive_package.complete" : "archive_package.fail",
    entity: "archive_package",
    entityId: params.id,
    before: { state: before.state },
    after: { roundId: after.roundId, ...values },
  });
  return after;
}

/** Packages a stopped server left half-built: marked failed, so they can be asked for again. */
export function failInterruptedPackages(tx: Queryable): number {
  const building = tx.select({ id: archivePackages.id }).from(archivePackages).where(eq(archivePackages.state, "building")).all();
  for (const { id } of building) finishArchivePackage(tx, { id, actorId: null, state: "failed", error: "服务重启,生成中断,请重新生成" });
  return building.length;
}

/** Handing out a package is recorded too: who took a copy of the round's whole record, and when. */
export function recordArchiveDownload(tx: Queryable, params: { actorId: string; id: number; roundId: number; sha256: string | null }) {
  recordAudit(tx, {
    actorId: params.actorId,
    action: "archive_package.download",
    entity: "archive_package",
    entityId: params.id,
    after: { roundId: params.roundId, sha256: params.sha256 },
  });
}
