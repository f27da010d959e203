import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { requireActor } from "@/server/session";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  return <AppShell actor={actor}>{children}</AppShell>;
}
