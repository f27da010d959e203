import { redirect } from "next/navigation";
import { roundFor } from "./round-data";

export default async function RoundPage({ params }: { params: Promise<{ id: string }> }) {
  const { round } = await roundFor(params, "round.read");
  redirect(`/rounds/${round.id}/problems`);
}
