import { SEARCH_MAX_LENGTH } from "@/lib/search";

/**
 * The header's 全文检索 box: a plain GET form to /search, so it works before scripts load
 * and from the keyboard (Enter submits); the label is for screen readers.
 */
export function HeaderSearch() {
  return (
    <form action="/search" method="get" role="search" aria-label="全文检索" className="flex items-center gap-1">
      <label htmlFor="header-search" className="sr-only">
        全文检索
      </label>
      <input
        id="header-search"
        type="search"
        name="q"
        required
        maxLength={SEARCH_MAX_LENGTH}
        placeholder="检索问题、措施、进展…"
        className="w-40 rounded-md border border-white/40 bg-white/10 px-2 py-1 text-sm text-white placeholder:text-white/70 focus:bg-white focus:text-gray-900 focus:outline-none sm:w-56"
      />
      <button type="submit" className="rounded-md border border-white/40 px-2 py-1 text-sm whitespace-nowrap hover:bg-white/10">
        检索
      </button>
    </form>
  );
}
