// 量化指标: a measure may promise a number (水质氨氮 mg/L, 追缴租金 万元) — a baseline when
// the plan was made, a target, and the actual value the responsible unit last reported.
// Pure, so the measure page, the ledger export and the 通报 judge and word it alike.

export const INDICATOR_DIRECTIONS = ["lower", "higher"] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];
export const INDICATOR_DIRECTION_LABELS: Record<IndicatorDirection, string> = { lower: "越低越好", higher: "越高越好" };

export interface IndicatorFigures {
  name: string;
  unit: string;
  direction: IndicatorDirection;
  baseline: number;
  target: number;
  /** Null until the responsible unit reports one. */
  actual: number | null;
}

/** The direction a plan implies when the office did not choose one: a target below the baseline is a reduction. */
export function impliedDirection(baseline: number, target: number): IndicatorDirection | null {
  if (target < baseline) return "lower";
  if (target > baseline) return "higher";
  return null;
}

/** Whether the reported value meets the target, in the indicator's direction; null before any report. */
export function indicatorReached(indicator: Pick<IndicatorFigures, "direction" | "target" | "actual">): boolean | null {
  if (indicator.actual === null) return null;
  return indicator.direction === "lower" ? indicator.actual <= indicator.target : indicator.actual >= indicator.target;
}

/** 2.10 → "2.1", 1200000 → "1200000": as a report prints a figure, no float noise. */
export function formatIndicatorValue(value: number): string {
  return String(Number(value.toFixed(4)));
}

const withUnit = (value: number, unit: string) => `${formatIndicatorValue(value)}${unit}`;

/**
 * The sentence a 通报 prints: "氨氮浓度由2.1mg/L降至1.2mg/L(目标1.5mg/L)". Before any
 * report it states the baseline and target only.
 */
export function indicatorSentence(indicator: IndicatorFigures): string {
  const { name, unit, baseline, target, actual } = indicator;
  const goal = `目标${withUnit(target, unit)}`;
  if (actual === null) return `${name}基线为${withUnit(baseline, unit)}(${goal})`;
  const verb = actual < baseline ? "降至" : actual > baseline ? "升至" : "保持在";
  const reached = indicatorReached(indicator) ? ",已达到" : ",尚未达到";
  return `${name}由${withUnit(baseline, unit)}${verb}${withUnit(actual, unit)}(${goal}${reached})`;
}

/** The ledger's 指标达成 cell and the measure page's badge. */
export function indicatorVerdict(indicator: Pick<IndicatorFigures, "direction" | "target" | "actual">): string {
  const reached = indicatorReached(indicator);
  return reached === null ? "未报送实际值" : reached ? "已达到目标" : "未达到目标";
}

/** The flat columns a ledger row (or a stored snapshot of one) carries for its 量化指标. */
export interface IndicatorColumns {
  indicatorName?: string | null;
  indicatorUnit?: string | null;
  indicatorDirection?: IndicatorDirection | null;
  indicatorBaseline?: number | null;
  indicatorTarget?: number | null;
  indicatorActual?: number | null;
}

/** A row's 量化指标, or null: a snapshot stored before indicators existed has none of the fields. */
export function indicatorFromColumns(row: IndicatorColumns): IndicatorFigures | null {
  const { indicatorName: name, indicatorDirection: direction, indicatorBaseline: baseline, indicatorTarget: target } = row;
  if (!name || !direction || baseline === null || baseline === undefined || target === null || target === undefined) return null;
  return { name, unit: row.indicatorUnit ?? "", direction, baseline, target, actual: row.indicatorActual ?? null };
}
