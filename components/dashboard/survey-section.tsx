import Link from "@/components/link";
import { SatisfactionFormula, SurveyAspectTable } from "@/components/survey-results";
import { Table, Td, Th } from "@/components/ui/table";
import { SURVEY_STATE_LABELS, type SurveyState } from "@/lib/domain";
import { formatRate, type AnsweredBySource, type AspectResult, type Tally } from "@/lib/survey";

export interface DashboardSurvey {
  roundId: number;
  roundName: string;
  title: string;
  state: SurveyState;
  /** Online responses and paper forms collected. */
  responses: number;
  paperForms: number;
  overall: Tally & AnsweredBySource;
  aspects: AspectResult[];
}

// The dashboard's 群众满意度测评: shown only for rounds that have a survey. One round: its
// rate per aspect; all rounds: one line per survey.
export function DashboardSurveySection({ surveys }: { surveys: DashboardSurvey[] }) {
  if (surveys.length === 0) return null;
  const single = surveys.length === 1 ? surveys[0] : undefined;
  return (
    <section aria-labelledby="dashboard-survey" className="mt-6 space-y-3 rounded-lg border border-gray-200 bg-white p-4">
      <h2 id="dashboard-survey" className="text-base font-semibold text-gray-900">
        群众满意度测评
      </h2>
      <SatisfactionFormula />
      {single ? (
        <>
          <p className="text-sm text-gray-800" data-testid="dashboard-survey-overall">
            {single.title}({SURVEY_STATE_LABELS[single.state]}):共收回问卷 {single.responses + single.paperForms} 份,其中网上 {single.responses} 份、纸质 {single.paperForms} 份,总体满意率{" "}
            {formatRate(single.overall.rate)}。
            <Link href={`/rounds/${single.roundId}/survey`} className="ml-1 text-brand-700 hover:underline">
              查看详情
            </Link>
          </p>
          {single.responses + single.paperForms > 0 ? <SurveyAspectTable rows={single.aspects} caption="满意度按方面汇总" /> : null}
        </>
      ) : (
        <Table caption="各轮次满意度测评">
          <thead>
            <tr>
              <Th>轮次</Th>
              <Th>状态</Th>
              <Th className="text-right">网上答卷</Th>
              <Th className="text-right">纸质问卷</Th>
              <Th className="text-right">合计</Th>
              <Th className="text-right">总体满意率</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {surveys.map((s) => (
              <tr key={s.roundId}>
                <Td>
                  <Link href={`/rounds/${s.roundId}/survey`} className="text-brand-700 hover:underline">
                    {s.roundName}
                  </Link>
                </Td>
                <Td>{SURVEY_STATE_LABELS[s.state]}</Td>
                <Td className="text-right tabular-nums">{s.responses}</Td>
                <Td className="text-right tabular-nums">{s.paperForms}</Td>
                <Td className="text-right tabular-nums">{s.responses + s.paperForms}</Td>
                <Td className="text-right tabular-nums">{formatRate(s.overall.rate)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
