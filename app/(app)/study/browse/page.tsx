import type { Metadata } from "next";
import Link from "next/link";
import { Alert, EmptyState, PageHeader } from "@/components/ui";
import { BrowserTable } from "@/components/study/BrowserTable";
import { SearchBox } from "@/components/study/SearchBox";
import { StudyNav } from "@/components/study/StudyNav";
import { requireUser } from "@/lib/auth/session";
import { searchCards } from "@/lib/srs/db/browser";
import { ensureBuiltInDecks } from "@/lib/srs/db/builtin-sync";
import { getDb } from "@/lib/db";
import { bulkAction } from "../actions";
import styles from "../study.module.css";

export const metadata: Metadata = { title: "Browse cards" };
export const dynamic = "force-dynamic";

export default async function BrowsePage({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  const sp = await searchParams;
  const q = typeof sp.q === "string" ? sp.q.slice(0, 1000) : "";
  const page = Math.max(1, Number.parseInt(typeof sp.page === "string" ? sp.page : "1", 10) || 1);
  const user = await requireUser(`/study/browse${q ? `?q=${encodeURIComponent(q)}` : ""}`);
  await ensureBuiltInDecks(user.id);
  const [result, decks] = await Promise.all([
    searchCards(user.id, { q, page }),
    getDb().deck.findMany({ where: { ownerId: user.id }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const href = (p: number) => `/study/browse?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  return (
    <>
      <PageHeader title="Browse cards" description="Find cards with a search, then suspend, move or tag them together." />
      <StudyNav current="/study/browse" />
      <SearchBox q={q} />
      {!result.ok ? (
        <Alert tone="error">
          <p>This search cannot be run:</p>
          <ul>
            {result.errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </Alert>
      ) : result.total === 0 ? (
        <EmptyState title="No card matches">
          <p>
            Try a shorter search, or <Link href="/study/browse">show every card</Link>.
          </p>
        </EmptyState>
      ) : (
        <>
          <p className={styles.muted}>
            {result.total.toLocaleString("en")} card{result.total === 1 ? "" : "s"}
            {result.pageCount > 1 ? ` · page ${result.page} of ${result.pageCount}` : ""} · sorted by due date
          </p>
          <BrowserTable rows={result.rows} total={result.total} q={q} decks={decks} action={bulkAction} />
          {result.pageCount > 1 ? (
            <nav aria-label="Pages" className={`${styles.row} ${styles.section}`}>
              {result.page > 1 ? <Link href={href(result.page - 1)}>← Previous</Link> : null}
              <span className={styles.muted}>
                Page {result.page} of {result.pageCount}
              </span>
              {result.page < result.pageCount ? <Link href={href(result.page + 1)}>Next →</Link> : null}
            </nav>
          ) : null}
        </>
      )}
    </>
  );
}
