import { SEARCH_MAX_LENGTH } from "@/lib/search";

/**
 * The header's 全文检索 box: a plain GET form to /search, so it works before scripts load
 * and from the keyboard (Enter submits); the label is for screen readers. On a phone it takes
 * a row of its own below the navigation, so the header stays as wide as the screen.
 */
export function HeaderSearch() {
  return (
    <form action="/search" method="get" role="search" aria-label="全文检索" className="order-last flex w-full items-center gap-1 sm:order-none sm:ml-auto sm:w-auto">
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
        className="min-w-0 flex-1 rounded-md border border-white/40 bg-white/10 px-2 py-1 text-sm text-white placeholder:text-white/70 focus:bg-white focus:text-gray-900 focus:outline-none sm:w-56 sm:flex-none"
      />
      <button type="submit" className="rounded-md border border-white/40 px-2 py-1 text-sm whitespace-nowrap hover:bg-white/10">
        检索
      </button>
    </form>
  );
}
