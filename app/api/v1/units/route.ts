import { db } from "@/db";
import { listUnits } from "@/db/queries/units";
import { apiRoute } from "@/server/api";
import { createUnit } from "@/server/units";
import { visibleUnitIds } from "@/lib/permissions";
import { createUnitSchema } from "@/lib/validations/account";

// GET /api/v1/units — the unit tree (a unit user gets only its own subtree).
export const GET = apiRoute({
  permission: "unit.read",
  handle: ({ actor }) => {
    const units = listUnits(db);
    const unitIds = visibleUnitIds(actor, "unit.read");
    const visible = unitIds === null ? units : units.filter((u) => unitIds.includes(u.id));
    return { units: visible.map(({ id, name, kind, parentId }) => ({ id, name, kind, parentId })) };
  },
});

// POST /api/v1/units — office admins create a unit.
export const POST = apiRoute({
  permission: "admin.manage",
  body: createUnitSchema,
  handle: ({ actor, body }) => {
    const unit = createUnit(actor, body);
    return { unit: { id: unit.id, name: unit.name, kind: unit.kind, parentId: unit.parentId } };
  },
});
