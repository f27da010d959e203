import { formatIndicatorValue, indicatorReached, indicatorVerdict, INDICATOR_DIRECTION_LABELS, type IndicatorFigures } from "@/lib/indicators";

/** 量化指标 on the measure page: baseline → actual / target, and whether the target is reached. */
export function MeasureIndicator({ indicator, actualDate }: { indicator: IndicatorFigures; actualDate: string | null }) {
  const reached = indicatorReached(indicator);
  const figure = (value: number | null) => (value === null ? "—" : `${formatIndicatorValue(value)}${indicator.unit ? ` ${indicator.unit}` : ""}`);
  const badge = reached === null ? "bg-gray-100 text-gray-700" : reached ? "bg-green-100 text-green-800" : "bg-amber-100 text-amber-900";
  return (
    <section aria-labelledby="indicator-title" className="mt-4 rounded-lg border border-gray-200 bg-white p-5 text-sm">
      <h2 id="indicator-title" className="flex flex-wrap items-center gap-2 font-semibold">
        量化指标:{indicator.name}
        <span className={`rounded px-1.5 py-0.5 text-xs font-normal ${badge}`}>{indicatorVerdict(indicator)}</span>
      </h2>
      <dl className="mt-3 grid grid-cols-2 gap-3 md:grid-cols-4">
        <Figure label="基线值">{figure(indicator.baseline)}</Figure>
        <Figure label={actualDate ? `实际值(${actualDate})` : "实际值"}>{figure(indicator.actual)}</Figure>
        <Figure label="目标值">{figure(indicator.target)}</Figure>
        <Figure label="指标方向">{INDICATOR_DIRECTION_LABELS[indicator.direction]}</Figure>
      </dl>
    </section>
  );
}

function Figure({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-gray-500">{label}</dt>
      <dd className="mt-0.5 text-base text-gray-900 tabular-nums">{children}</dd>
    </div>
  );
}
