import { Table, Td, Th } from "@/components/ui/table";
import { SURVEY_CHOICE_LABELS, SURVEY_CHOICES } from "@/lib/domain";
import { formatRate, questionResult, SATISFACTION_FORMULA, type AnsweredBySource, type AspectResult, type QuestionCounts, type Tally } from "@/lib/survey";

// The results of a 群众满意度测评, as the round's survey page and the dashboard show them:
// counts per choice (online and paper added), who answered online and on paper, and the
// 满意率 of the two together, whose formula is stated beside every table.

export function SatisfactionFormula() {
  return <p className="text-xs text-gray-500">{SATISFACTION_FORMULA};不了解的不计入分母;网上答卷与纸质问卷合并计算。</p>;
}

function CountCells({ result }: { result: Tally & AnsweredBySource }) {
  return (
    <>
      {SURVEY_CHOICES.map((choice) => (
        <Td key={choice} className="text-right tabular-nums">
          {result[choice]}
        </Td>
      ))}
      <Td className="text-right tabular-nums">{result.online}</Td>
      <Td className="text-right tabular-nums">{result.paper}</Td>
      <Td className="text-right tabular-nums">{result.answered}</Td>
      <Td className="text-right font-medium tabular-nums">{formatRate(result.rate)}</Td>
    </>
  );
}

function CountHeaders() {
  return (
    <>
      {SURVEY_CHOICES.map((choice) => (
        <Th key={choice} className="text-right">
          {SURVEY_CHOICE_LABELS[choice]}
        </Th>
      ))}
      <Th className="text-right">网上作答</Th>
      <Th className="text-right">纸质作答</Th>
      <Th className="text-right">作答人数(合计)</Th>
      <Th className="text-right">满意率</Th>
    </>
  );
}

export function SurveyAspectTable({ rows, caption }: { rows: AspectResult[]; caption: string }) {
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>方面</Th>
          <CountHeaders />
        </tr>
      </thead>
      <tbody className="divide-y divide-gray-100">
        {rows.map((row) => (
          <tr key={row.aspectId ?? "none"}>
            <Td>{row.aspectName}</Td>
            <CountCells result={row.result} />
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export function SurveyQuestionTable({ questions }: { questions: QuestionCounts[] }) {
  return (
    <Table caption="各题测评结果">
      <thead>
        <tr>
          <Th>题目</Th>
          <CountHeaders />
        </tr>
      </thead>
      <tbody className="divide-y divide-gray-100">
        {questions.map((q, i) => (
          <tr key={q.id}>
            <Td>
              {i + 1}. {q.text}
            </Td>
            <CountCells result={questionResult(q)} />
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
