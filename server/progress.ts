import "server-only";
import { db } from "@/db";
import { addProgressReport, measureOwners } from "@/db/queries/progress";
import { fieldErrorsOf } from "@/server/action";
import { todayISO } from "@/lib/deadline-state";
import { AppError } from "@/lib/errors";
import { checkEvidenceSet, storeEvidence } from "@/server/evidence";
import { can, reportingFor, type Actor } from "@/lib/permissions";
import { institutionsSchema } from "@/lib/validations/institution";
import { progressReportSchema } from "@/lib/validations/progress";

/**
 * A responsible unit reports progress on a measure (整改动态), optionally claiming
 * 基本完成 / 已完成 with evidence. Shared by the page and the JSON API.
 */
export async function submitProgress(params: {
  actor: Actor;
  measureId: number;
  fields: Record<string, unknown>;
  files: { name: string; data: Uint8Array }[];
}) {
  const { actor } = params;
  const owners = measureOwners(db, { measureId: params.measureId });
  // Another unit's measure does not exist as far as this user can tell.
  if (!owners || !can(actor, "progress.report", owners)) throw new AppError("NOT_FOUND", "未找到该整改措施");

  const parsed = progressReportSchema.safeParse(params.fields);
  if (!parsed.success) throw new AppError("VALIDATION", "提交的内容有误,请按提示修改", fieldErrorsOf(parsed.error));
  const input = parsed.data;
  if (input.reportDate > todayISO()) {
    throw new AppError("VALIDATION", "报送日期不能晚于今天", { reportDate: ["报送日期不能晚于今天"] });
  }
  const reporting = reportingFor(actor, owners);
  if (!reporting) throw new AppError("NOT_FOUND", "未找到该整改措施");
  const { unitId, mayClaim: isLead } = reporting;
  if (isLead && input.claimedStatus !== "incomplete" && params.files.length === 0) {
    throw new AppError("VALIDATION", "申报基本完成或已完成须上传至少一份佐证材料", { files: ["请上传佐证材料"] });
  }
  const institutions = parseInstitutions(params.fields.institutions);
  const checked = checkEvidenceSet(params.files);
  // Files are content-addressed: storing before the transaction is safe, a failed insert
  // leaves at most an unreferenced copy, never a row pointing at a missing file.
  const evidence = checked.map((file) => ({
    fileName: file.fileName,
    mimeType: file.mimeType,
    size: file.size,
    sha256: file.sha256,
    storedPath: storeEvidence(file),
  }));
  return db.transaction((tx) =>
    addProgressReport(tx, { actorId: actor.id, measureId: owners.id, unitId, isLead, currentStatus: owners.status, input, evidence, institutions }),
  );
}

/** 建章立制 arrive as a JSON array in one form field (rows of title, 文号, date). */
function parseInstitutions(raw: unknown) {
  if (raw === undefined || raw === null || raw === "") return [];
  let value: unknown;
  try {
    value = typeof raw === "string" ? JSON.parse(raw) : raw;
  } catch {
    throw new AppError("VALIDATION", "建章立制的内容格式不正确", { institutions: ["格式不正确"] });
  }
  const parsed = institutionsSchema.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const row = typeof first?.path[0] === "number" ? `第 ${first.path[0] + 1} 项制度:` : "";
    throw new AppError("VALIDATION", `建章立制${row}${first?.message ?? "内容有误"}`, { institutions: [`${row}${first?.message ?? "内容有误"}`] });
  }
  return parsed.data;
}
