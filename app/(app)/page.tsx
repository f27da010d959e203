import { redirect } from "next/navigation";
import { homeFor } from "@/components/nav-items";
import { requireActor } from "@/server/session";

// Each role lands on its own first screen: 整改办 → 轮次, 责任单位 → 我的任务, 领导 → 驾驶舱.
export default async function Home() {
  redirect(homeFor(await requireActor()));
}
