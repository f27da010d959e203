import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { signedInActor } from "@/server/session";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await signedInActor();
  return <AppShell actor={actor}>{children}</AppShell>;
}
