export interface PagerProps {
  newerHref?: string | undefined;
  olderHref?: string | undefined;
}

/** Newer/older links over a keyset list; page numbers would shift as news arrives, these do not. */
export function Pager({ newerHref, olderHref }: PagerProps) {
  if (!newerHref && !olderHref) return null;
  return (
    <nav class="pager" aria-label="صفحه‌بندی">
      {newerHref ? (
        <a class="pager__newer" href={newerHref} rel="prev">
          → خبرهای جدیدتر
        </a>
      ) : (
        <span />
      )}
      {olderHref && (
        <a class="pager__older" href={olderHref} rel="next">
          خبرهای قدیمی‌تر ←
        </a>
      )}
    </nav>
  );
}
