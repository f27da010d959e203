import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { DashboardLive } from "@/components/dashboard/dashboard-live";
import { CommonProblemSection } from "@/components/dashboard/common-problem-section";
import { EvaluationResults } from "@/components/dashboard/evaluation-results";
import { RoundSelector } from "@/components/dashboard/round-selector";
import { DashboardSurveySection, type DashboardSurvey } from "@/components/dashboard/survey-section";
import { RememberRound } from "@/components/remember-round";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/db";
import { resolveDashboardRound, scopedDashboardRounds } from "@/db/queries/dashboard";
import { commonProblemFigures, isCommonProblemOverdue, listCommonProblems } from "@/db/queries/common-problems";
import { evaluationSummaries } from "@/db/queries/evaluations";
import { cachedDashboardData } from "@/db/queries/dashboard-cache";
import { surveyResults, surveysOfRounds } from "@/db/queries/surveys";
import { todayISO } from "@/lib/deadline-state";
import { can, onlyVisibleRounds, scopeOf, visibleRoundIds } from "@/lib/permissions";
import { byAspect, overall } from "@/lib/survey";
import { rememberedRound } from "@/server/remembered-round";
import { requirePermission } from "@/server/session";

export const metadata: Metadata = { title: "驾驶舱" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// 驾驶舱 for leaders and the office: one round in progress, or all of them. The server
// renders today's figures; the client part keeps them live from GET /api/v1/dashboard.
export default async function DashboardPage({ searchParams }: Props) {
  const actor = await requirePermission("dashboard.read");
  const raw = (await searchParams).round;
  // With no ?round=, the round this user last chose, not merely the latest feedback date.
  const remembered = typeof raw === "string" ? null : await rememberedRound(actor);
  // A reviewer's dashboard covers the rounds it reviews: any other round is not found.
  const scope = visibleRoundIds(actor, "dashboard.read");
  const roundId = resolveDashboardRound(db, typeof raw === "string" ? raw : remembered === null ? undefined : String(remembered), scope);
  if (roundId === undefined) notFound();
  const today = todayISO();
  const rounds = scopedDashboardRounds(db, scope);
  const data = cachedDashboardData(db, { roundId, today, scope });
  if (!data) notFound();
  const round = roundId === null ? "all" : String(roundId);
  return (
    <>
      <PageHeader
        title={`驾驶舱 · ${data.title}`}
        description={`截至 ${today} 的整改进展。点击任一数字或图形,查看对应的清单。`}
        actions={
          <>
            {/* The round's 通报, as the office will publish it: leaders read it from here. */}
            {roundId !== null && can(actor, "ledger.read") ? (
              <Link
                href={`/rounds/${roundId}/report`}
                className="rounded-md border border-gray-300 bg-white px-3 py-2 text-sm whitespace-nowrap hover:bg-gray-50"
              >
                整改进展情况通报
              </Link>
            ) : null}
            <RoundSelector rounds={rounds} value={round} />
            {/* Only a round named in the address is a choice; a default is not remembered. */}
            {typeof raw === "string" ? <RememberRound round={roundId ?? "all"} /> : null}
          </>
        }
      />
      {rounds.length === 0 ? (
        <EmptyState title="暂无进行中的轮次" />
      ) : (
        <DashboardLive
          key={round}
          round={round}
          initialData={data}
          canReview={can(actor, "claim.review")}
          // A superior office's reviewer reads the lists, not the office's 督办 work.
          canSeeNotices={can(actor, "notice.read")}
          // Leaders read the unit pages too; a unit's scope is "own", and it never gets here.
          canSeeUnits={scopeOf(actor, "unit.read") === "all"}
        />
      )}
      {can(actor, "survey.read") ? <DashboardSurveySection surveys={dashboardSurveys(onlyVisibleRounds(actor, "survey.read", rounds), roundId)} /> : null}
      {can(actor, "commonProblem.read") ? <CommonProblemSection {...dashboardCommonProblems(visibleRoundIds(actor, "commonProblem.read"), today)} /> : null}
      {can(actor, "evaluation.read") ? <EvaluationResults summaries={evaluationSummaries(db, { roundIds: roundId === null ? undefined : [roundId] })} /> : null}
    </>
  );
}

const LATEST_COMMON_PROBLEMS = 10;

/** Common problems span rounds: the section counts every one the reader may see, whichever round is shown. */
function dashboardCommonProblems(roundIds: readonly number[] | null, today: string) {
  const latest = listCommonProblems(db, { roundIds, today })
    .slice(0, LATEST_COMMON_PROBLEMS)
    .map((r) => ({ ...r, overdue: isCommonProblemOverdue(r, today) }));
  return { figures: commonProblemFigures(db, { roundIds, today }), latest };
}

/** The surveys of the round shown (or of every round in progress), with their results. */
function dashboardSurveys(rounds: readonly { id: number; name: string }[], roundId: number | null): DashboardSurvey[] {
  const shown = roundId === null ? rounds : rounds.filter((r) => r.id === roundId);
  return surveysOfRounds(db, { roundIds: shown.map((r) => r.id) }).map((survey) => {
    const questions = surveyResults(db, { surveyId: survey.id });
    return {
      ...survey,
      roundName: shown.find((r) => r.id === survey.roundId)?.name ?? "",
      overall: overall(questions),
      aspects: byAspect(questions),
    };
  });
}
