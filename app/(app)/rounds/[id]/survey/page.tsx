import type { Metadata } from "next";
import QRCode from "qrcode";
import { ConfirmButton } from "@/components/confirm-button";
import { PrintButton } from "@/components/print-button";
import { SatisfactionFormula, SurveyAspectTable, SurveyQuestionTable } from "@/components/survey-results";
import { EmptyState } from "@/components/ui/empty-state";
import { db } from "@/db";
import { listAspects } from "@/db/queries/plan";
import { listPaperBatches } from "@/db/queries/survey-paper";
import { collectedForms, problemChoices, surveyComments, surveyOfRound, surveyResults } from "@/db/queries/surveys";
import { todayISO } from "@/lib/deadline-state";
import { publicUrl } from "@/lib/config";
import { SURVEY_STATE_LABELS } from "@/lib/domain";
import { can } from "@/lib/permissions";
import { byAspect, formatRate, overall } from "@/lib/survey";
import { PAPER_BATCHES_SHOWN } from "@/lib/survey-paper";
import { parseId } from "@/lib/validations/common";
import { roundFor } from "../round-data";
import { closeSurveyAction, openSurveyAction } from "./actions";
import { CreateSurveyForm } from "./create-survey-form";
import { PaperBatches } from "./paper-batches";

export const metadata: Metadata = { title: "满意度测评" };

const COMMENTS_SHOWN = 50;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// 群众满意度测评 of a round: the office creates the questionnaire, opens it, prints its link
// and QR code for the public, closes it, and enters the paper forms in batches; whoever reads
// the round reads the results, online and paper together.
export default async function RoundSurveyPage({ params, searchParams }: Props) {
  const { actor, round } = await roundFor(params, "survey.read");
  const manage = can(actor, "survey.manage");
  const survey = surveyOfRound(db, { roundId: round.id });

  if (!survey) {
    if (!manage) return <EmptyState title="本轮次尚未开展群众满意度测评" />;
    const aspects = listAspects(db, { roundId: round.id }).map((a) => ({ id: a.id, label: a.name }));
    const problems = problemChoices(db, { roundId: round.id }).map((p) => ({ id: p.id, label: `问题 ${p.number}:${p.title}` }));
    return (
      <section aria-labelledby="new-survey" className="rounded-lg border border-gray-200 bg-white p-4">
        <h2 id="new-survey" className="mb-3 text-lg font-semibold text-gray-900">
          创建群众满意度测评
        </h2>
        {aspects.length + problems.length === 0 ? (
          <EmptyState title="本轮次尚未录入方面或问题">录入整改方案后,才能按方面或问题设置测评题目。</EmptyState>
        ) : (
          <CreateSurveyForm roundId={round.id} defaultTitle={`${round.name}群众满意度测评`} aspects={aspects} problems={problems} />
        )}
      </section>
    );
  }

  const link = `${publicUrl().replace(/\/$/, "")}/survey/${survey.token}`;
  const qr = await QRCode.toDataURL(link, { errorCorrectionLevel: "M", margin: 2, width: 240 });
  const questions = surveyResults(db, { surveyId: survey.id });
  const total = overall(questions);
  const collected = collectedForms(db, { surveyId: survey.id });
  const forms = collected.online + collected.paper;
  const batches = listPaperBatches(db, { surveyId: survey.id, limit: PAPER_BATCHES_SHOWN });
  const batchParam = (await searchParams).batch;
  const editingId = manage && typeof batchParam === "string" ? parseId(batchParam) : null;
  const comments = surveyComments(db, { surveyId: survey.id, limit: COMMENTS_SHOWN });

  return (
    <div className="space-y-6">
      <section aria-labelledby="survey-state" className="rounded-lg border border-gray-200 bg-white p-4">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div>
            <h2 id="survey-state" className="text-lg font-semibold text-gray-900">
              {survey.title}
            </h2>
            <p className="mt-1 text-sm text-gray-700" data-testid="survey-state">
              状态:{SURVEY_STATE_LABELS[survey.state]} · {survey.questions.length} 道题 · 网上已收到 {collected.online} 份答卷 · 纸质问卷 {collected.paper} 份
            </p>
          </div>
          {manage ? (
            <div className="no-print flex gap-2">
              {survey.state === "open" ? (
                <ConfirmButton
                  action={closeSurveyAction}
                  fields={{ surveyId: survey.id }}
                  label="关闭测评"
                  confirm="确定关闭本次测评吗?关闭后群众打开链接将看到“测评已结束”,已收到的答卷全部保留,纸质问卷仍可继续录入。"
                />
              ) : (
                <ConfirmButton
                  action={openSurveyAction}
                  fields={{ surveyId: survey.id }}
                  label={survey.state === "closed" ? "重新开放" : "开放测评"}
                  variant="primary"
                  confirm="确定开放本次测评吗?开放后任何拿到链接或二维码的人都可以匿名填写。"
                />
              )}
            </div>
          ) : null}
        </div>
      </section>

      <section aria-labelledby="survey-link" className="rounded-lg border border-gray-200 bg-white p-4 print:border-0">
        <h2 id="survey-link" className="text-base font-semibold text-gray-900">
          问卷链接与二维码
        </h2>
        <p className="mt-1 text-sm text-gray-600">群众无需登录,用手机扫描二维码或打开链接即可匿名填写;每台设备只能提交一次。</p>
        <div className="mt-3 flex flex-wrap items-center gap-6">
          {/* eslint-disable-next-line @next/next/no-img-element -- a generated data: URL, nothing to optimise */}
          <img src={qr} alt={`${survey.title}的问卷二维码`} width={240} height={240} className="border border-gray-200" />
          <div className="space-y-2 text-sm">
            <p>
              公开链接:<code className="break-all" data-testid="survey-link">{link}</code>
            </p>
            <div className="no-print">
              <PrintButton label="打印二维码" />
            </div>
          </div>
        </div>
      </section>

      <section aria-labelledby="survey-results" className="space-y-3">
        <h2 id="survey-results" className="text-base font-semibold text-gray-900">
          测评结果
        </h2>
        <p className="text-sm text-gray-800" data-testid="survey-overall">
          总体满意率 {formatRate(total.rate)}(共收回问卷 {forms} 份,其中网上 {collected.online} 份、纸质 {collected.paper} 份;{total.answered} 个作答)
        </p>
        <SatisfactionFormula />
        {forms === 0 ? (
          <EmptyState title="尚未收到答卷">
            {survey.state === "open" ? "把链接或二维码发给群众后,结果会显示在这里;纸质问卷录入后一并计入。" : "开放测评后群众提交的答卷、录入的纸质问卷会汇总在这里。"}
          </EmptyState>
        ) : (
          <>
            <SurveyAspectTable rows={byAspect(questions)} caption="按方面汇总" />
            <SurveyQuestionTable questions={questions} />
          </>
        )}
      </section>

      <PaperBatches
        roundId={round.id}
        surveyId={survey.id}
        closed={survey.state === "closed"}
        manage={manage}
        batches={batches}
        questions={survey.questions.map((q) => ({ position: q.position, text: q.text }))}
        editing={batches.find((b) => b.id === editingId)}
        today={todayISO()}
      />

      {comments.length > 0 ? (
        <section aria-labelledby="survey-comments" className="rounded-lg border border-gray-200 bg-white p-4">
          <h2 id="survey-comments" className="text-base font-semibold text-gray-900">
            群众意见建议(最近 {comments.length} 条)
          </h2>
          <ul className="mt-2 space-y-2 text-sm text-gray-800">
            {comments.map((c) => (
              <li key={c.id} className="border-b border-gray-100 pb-2 whitespace-pre-line">
                {c.comment}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
