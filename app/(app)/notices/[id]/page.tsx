import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { ConfirmButton } from "@/components/confirm-button";
import { NoticeLevelBadge, NoticeStateBadge } from "@/components/notice-badges";
import { StatusBadge } from "@/components/status-badge";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/db";
import { getNotice, type NoticeDetail } from "@/db/queries/notices";
import { todayISO } from "@/lib/deadline-state";
import { isReplyOverdue, noticeNumber } from "@/lib/notice";
import { can } from "@/lib/permissions";
import { assertCanSee, requirePermission } from "@/server/session";
import { parseId } from "@/lib/validations/common";
import { closeNoticeAction } from "../actions";
import { ReplyForm } from "../reply-form";

export const metadata: Metadata = { title: "督办单" };

const TIME = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "medium", timeStyle: "short" });

export default async function NoticePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("notice.read");
  const id = parseId((await params).id);
  if (!id) notFound();
  const detail = getNotice(db, { id });
  // Another unit's notice is a 404: the page neither shows nor confirms that it exists.
  assertCanSee(actor, "notice.read", detail?.ownership);
  const { notice, measures } = detail!;
  const overdue = isReplyOverdue(notice, todayISO());
  const mayReply = notice.state === "open" && can(actor, "notice.reply", detail!.ownership);
  const mayClose = notice.state !== "closed" && can(actor, "notice.issue");
  return (
    <>
      <PageHeader
        title={noticeNumber(notice)}
        description={`${detail!.roundName} · 发给${detail!.unitName}`}
        actions={
          <Link href="/notices" className="rounded-md border border-gray-300 bg-white px-3 py-2 text-sm text-gray-800 hover:bg-gray-50">
            返回督办列表
          </Link>
        }
      />
      <dl className={`grid gap-x-6 gap-y-3 rounded-lg border bg-white p-5 text-sm md:grid-cols-3 ${overdue ? "border-red-300" : "border-gray-200"}`}>
        <Item label="督办等级">
          <NoticeLevelBadge level={notice.level} />
        </Item>
        <Item label="责任单位">{detail!.unitName}</Item>
        <Item label="轮次">{detail!.roundName}</Item>
        <Item label="回复期限">
          <span className={overdue ? "font-medium text-red-700" : undefined}>{notice.replyDeadline}</span>
        </Item>
        <Item label="状态">
          <NoticeStateBadge state={notice.state} overdue={overdue} />
        </Item>
        <Item label="发出">
          {detail!.issuedByName} · {TIME.format(notice.createdAt)}
        </Item>
        <div className="md:col-span-3">
          <dt className="text-xs text-gray-500">督办要求</dt>
          <dd className="mt-0.5 leading-6 whitespace-pre-wrap text-gray-900">{notice.request}</dd>
        </div>
      </dl>

      <h2 className="mt-8 mb-3 font-semibold">涉及的整改措施</h2>
      <ul className="divide-y divide-gray-100 rounded-lg border border-gray-200 bg-white text-sm">
        {measures.map((m) => (
          <li key={m.id} className="flex flex-wrap items-start justify-between gap-2 px-4 py-3">
            <Link href={`/measures/${m.id}`} className="flex-1 text-brand-700 hover:underline">
              问题{m.problemNumber} · {m.text}
            </Link>
            <span className="flex items-center gap-2 text-xs text-gray-500">
              时限 {m.deadline ?? "—"} <StatusBadge status={m.status} />
            </span>
          </li>
        ))}
      </ul>

      <h2 className="mt-8 mb-3 font-semibold">办理过程</h2>
      <Timeline detail={detail!} />

      {mayReply ? (
        <section aria-labelledby="reply-heading" className="mt-8">
          <h2 id="reply-heading" className="mb-3 font-semibold">回复督办单</h2>
          <ReplyForm noticeId={notice.id} />
        </section>
      ) : null}
      {mayClose ? (
        <section aria-labelledby="close-heading" className="mt-8 rounded-lg border border-gray-200 bg-white p-4">
          <h2 id="close-heading" className="mb-2 font-semibold">办结</h2>
          <p className="mb-3 text-sm text-gray-600">
            {notice.state === "replied" ? "单位已回复。核实回复内容后办结此督办单。" : "单位尚未回复。确有必要时可直接办结。"}
          </p>
          <ConfirmButton
            action={closeNoticeAction}
            fields={{ noticeId: notice.id }}
            label="办结督办单"
            variant="secondary"
            // Closing an unanswered notice ends the chase, so it asks first.
            confirm={notice.state === "open" ? "该督办单尚未回复,确定直接办结吗?" : undefined}
          />
        </section>
      ) : null}
    </>
  );
}

function Timeline({ detail }: { detail: NoticeDetail }) {
  const { notice } = detail;
  const events: { key: string; at: Date; title: string; body?: string }[] = [
    { key: "issue", at: notice.createdAt, title: `${detail.issuedByName} 发出督办单` },
  ];
  if (notice.repliedAt) {
    events.push({ key: "reply", at: notice.repliedAt, title: `${detail.repliedByName ?? "责任单位"} 回复`, body: notice.reply ?? "" });
  }
  if (notice.closedAt) events.push({ key: "close", at: notice.closedAt, title: `${detail.closedByName ?? "整改办"} 办结` });
  return (
    <ol aria-label="办理过程" className="space-y-3 border-l-2 border-gray-200 pl-4">
      {events.map((e) => (
        <li key={e.key} className="text-sm">
          <p className="text-xs text-gray-500">
            <time dateTime={e.at.toISOString()}>{TIME.format(e.at)}</time>
          </p>
          <p className="font-medium text-gray-900">{e.title}</p>
          {e.body ? <p className="mt-1 rounded-md bg-white p-3 leading-6 whitespace-pre-wrap ring-1 ring-gray-200">{e.body}</p> : null}
        </li>
      ))}
    </ol>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-gray-500">{label}</dt>
      <dd className="mt-0.5 text-gray-900">{children}</dd>
    </div>
  );
}
