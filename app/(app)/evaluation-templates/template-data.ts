import "server-only";
import { notFound } from "next/navigation";
import { db } from "@/db";
import { builtInTemplate, templateDetail } from "@/db/queries/evaluation-templates";
import { standardTemplateContent } from "@/lib/evaluation-template";
import { parseId } from "@/lib/validations/common";

/** The segment naming the built-in standard set before any evaluation has stored it. */
export const STANDARD_SEGMENT = "standard";

/**
 * The template a page's segment names: a stored one by id, or the built-in standard set
 * (stored or not yet). Anything else is 404.
 */
export function templateFor(segment: string | undefined) {
  if (segment === STANDARD_SEGMENT) {
    const stored = builtInTemplate(db);
    if (stored) return templateDetail(db, { templateId: stored.id })!;
    return { template: undefined, content: standardTemplateContent(), usedBy: [], editable: false };
  }
  const id = parseId(segment);
  const found = id === null ? undefined : templateDetail(db, { templateId: id });
  if (!found) notFound();
  return found;
}

/** Where a template's page is: the built-in one also before it is stored. */
export const templateHref = (template: { id: number; builtIn: boolean } | undefined) =>
  template ? `/evaluation-templates/${template.id}` : `/evaluation-templates/${STANDARD_SEGMENT}`;
