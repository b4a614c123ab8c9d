/** The foot of a cursor-paged list: how many are shown, and a button for the next page while there is one. */
export function LoadMore({
  shown,
  noun,
  hasMore,
  loading,
  onMore,
}: {
  shown: number;
  noun: string;
  hasMore: boolean;
  loading: boolean;
  onMore: () => void;
}) {
  return (
    <div className="load-more">
      <span className="muted small" aria-live="polite">
        {shown} {noun}
        {shown === 1 ? '' : 's'} shown{hasMore ? '' : ', all loaded'}
      </span>
      {hasMore && (
        <button type="button" className="btn" onClick={onMore} disabled={loading}>
          {loading ? 'Loading…' : 'Load more'}
        </button>
      )}
    </div>
  );
}
