import { Table, Td, Th } from "@/components/ui/table";
import { totalWeight } from "@/lib/evaluation";
import type { TemplateContent } from "@/lib/evaluation-template";

/** A template as it is read and printed: per area its indicators, 评分要点 and points; then the grades. */
export function TemplateView({ content }: { content: TemplateContent }) {
  const indicators = content.areas.flatMap((a) => a.indicators);
  let number = 0;
  return (
    <div className="space-y-6">
      <p className="text-sm text-gray-700">
        {content.areas.length} 个方面、{indicators.length} 项指标,分值合计 {totalWeight(indicators)} 分;反馈后至少 {content.monthsAfterFeedback} 个月开展评估。
      </p>
      <Table caption="评估指标" fixed>
        <colgroup>
          <col className="w-12" />
          <col className="w-1/3" />
          <col />
          <col className="w-20" />
        </colgroup>
        <thead>
          <tr>
            <Th>序号</Th>
            <Th>指标</Th>
            <Th>评分要点</Th>
            <Th>分值</Th>
          </tr>
        </thead>
        {content.areas.map((area) => (
          <tbody key={area.name} className="divide-y divide-gray-100">
            <tr className="bg-gray-50">
              <th scope="rowgroup" colSpan={4} className="px-3 py-2 text-left font-semibold text-gray-900">
                {area.name}({totalWeight(area.indicators)} 分)
              </th>
            </tr>
            {area.indicators.map((indicator) => (
              <tr key={indicator.name}>
                <Td className="tabular-nums">{++number}</Td>
                <Td>{indicator.name}</Td>
                <Td className="text-gray-600">{indicator.description || "—"}</Td>
                <Td className="tabular-nums">{indicator.weight}</Td>
              </tr>
            ))}
          </tbody>
        ))}
      </Table>
      <Table caption="评价等次">
        <thead>
          <tr>
            <Th>评价等次</Th>
            <Th>得分系数</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {content.grades.map((grade) => (
            <tr key={grade.name}>
              <Td>{grade.name}</Td>
              <Td className="tabular-nums">×{grade.factor}(得该指标分值的 {Math.round(grade.factor * 100)}%)</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
