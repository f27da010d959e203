"use client";

import type { SectionRole } from "@/lib/document-import/genre";
import type { ParsedDocument } from "@/lib/document-import/types";

const ROLE_LABELS: Record<ParsedDocument["sections"][number]["role"], string> = {
  problems: "这一节是问题",
  prose: "这一节不是问题",
  closing: "需要进一步整改的事项(据此确定完成状态)",
};

/**
 * How each top-level section of the document was read. A parser cannot always tell a
 * work summary from a problems section; the office says which, and the file is read again.
 */
export function SectionRoles({
  sections,
  disabled,
  onChange,
}: {
  sections: ParsedDocument["sections"];
  disabled: boolean;
  onChange: (heading: string, role: SectionRole) => void;
}) {
  if (sections.length === 0) return null;
  return (
    <section aria-labelledby="section-roles-title" className="rounded-lg border border-gray-200 bg-white p-3 text-sm">
      <h3 id="section-roles-title" className="font-semibold">
        各节的读法
      </h3>
      <p className="text-xs text-gray-600">识别有误时可改为“是问题”或“不是问题”,将按所选重新解析(下方的修改会重置)。</p>
      <ul className="mt-2 space-y-1.5">
        {sections.map((section, index) => (
          <li key={`${index}-${section.heading}`} className="flex flex-wrap items-center gap-2">
            <label htmlFor={`section-role-${index}`} className="min-w-0 flex-1 truncate" title={section.heading}>
              {section.heading}
            </label>
            {section.role === "closing" ? (
              <span className="text-xs text-gray-600">{ROLE_LABELS.closing}</span>
            ) : (
              <select
                id={`section-role-${index}`}
                value={section.role}
                disabled={disabled}
                onChange={(event) => onChange(section.heading, event.target.value as SectionRole)}
                className="rounded-md border border-gray-300 px-2 py-1 text-xs"
              >
                <option value="problems">{ROLE_LABELS.problems}</option>
                <option value="prose">{ROLE_LABELS.prose}</option>
              </select>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
