import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { Queryable } from "../client";
import { units, users, type Unit } from "../schema";
import { recordAudit } from "./audit";
import { whileUnchanged } from "./data-version";
import { outer } from "./sql";
import type { CreateUnitInput } from "@/lib/validations/account";

/**
 * The unit and every unit below it in the tree. Every request needs its actor's scope, and
 * a province leader's is 2,000 units, so it is kept until the unit table changes (a unit
 * added, moved or removed changes its count, largest id or latest updated_at).
 */
export function unitScope(q: Queryable, params: { unitId: number }): readonly number[] {
  return whileUnchanged(
    q,
    `unitScope:${params.unitId}`,
    () =>
      q
        .all<{ id: number }>(sql`
          with recursive tree(id) as (
            select ${params.unitId}
            union
            select u.id from units u join tree t on u.parent_id = t.id
          )
          select id from tree`)
        .map((r) => r.id),
    unitTreeVersion,
  );
}

function unitTreeVersion(q: Queryable): string {
  // Every signed-in request asks; the fingerprint scans the unit table, so it is itself
  // read again only after a write (exact: dataVersion moves with every commit).
  return whileUnchanged(q, "unit-tree-version", () => {
    const row = q.get<{ n: number; maxId: number | null; updated: number | null }>(
      sql`select count(*) as n, max(id) as maxId, max(updated_at) as updated from ${units}`,
    );
    return `${row.n}:${row.maxId}:${row.updated}`;
  });
}

export function listUnits(q: Queryable): (Unit & { userCount: number })[] {
  return q
    .select({
      id: units.id,
      name: units.name,
      kind: units.kind,
      parentId: units.parentId,
      createdAt: units.createdAt,
      updatedAt: units.updatedAt,
      userCount: sql<number>`(select count(*) from ${users} where ${users.unitId} = ${outer(units.id)})`,
    })
    .from(units)
    .orderBy(asc(units.parentId), asc(units.id))
    .all();
}

export function getUnit(q: Queryable, params: { id: number }): Unit | undefined {
  return q.select().from(units).where(eq(units.id, params.id)).get();
}

export function findUnitByName(q: Queryable, params: { name: string }): Unit | undefined {
  return q.select().from(units).where(eq(units.name, params.name)).get();
}

export function createUnit(
  tx: Queryable,
  params: { actorId: string | null; input: CreateUnitInput },
): Unit {
  const created = tx.insert(units).values(params.input).returning().get();
  recordAudit(tx, {
    actorId: params.actorId,
    action: "unit.create",
    entity: "unit",
    entityId: created.id,
    after: created,
  });
  return created;
}

/** Renames a unit; every list shows units by name, so this is the whole of a rename. */
export function renameUnit(tx: Queryable, params: { actorId: string; unitId: number; name: string }): Unit | undefined {
  const before = getUnit(tx, { id: params.unitId });
  if (!before) return undefined;
  const after = tx.update(units).set({ name: params.name, updatedAt: new Date() }).where(eq(units.id, params.unitId)).returning().get();
  recordAudit(tx, { actorId: params.actorId, action: "unit.update", entity: "unit", entityId: params.unitId, before: { name: before.name }, after: { name: after.name } });
  return after;
}
