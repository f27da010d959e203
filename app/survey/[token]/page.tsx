import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/db";
import { publicSurvey } from "@/db/queries/surveys";
import { SURVEY_TOKEN_PATTERN } from "@/lib/survey";
import { SurveyForm } from "./survey-form";

type Props = { params: Promise<{ token: string }> };

// The public page of a 群众满意度测评: no sign-in, outside the app's layout, reachable only
// by its link. It shows the survey's title, its intro and its questions' texts — nothing of
// the round, the plan or the app — and links nowhere.

async function surveyOf(params: Props["params"]) {
  const { token } = await params;
  return SURVEY_TOKEN_PATTERN.test(token) ? publicSurvey(db, { token }) : undefined;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const survey = await surveyOf(params);
  return { title: { absolute: survey?.title ?? "满意度测评" }, robots: { index: false, follow: false }, referrer: "no-referrer" };
}

export default async function PublicSurveyPage({ params }: Props) {
  const survey = await surveyOf(params);
  if (!survey) notFound();
  const { token } = await params;
  return (
    <main className="mx-auto max-w-2xl px-4 py-8">
      <h1 className="text-xl font-semibold text-gray-900">{survey.title}</h1>
      {survey.state === "open" ? (
        <>
          {survey.intro ? <p className="mt-2 text-sm whitespace-pre-line text-gray-700">{survey.intro}</p> : null}
          <p className="mt-2 text-xs text-gray-500">本问卷匿名填写,不收集姓名、电话等个人信息。每台设备只能提交一次。</p>
          <SurveyForm token={token} questions={survey.questions} />
        </>
      ) : (
        <p role="status" className="mt-6 rounded-md bg-gray-100 px-4 py-6 text-center text-gray-800">
          {survey.state === "closed" ? "本次测评已结束,感谢您的关注。" : "本次测评尚未开始,请在开放后再来填写。"}
        </p>
      )}
    </main>
  );
}
