// 牵头领导 / 牵头单位 / 责任单位 lines as reports write them under a problem, and a 完成时限
// written inside one measure ("…(完成时限:2022年3月底)"). Names stay as written; matching
// them to the unit tree happens when the plan is created.

export interface Responsibility {
  leadLeader: string;
  leadUnit: string;
  coUnits: string[];
}

export const NO_RESPONSIBILITY: Responsibility = { leadLeader: "", leadUnit: "", coUnits: [] };

const LEADER_LABELS = new Set(["牵头领导", "责任领导"]);
const LEAD_UNIT_LABELS = new Set(["牵头单位", "责任部门"]);
const CO_UNIT_LABELS = new Set(["责任单位", "配合单位", "协办单位"]);

/** Splits "区财政局、区审计局" (or ，;；/) into names, without duplicates or empties. */
export function unitNames(text: string): string[] {
  const names = text.split(/[、,，;；/／\s]+/).map((name) => name.replace(/[。.]+$/, "").trim()).filter(Boolean);
  return [...new Set(names)];
}

/** Takes one labelled segment ("牵头单位", "区教育局") into the problem's responsibility. */
export function addResponsibility(into: Responsibility, label: string, text: string): void {
  const value = text.replace(/[。;；]+$/, "").trim();
  if (!value) return;
  if (LEADER_LABELS.has(label)) into.leadLeader ||= value;
  else if (LEAD_UNIT_LABELS.has(label)) {
    const [lead, ...others] = unitNames(value);
    into.leadUnit ||= lead ?? "";
    into.coUnits.push(...others.filter((name) => !into.coUnits.includes(name)));
  } else if (CO_UNIT_LABELS.has(label)) {
    into.coUnits.push(...unitNames(value).filter((name) => !into.coUnits.includes(name) && name !== into.leadUnit));
  }
}

const MEASURE_DEADLINE = /[(（]\s*(?:完成时限|整改时限|完成时间)\s*[:：]\s*([^)）]{2,60})[)）]/;

/** The 完成时限 a measure's own text names, or null: the measure then takes its problem's. */
export function measureDeadlineText(measure: string): string | null {
  return MEASURE_DEADLINE.exec(measure)?.[1]?.trim() ?? null;
}
