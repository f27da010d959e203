import { db } from "@/db";
import { createUnit, getUnit, listUnits } from "@/db/queries/units";
import { apiRoute } from "@/server/api";
import { AppError } from "@/lib/errors";
import { scopeOf } from "@/lib/permissions";
import { createUnitSchema } from "@/lib/validations/account";

// GET /api/v1/units — the unit tree (a unit user gets only its own subtree).
export const GET = apiRoute({
  permission: "unit.read",
  handle: ({ actor }) => {
    const units = listUnits(db);
    const visible = scopeOf(actor, "unit.read") === "own" ? units.filter((u) => actor.unitScope.includes(u.id)) : units;
    return { units: visible.map(({ id, name, kind, parentId }) => ({ id, name, kind, parentId })) };
  },
});

// POST /api/v1/units — office admins create a unit.
export const POST = apiRoute({
  permission: "admin.manage",
  body: createUnitSchema,
  handle: ({ actor, body }) => {
    if (body.parentId !== null && !getUnit(db, { id: body.parentId })) {
      throw new AppError("VALIDATION", "上级单位不存在", { parentId: ["上级单位不存在"] });
    }
    const unit = db.transaction((tx) => createUnit(tx, { actorId: actor.id, input: body }));
    return { unit: { id: unit.id, name: unit.name, kind: unit.kind, parentId: unit.parentId } };
  },
});
