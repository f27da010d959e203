import Link from "@/components/link";
import type { FoundHit } from "@/server/search";

/** One hit: its title (a link to its page), round and date, and the snippet with the words marked. */
export function SearchHitItem({ hit }: { hit: FoundHit }) {
  return (
    <li className="rounded-lg border border-gray-200 bg-white p-3 text-sm">
      <p className="font-medium">
        {hit.href ? (
          <Link href={hit.href} className="text-brand-700 underline-offset-2 hover:underline">
            {hit.title}
          </Link>
        ) : (
          hit.title
        )}
      </p>
      <p className="mt-1 text-xs text-gray-500">
        {hit.roundName}
        {hit.date ? ` · ${hit.date}` : ""}
      </p>
      {/* Parts are text nodes and <mark> elements: the user's text is never read as HTML. */}
      <p className="mt-1 leading-6 text-gray-800">
        {hit.parts.map((part, i) =>
          part.mark ? (
            <mark key={i} className="rounded-sm bg-yellow-200 px-0.5 text-gray-900">
              {part.text}
            </mark>
          ) : (
            <span key={i}>{part.text}</span>
          ),
        )}
      </p>
    </li>
  );
}
