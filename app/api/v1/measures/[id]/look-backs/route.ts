import { NextResponse } from "next/server";
import { db } from "@/db";
import { listMeasureLookBacks } from "@/db/queries/look-backs";
import { getMeasureDetail } from "@/db/queries/measures";
import { apiRoute } from "@/server/api";
import { scheduleLookBack } from "@/server/look-backs";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { parseId } from "@/lib/validations/common";
import { scheduleLookBackBody } from "@/lib/validations/look-back";

const measureIdOf = (params: Record<string, string | string[]>) => {
  const id = parseId(typeof params.id === "string" ? params.id : undefined);
  if (!id) throw new AppError("NOT_FOUND", "未找到该整改措施");
  return id;
};

// GET /api/v1/measures/:id/look-backs — the measure's look-backs, for whoever may read the
// measure; another unit's measure is a 404, as for the measure itself.
export const GET = apiRoute({
  permission: "measure.read",
  handle: ({ actor, params }) => {
    const detail = getMeasureDetail(db, { id: measureIdOf(params) });
    if (!detail || !can(actor, "measure.read", detail.ownership)) throw new AppError("NOT_FOUND", "未找到该整改措施");
    return { lookBacks: listMeasureLookBacks(db, { measureId: detail.measure.id }) };
  },
});

// POST /api/v1/measures/:id/look-backs {"scheduledDate":"YYYY-MM-DD"} — schedules a
// look-back of a completed or 并长期坚持 measure (201).
export const POST = apiRoute({
  permission: "lookback.manage",
  body: scheduleLookBackBody,
  handle: ({ actor, params, body }) => {
    const lookBack = scheduleLookBack(actor, { measureId: measureIdOf(params), scheduledDate: body.scheduledDate });
    return NextResponse.json({ lookBack }, { status: 201 });
  },
});
