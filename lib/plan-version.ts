// One submitted version of a round's plan (整改方案) as the reviewer saw it, and what
// changed between two versions. Items are matched by id, so an edited problem shows as
// changed, not as one removed and one added.

export interface VersionMeasure {
  id: number;
  text: string;
  leadUnitName: string | null;
  coUnitNames: string | null;
  deadline: string | null;
  deadlineText: string | null;
}

export interface VersionProblem {
  id: number;
  number: number;
  title: string;
  aspectName: string | null;
  leadLeader: string;
  leadUnitName: string | null;
  measures: VersionMeasure[];
}

export interface PlanVersion {
  problems: VersionProblem[];
}

export const PROBLEM_FIELD_LABELS = {
  number: "序号",
  title: "问题",
  aspectName: "所属方面",
  leadLeader: "牵头领导",
  leadUnitName: "牵头单位",
} as const satisfies Partial<Record<keyof VersionProblem, string>>;

export const MEASURE_FIELD_LABELS = {
  text: "整改措施",
  leadUnitName: "牵头单位",
  coUnitNames: "责任单位",
  deadline: "完成时限",
  deadlineText: "完成时限(原文)",
} as const satisfies Partial<Record<keyof VersionMeasure, string>>;

export interface Change<T> {
  before: T;
  after: T;
  /** Labels of the fields that differ, in the order of the labels above. */
  fields: string[];
}

export interface ItemDiff<T> {
  added: T[];
  removed: T[];
  changed: Change<T>[];
}

export interface PlanDiff {
  problems: ItemDiff<VersionProblem>;
  measures: ItemDiff<VersionMeasure & { problemNumber: number }>;
}

function diffItems<T extends { id: number }>(before: readonly T[], after: readonly T[], labels: Partial<Record<keyof T, string>>): ItemDiff<T> {
  const old = new Map(before.map((item) => [item.id, item]));
  const now = new Map(after.map((item) => [item.id, item]));
  const changed: Change<T>[] = [];
  for (const item of after) {
    const earlier = old.get(item.id);
    if (!earlier) continue;
    const fields = (Object.keys(labels) as (keyof T)[]).filter((key) => (earlier[key] ?? null) !== (item[key] ?? null)).map((key) => labels[key]!);
    if (fields.length > 0) changed.push({ before: earlier, after: item, fields });
  }
  return {
    added: after.filter((item) => !old.has(item.id)),
    removed: before.filter((item) => !now.has(item.id)),
    changed,
  };
}

function measuresOf(version: PlanVersion) {
  return version.problems.flatMap((p) => p.measures.map((m) => ({ ...m, problemNumber: p.number })));
}

/** What `after` added, removed and changed against `before`. */
export function diffPlanVersions(before: PlanVersion, after: PlanVersion): PlanDiff {
  return {
    problems: diffItems(before.problems, after.problems, PROBLEM_FIELD_LABELS),
    measures: diffItems(measuresOf(before), measuresOf(after), MEASURE_FIELD_LABELS),
  };
}

export function diffIsEmpty(diff: PlanDiff): boolean {
  return [diff.problems, diff.measures].every((d) => d.added.length + d.removed.length + d.changed.length === 0);
}

export function versionCounts(version: PlanVersion): { problems: number; measures: number } {
  return { problems: version.problems.length, measures: version.problems.reduce((n, p) => n + p.measures.length, 0) };
}
