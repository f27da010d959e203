import { db } from "@/db";
import { getMeasureDetail } from "@/db/queries/measures";
import { apiRoute } from "@/server/api";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions";

// GET /api/v1/measures/:id — one measure with its progress. Another unit's measure is a 404.
export const GET = apiRoute({
  permission: "measure.read",
  handle: ({ actor, params }) => {
    const id = String(params.id ?? "");
    const detail = /^\d{1,12}$/.test(id) ? getMeasureDetail(db, { id: Number(id) }) : undefined;
    if (!detail || !can(actor, "measure.read", detail.ownership)) throw new AppError("NOT_FOUND", "未找到该整改措施");
    const { measure, problem, round, aspectName, leadUnitName, coUnits, reports } = detail;
    return { measure: { ...measure, problem, round, aspectName, leadUnitName, coUnits, reports } };
  },
});
