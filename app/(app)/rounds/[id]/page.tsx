import { redirect } from "next/navigation";
import { roundOf } from "./round-data";

export default async function RoundPage({ params }: { params: Promise<{ id: string }> }) {
  const round = await roundOf(params);
  redirect(`/rounds/${round.id}/problems`);
}
