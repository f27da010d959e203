import { totalWeight } from "./evaluation";

// 整改成效评估指标体系: the built-in standard set, and the rules every template an office
// writes must keep. A template is areas (方面/一级指标) holding weighted indicators (with
// their 评分要点) and grades (等次) each worth a share of an indicator's weight. Pure: the
// editor shows the same errors the server refuses with.

// The standard set offered when an office has none of its own: 4 areas, 12 indicators,
// weights summing to 100, in 4 grades — the shape of the published county schemes (22
// indicators in 4 grades; 20 indicators in 6 areas), cut to a dozen.
export const STANDARD_TEMPLATE = {
  name: "巡察整改成效评估指标体系(标准)",
  monthsAfterFeedback: 6,
  grades: [
    { name: "好", factor: 1 },
    { name: "较好", factor: 0.8 },
    { name: "一般", factor: 0.6 },
    { name: "差", factor: 0.3 },
  ],
  indicators: [
    { area: "整改责任落实", name: "党组织主体责任和主要负责人第一责任人责任落实", weight: 10 },
    { area: "整改责任落实", name: "整改方案制定及时、任务分解明确", weight: 8 },
    { area: "整改责任落实", name: "整改专题民主生活会(组织生活会)召开质量", weight: 7 },
    { area: "整改任务完成", name: "反馈问题按期整改销号", weight: 12 },
    { area: "整改任务完成", name: "整改佐证材料真实完整", weight: 9 },
    { area: "整改任务完成", name: "问题线索和信访件按时办结", weight: 9 },
    { area: "长效机制建设", name: "建章立制、堵塞漏洞", weight: 8 },
    { area: "长效机制建设", name: "举一反三、同类问题排查", weight: 7 },
    { area: "长效机制建设", name: "长期坚持事项持续推进", weight: 5 },
    { area: "整改实际效果", name: "回头看未发现反弹回潮", weight: 10 },
    { area: "整改实际效果", name: "群众满意度", weight: 8 },
    { area: "整改实际效果", name: "整改成果运用和推动中心工作", weight: 7 },
  ],
} as const;

/** What a unit's total is out of: the scoring (lib/evaluation.ts) reads Σ weight × factor as points of 100. */
export const TEMPLATE_WEIGHT_TOTAL = 100;

export const TEMPLATE_LIMITS = {
  name: 100,
  areaName: 50,
  indicatorName: 200,
  description: 1000,
  gradeName: 20,
  areas: 20,
  indicators: 100,
  minGrades: 2,
  grades: 10,
  /** Published practice asks at least six months between feedback and the evaluation. */
  minMonths: 6,
  maxMonths: 36,
} as const;

export interface TemplateIndicatorContent {
  name: string;
  description: string;
  weight: number;
}

export interface TemplateContent {
  name: string;
  monthsAfterFeedback: number;
  areas: { name: string; indicators: TemplateIndicatorContent[] }[];
  grades: { name: string; factor: number }[];
}

/** A rule broken, at the path of the field the editor shows it beside ("areas.1.indicators.0.weight"). */
export interface TemplateIssue {
  path: string;
  message: string;
}

const indicatorsOf = (content: Pick<TemplateContent, "areas">) => content.areas.flatMap((a) => a.indicators);

/**
 * The rules across fields (each field's own shape and length are the schema's): the weights
 * total 100, names do not repeat, and grades run from the best down, each worth less.
 */
export function templateIssues(content: Pick<TemplateContent, "areas" | "grades">): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const indicators = indicatorsOf(content);
  if (indicators.length > TEMPLATE_LIMITS.indicators) {
    issues.push({ path: "areas", message: `评估指标不能超过 ${TEMPLATE_LIMITS.indicators} 项` });
  }
  const total = totalWeight(indicators);
  if (indicators.length > 0 && total !== TEMPLATE_WEIGHT_TOTAL) {
    issues.push({ path: "weightTotal", message: `各项指标的分值合计应为 ${TEMPLATE_WEIGHT_TOTAL} 分,现为 ${total} 分` });
  }
  const seenAreas = new Set<string>();
  const seenIndicators = new Set<string>();
  content.areas.forEach((area, a) => {
    if (seenAreas.has(area.name)) issues.push({ path: `areas.${a}.name`, message: `方面“${area.name}”重复,请合并或改名` });
    seenAreas.add(area.name);
    area.indicators.forEach((indicator, i) => {
      if (seenIndicators.has(indicator.name)) {
        issues.push({ path: `areas.${a}.indicators.${i}.name`, message: `指标“${indicator.name}”重复` });
      }
      seenIndicators.add(indicator.name);
    });
  });
  const seenGrades = new Set<string>();
  content.grades.forEach((grade, g) => {
    if (seenGrades.has(grade.name)) issues.push({ path: `grades.${g}.name`, message: `等次“${grade.name}”重复` });
    seenGrades.add(grade.name);
    const better = content.grades[g - 1];
    if (better && grade.factor >= better.factor) {
      issues.push({ path: `grades.${g}.factor`, message: `等次应由高到低排列:“${grade.name}”的得分系数应低于“${better.name}”的 ${better.factor}` });
    }
  });
  return issues;
}

/** Stored indicator rows (in position order) grouped into areas, in the order the areas first appear. */
export function areasOf<T extends { area: string; name: string; description: string; weight: number }>(indicators: readonly T[]): TemplateContent["areas"] {
  const areas: TemplateContent["areas"] = [];
  for (const { area, name, description, weight } of indicators) {
    const last = areas.find((a) => a.name === area);
    if (last) last.indicators.push({ name, description, weight });
    else areas.push({ name: area, indicators: [{ name, description, weight }] });
  }
  return areas;
}

/** The rows to store: every indicator with its area, numbered through the template. */
export function indicatorRows(content: Pick<TemplateContent, "areas">) {
  return content.areas.flatMap((area) => area.indicators.map((indicator) => ({ area: area.name, ...indicator }))).map((row, i) => ({ ...row, position: i + 1 }));
}

export function standardTemplateContent(): TemplateContent {
  return {
    name: STANDARD_TEMPLATE.name,
    monthsAfterFeedback: STANDARD_TEMPLATE.monthsAfterFeedback,
    areas: areasOf(STANDARD_TEMPLATE.indicators.map((i) => ({ ...i, description: "" }))),
    grades: STANDARD_TEMPLATE.grades.map((g) => ({ ...g })),
  };
}

/** A name for a copy that no template has yet: "X(副本)", then "X(副本2)" …, cut to fit the limit. */
export function copyName(name: string, taken: readonly string[]): string {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "(副本)" : `(副本${n})`;
    const candidate = `${name.slice(0, TEMPLATE_LIMITS.name - suffix.length)}${suffix}`;
    if (!taken.includes(candidate)) return candidate;
  }
}
