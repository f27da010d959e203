import { sql } from "drizzle-orm";
import { NextResponse } from "next/server";
import { db } from "@/db";

// Liveness for load balancers and the test harness: the database answers.
export function GET() {
  try {
    db.get(sql`select 1`);
    return NextResponse.json({ status: "ok" });
  } catch (error) {
    console.error("[rectify] health check failed", error);
    return NextResponse.json({ status: "error", message: "数据库不可用" }, { status: 503 });
  }
}
