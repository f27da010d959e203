import { NextResponse } from "next/server";
import { db } from "@/db";
import { getNotice, listNotices } from "@/db/queries/notices";
import { apiRoute } from "@/server/api";
import { issueNotice } from "@/server/notices";
import { todayISO } from "@/lib/deadline-state";
import { visibleUnitIds } from "@/lib/permissions";
import { issueNoticeSchema, parseNoticeFilter } from "@/lib/validations/notice";
import { noticeDetailJson, noticeSummaryJson } from "./notice-json";

// GET /api/v1/notices?round=&unit=&state=&overdue=1 — a unit gets only its own (and its
// sub-units') notices, the office and leaders all of them.
export const GET = apiRoute({
  permission: "notice.read",
  handle: ({ actor, request }) => {
    const unitIds = visibleUnitIds(actor, "notice.read");
    const filter = parseNoticeFilter(Object.fromEntries(new URL(request.url).searchParams));
    const today = todayISO();
    return { notices: listNotices(db, { unitIds, filter, today }).map((n) => noticeSummaryJson(n, today)) };
  },
});

// POST /api/v1/notices — the office issues a notice; the number is assigned here.
export const POST = apiRoute({
  permission: "notice.issue",
  body: issueNoticeSchema,
  handle: ({ actor, body }) => {
    const notice = issueNotice(actor, body);
    return NextResponse.json({ notice: noticeDetailJson(getNotice(db, { id: notice.id })!, todayISO()) }, { status: 201 });
  },
});
