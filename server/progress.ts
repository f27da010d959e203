import "server-only";
import crypto from "node:crypto";
import { db } from "@/db";
import { addProgressReport, keyedReport, measureOwners } from "@/db/queries/progress";
import { fieldErrorsOf } from "@/server/action";
import { todayISO } from "@/lib/deadline-state";
import { AppError } from "@/lib/errors";
import { checkEvidenceSet, storeEvidence } from "@/server/evidence";
import { can, reportingFor, type Actor } from "@/lib/permissions";
import { institutionsSchema } from "@/lib/validations/institution";
import { idempotencyKeySchema, progressReportSchema, type ProgressReportInput } from "@/lib/validations/progress";
import type { InstitutionInput } from "@/lib/validations/institution";

/** What a progress post answers; a repeat with the same idempotency key gets it again. */
export interface ProgressAnswer {
  id: number;
  isClaim: boolean;
  reviewState: "pending" | "signed_off";
  claimedStatus: string;
  /** True when this is the answer to an earlier post with the same key (nothing was stored). */
  replayed: boolean;
}

/**
 * A responsible unit reports progress on a measure (整改动态), optionally claiming
 * 基本完成 / 已完成 with evidence. Shared by the page and the JSON API.
 */
export async function submitProgress(params: {
  actor: Actor;
  measureId: number;
  fields: Record<string, unknown>;
  files: { name: string; data: Uint8Array }[];
  /** The client's idempotency key (header or form field), unchecked; absent = none. */
  idempotencyKey?: unknown;
}): Promise<ProgressAnswer> {
  const { actor } = params;
  const key = parseIdempotencyKey(params.idempotencyKey);
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
  const idempotency = key ? { key, digest: requestDigest({ measureId: owners.id, input, institutions, files: checked }) } : undefined;
  // A retry whose first answer was lost: answer it again, before storing any file.
  const earlier = idempotency ? replay(db, actor.id, idempotency) : undefined;
  if (earlier) return earlier;
  // Files are content-addressed: storing before the transaction is safe, a failed insert
  // leaves at most an unreferenced copy, never a row pointing at a missing file.
  const evidence = checked.map((file) => ({
    fileName: file.fileName,
    mimeType: file.mimeType,
    size: file.size,
    sha256: file.sha256,
    storedPath: storeEvidence(file),
  }));
  // Checked again inside the write transaction: two copies of one post racing each other
  // store one report, and the second is answered with it.
  return db.transaction((tx) => {
    const raced = idempotency ? replay(tx, actor.id, idempotency) : undefined;
    if (raced) return raced;
    const report = addProgressReport(tx, { actorId: actor.id, measureId: owners.id, unitId, isLead, currentStatus: owners.status, input, evidence, institutions, idempotency });
    return answerOf(report, false);
  });
}

function parseIdempotencyKey(raw: unknown): string | undefined {
  if (raw === undefined || raw === null || raw === "") return undefined;
  const parsed = idempotencyKeySchema.safeParse(raw);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "请求标识(Idempotency-Key)格式不正确";
    throw new AppError("VALIDATION", message, { idempotencyKey: [message] });
  }
  return parsed.data;
}

/** What the post asked for, as the server understood it: the same request gives the same digest. */
function requestDigest(request: {
  measureId: number;
  input: ProgressReportInput;
  institutions: readonly InstitutionInput[];
  files: readonly { fileName: string; sha256: string }[];
}): string {
  const { measureId, input, institutions, files } = request;
  const canonical = JSON.stringify([
    measureId,
    // The actual value joins the list only when given, so a key stored before it existed still matches.
    [input.reportDate, input.text, input.percent, input.milestone, input.claimedStatus, ...((input.indicatorActual ?? null) === null ? [] : [input.indicatorActual])],
    institutions.map((i) => [i.title, i.documentNumber ?? null, i.issuedDate ?? null]),
    files.map((f) => [f.fileName, f.sha256]),
  ]);
  return crypto.createHash("sha256").update(canonical).digest("hex");
}

function replay(q: Parameters<typeof keyedReport>[0], authorId: string, idempotency: { key: string; digest: string }): ProgressAnswer | undefined {
  const earlier = keyedReport(q, { authorId, key: idempotency.key });
  if (!earlier) return undefined;
  if (earlier.digest !== idempotency.digest) {
    throw new AppError(
      "CONFLICT",
      "该请求标识(Idempotency-Key)已用于另一份内容不同的报送,未再次保存。如需报送新的内容,请刷新页面后重新填写(使用新的请求标识)",
      { idempotencyKey: ["请求标识已被使用"] },
    );
  }
  return answerOf(earlier, true);
}

/** The answer a new report gets; its review state then follows from whether it is a claim. */
function answerOf(report: { id: number; isClaim: boolean; claimedStatus: string }, replayed: boolean): ProgressAnswer {
  return { id: report.id, isClaim: report.isClaim, reviewState: report.isClaim ? "pending" : "signed_off", claimedStatus: report.claimedStatus, replayed };
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
