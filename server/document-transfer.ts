import "server-only";
import { db } from "@/db";
import type { Tx } from "@/db/client";
import { createPlanFromDocument, type DocumentImportResult } from "@/db/queries/document-import";
import { draftFrom, toPlan } from "@/lib/document-import/draft";
import type { SectionOverrides } from "@/lib/document-import/genre";
import { parseDocumentFile } from "@/lib/document-import/read-document";
import type { ParsedDocument } from "@/lib/document-import/types";
import { AppError } from "@/lib/errors";
import { documentPlanSchema, planIssueMessage, type DocumentPlan, type UnitMap } from "@/lib/validations/document-import";

// From a Word or text document to a round's plan, for the UI, the API and the CLI alike.
// The UI parses first and lets the office correct the outline (confirmDocumentPlan gets
// the corrected tree); the CLI takes the parse as it is (importDocumentFile).

export async function previewDocumentFile(params: { data: Uint8Array; fileName: string; sections?: SectionOverrides }): Promise<ParsedDocument> {
  return parseDocumentFile(params.data, params.fileName, { sections: params.sections });
}

/** Writes an (already validated) plan into an empty round, in one transaction. */
export function confirmDocumentPlan(params: {
  roundId: number | ((tx: Tx) => number);
  plan: DocumentPlan;
  source: string;
  actorId: string | null;
  authorId: string | null;
  today: string;
  /** For names that match no unit: the unit the office chose, or "new" to create it (audited). */
  unitMap?: UnitMap;
}): DocumentImportResult {
  return db.transaction((tx) => {
    const roundId = typeof params.roundId === "function" ? params.roundId(tx) : params.roundId;
    return createPlanFromDocument(tx, { ...params, roundId });
  });
}

/**
 * Parses a document and creates the plan as parsed. `roundId` may create the round inside
 * the same transaction (the CLI does), so a document that cannot be imported leaves none.
 */
export async function importDocumentFile(params: {
  data: Uint8Array;
  fileName: string;
  roundId: number | ((tx: Tx) => number);
  actorId: string | null;
  authorId: string | null;
  today: string;
}): Promise<DocumentImportResult & { parsed: ParsedDocument }> {
  const parsed = await parseDocumentFile(params.data, params.fileName);
  const plan = toPlan(draftFrom(parsed));
  const checked = documentPlanSchema.safeParse(plan);
  if (!checked.success) {
    const messages = checked.error.issues.slice(0, 5).map((issue) => planIssueMessage(plan, issue));
    throw new AppError("VALIDATION", `文档有 ${checked.error.issues.length} 处不能导入:${messages.join(";")}`);
  }
  const result = confirmDocumentPlan({ ...params, plan: checked.data, source: params.fileName });
  return { ...result, parsed };
}
