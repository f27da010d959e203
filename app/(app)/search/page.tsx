import type { Metadata } from "next";
import { FILTER_CONTROL, FilterSelect } from "@/components/filter-form";
import Link from "@/components/link";
import { Pagination } from "@/components/pagination";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/db";
import { unitsInRound } from "@/db/queries/plan";
import { searchableRounds, SEARCH_COUNT_CAP } from "@/db/queries/search";
import { STATUS_LABELS, STATUSES } from "@/lib/domain";
import { SEARCH_KIND_LABELS, SEARCH_KINDS, SEARCH_MAX_LENGTH, searchScopeOf } from "@/lib/search";
import { parseSearchQuery, type SearchQuery } from "@/lib/validations/search";
import { search, type FoundGroup } from "@/server/search";
import { requirePermission } from "@/server/session";
import { SearchHitItem } from "./search-hit";

export const metadata: Metadata = { title: "全文检索" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// 全文检索 across every round the user may read (issue 18): grouped by kind with each
// group's best hits, or one kind page by page. The header's box sends its text here.
export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission("search.read");
  const params = await searchParams;
  const scope = searchScopeOf(actor);
  const parsed = params.q === undefined ? null : parseSearchQuery(params);
  const query = parsed && "query" in parsed ? parsed.query : null;
  const rounds = searchableRounds(db, { scope });
  // The unit filter lists the units of one round: the province's thousands would not fit a list.
  const units = query?.round && scope.unitIds === null ? unitsInRound(db, { roundId: query.round }) : [];
  const answer = query ? search(scope, query) : null;
  const total = answer?.groups.reduce((sum, g) => sum + g.total, 0) ?? 0;
  const text = typeof params.q === "string" ? params.q : "";
  return (
    <>
      <PageHeader title="全文检索" description="检索您有权查看的各轮次问题、整改措施、整改进展、督办单和建章立制。" />
      <form method="get" role="search" aria-label="检索条件" className="no-print mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-gray-200 bg-white p-3 text-sm">
        <label className="flex min-w-64 flex-1 flex-col gap-1">
          <span className="text-xs text-gray-600">检索内容</span>
          <input
            type="search"
            name="q"
            defaultValue={text}
            maxLength={SEARCH_MAX_LENGTH}
            aria-describedby={parsed && "error" in parsed ? "search-error" : "search-hint"}
            className={FILTER_CONTROL}
          />
        </label>
        <FilterSelect name="round" label="轮次" value={query?.round} allLabel="全部轮次" className="max-w-64" options={rounds.map((r) => ({ value: r.id, label: r.name }))} />
        {units.length ? <FilterSelect name="unit" label="责任单位" value={query?.unit} allLabel="全部单位" options={units.map((u) => ({ value: u.id, label: u.name }))} /> : null}
        <FilterSelect name="status" label="整改状态" value={query?.status} allLabel="全部状态" options={STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))} />
        <FilterSelect name="kind" label="类别" value={query?.kind} allLabel="全部类别" options={SEARCH_KINDS.filter((k) => scope.kinds.includes(k)).map((k) => ({ value: k, label: SEARCH_KIND_LABELS[k] }))} />
        <label className="flex flex-col gap-1">
          <span className="text-xs text-gray-600">起始日期</span>
          <input type="date" name="from" defaultValue={query?.from ?? ""} className={FILTER_CONTROL} />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs text-gray-600">截止日期</span>
          <input type="date" name="to" defaultValue={query?.to ?? ""} className={FILTER_CONTROL} />
        </label>
        <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700">
          检索
        </button>
      </form>
      <p id="search-hint" className="no-print mb-4 text-xs text-gray-500">
        多个词用空格分开,须同时出现,按相关度排序。两个字的词(如“党建”“食堂”)也可检索;单个字逐条比对,按时间由近及远排列。日期指报送、印发或录入的日期。
      </p>
      {parsed && "error" in parsed ? (
        <p id="search-error" role="alert" className="mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {parsed.error}
        </p>
      ) : null}
      {!answer ? (
        parsed ? null : <EmptyState title="请输入要检索的内容">例如:公车、党建工作、违规发放津补贴。</EmptyState>
      ) : total === 0 ? (
        <EmptyState title="没有找到匹配的内容">请换一个词,或放宽轮次、状态和日期条件。</EmptyState>
      ) : (
        <>
          <p className="mb-4 text-sm text-gray-700" aria-live="polite">
            共找到 {total > SEARCH_COUNT_CAP ? `${SEARCH_COUNT_CAP} 条以上` : `${total} 条`}结果(用时 {answer.ms} 毫秒)。
          </p>
          {answer.groups
            .filter((g) => g.total > 0)
            .map((group) => (
              <Group key={group.kind} group={group} query={query!} single={query?.kind !== undefined} />
            ))}
          {query?.kind ? <Pagination page={answer.page} pages={answer.pages} hrefFor={(p) => hrefWith(query, { page: p })} /> : null}
        </>
      )}
    </>
  );
}

function Group({ group, query, single }: { group: FoundGroup; query: SearchQuery; single: boolean }) {
  const count = group.total > SEARCH_COUNT_CAP ? `${SEARCH_COUNT_CAP}+` : String(group.total);
  return (
    <section aria-labelledby={`group-${group.kind}`} className="mb-6">
      <h2 id={`group-${group.kind}`} className="mb-2 flex items-baseline gap-3 font-semibold">
        {group.label}
        <span className="text-sm font-normal text-gray-500">{count} 条</span>
        {!single && group.total > group.hits.length ? (
          <Link href={hrefWith(query, { kind: group.kind, page: undefined })} className="no-print text-sm font-normal text-brand-700 hover:underline">
            查看全部{group.label}结果
          </Link>
        ) : null}
      </h2>
      <ol className="space-y-2">
        {group.hits.map((hit) => (
          <SearchHitItem key={`${hit.kind}-${hit.id}`} hit={hit} />
        ))}
      </ol>
    </section>
  );
}

function hrefWith(query: SearchQuery, change: Partial<SearchQuery>): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(next)) if (value !== undefined && value !== "") params.set(key, String(value));
  return `/search?${params.toString()}`;
}
