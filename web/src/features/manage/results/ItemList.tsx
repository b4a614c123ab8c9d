/**
 * The left pane: filters, then the items as a list of buttons, one selected. Two sources, one at a time: the item
 * list (status, gold, search) or, when a confidence range is set for a question, the results list, which filters by
 * that question's aggregate; the other filters then do not apply and say so. A preview shows its Markdown inline
 * (emphasis and code; no links inside the button).
 */
import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import type { Question } from '../../../schema';
import { MarkdownInline } from '../../../components/Markdown';
import { ConfidenceBar } from './ConfidenceBar';
import { STATUS_LABELS } from './format';
import type { ItemStatus } from './types';

export interface BrowseFilters {
  status?: ItemStatus | undefined;
  gold?: boolean | undefined;
  q?: string | undefined;
  question?: string | undefined;
  /** Percent, 0..100. */
  min?: number | undefined;
  max?: number | undefined;
}

/** One row of the list, whichever source it came from. */
export interface ListRow {
  id: string;
  title: string;
  preview?: string;
  status?: ItemStatus;
  judgments?: number;
  judgmentsNeeded?: number;
  isGold?: boolean;
  /** In confidence mode: the chosen question's answer summary and confidence. */
  answer?: string;
  confidence?: number | null;
}

export const isConfidenceMode = (f: BrowseFilters) => !!f.question && (f.min !== undefined || f.max !== undefined);

interface Props {
  filters: BrowseFilters;
  onFilters: (next: BrowseFilters) => void;
  /** Questions that have an aggregate with a confidence. */
  questions: Question[];
  seesGold: boolean;
  rows: ListRow[];
  selected: string | null;
  onSelect: (id: string) => void;
  loading: boolean;
  error?: React.ReactNode;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  searchRef: RefObject<HTMLInputElement | null>;
  /** In confidence mode: what the listed confidences rest on, in words ("calibrated on 31 gold items"). */
  basis?: string | undefined;
}

const percent = (v: string): number | undefined => (v.trim() === '' || !Number.isFinite(Number(v)) ? undefined : Math.min(100, Math.max(0, Number(v))));

export function ItemList({ filters, onFilters, questions, seesGold, rows, selected, onSelect, loading, error, hasMore, loadingMore, onLoadMore, searchRef, basis }: Props) {
  const id = useId();
  const [search, setSearch] = useState(filters.q ?? '');
  const confidenceMode = isConfidenceMode(filters);
  // The latest filters for the debounced search below, without restarting its timer on every render.
  const latest = useRef({ filters, onFilters });
  useEffect(() => {
    latest.current = { filters, onFilters };
  });
  // Search as one types, once typing pauses: one request per pause, not per keystroke.
  useEffect(() => {
    if (search === (latest.current.filters.q ?? '')) return;
    const t = setTimeout(() => latest.current.onFilters({ ...latest.current.filters, q: search || undefined }), 300);
    return () => clearTimeout(t);
  }, [search]);

  const sentinel = useRef<HTMLLIElement>(null);
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasMore || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && !loadingMore) onLoadMore();
    });
    io.observe(el);
    return () => io.disconnect();
  }, [hasMore, loadingMore, onLoadMore]);

  const selectedRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // A block body: Chromium's scrollIntoView now returns a promise, which React would take for a cleanup function.
    selectedRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [selected]);

  return (
    <div className="results-list">
      <div className="results-filters" role="search" aria-label="Filter items">
        <label className="field results-search">
          <span>
            Search <kbd aria-hidden="true">/</kbd>
          </span>
          <input
            ref={searchRef}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="Text, id or external id"
            disabled={confidenceMode}
          />
        </label>
        <div className="results-filter-row">
          <label className="field">
            <span>Status</span>
            <select
              value={filters.status ?? ''}
              disabled={confidenceMode}
              onChange={(e) => onFilters({ ...filters, status: (e.target.value || undefined) as ItemStatus | undefined })}
            >
              <option value="">Any</option>
              {(Object.keys(STATUS_LABELS) as ItemStatus[]).map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
          {seesGold && (
            <label className="field">
              <span>Gold</span>
              <select
                value={filters.gold === undefined ? '' : String(filters.gold)}
                disabled={confidenceMode}
                onChange={(e) => onFilters({ ...filters, gold: e.target.value === '' ? undefined : e.target.value === 'true' })}
              >
                <option value="">All items</option>
                <option value="true">Gold only</option>
                <option value="false">Without gold</option>
              </select>
            </label>
          )}
        </div>
        <fieldset className="results-confidence">
          <legend>Confidence</legend>
          <label className="field">
            <span>Question</span>
            <select value={filters.question ?? ''} onChange={(e) => onFilters({ ...filters, question: e.target.value || undefined })}>
              <option value="">Choose…</option>
              {questions.map((q) => (
                <option key={q.id} value={q.id}>
                  {q.prompt}
                </option>
              ))}
            </select>
          </label>
          <ConfidenceBound label="From %" value={filters.min} disabled={!filters.question} onChange={(min) => onFilters({ ...filters, min })} />
          <ConfidenceBound label="To %" value={filters.max} disabled={!filters.question} onChange={(max) => onFilters({ ...filters, max })} />
        </fieldset>
        {confidenceMode && <p className="muted small">Listing aggregated items by confidence: status, gold and search do not apply.</p>}
        {confidenceMode && basis && <p className="small confidence-basis">Confidences: {basis}.</p>}
      </div>

      <p className="muted small results-count" id={`${id}-help`}>
        <kbd>↑</kbd> <kbd>↓</kbd> move through the list
      </p>
      {error}
      {loading ? null : rows.length === 0 ? (
        <p className="status empty">No items match.</p>
      ) : (
        <ul className="results-items" aria-label="Items" aria-describedby={`${id}-help`}>
          {rows.map((row) => {
            const isSelected = row.id === selected;
            return (
              <li key={row.id}>
                <button
                  type="button"
                  ref={isSelected ? selectedRef : undefined}
                  className={`results-item${isSelected ? ' selected' : ''}`}
                  aria-current={isSelected ? 'true' : undefined}
                  onClick={() => onSelect(row.id)}
                >
                  <span className="results-item-head">
                    <span className="results-item-title">{row.title}</span>
                    {row.isGold && <span className="badge gold">Gold</span>}
                    {row.status && <span className={`badge status-${row.status}`}>{STATUS_LABELS[row.status]}</span>}
                    {row.judgments !== undefined && (
                      <span className="muted small" aria-label={`${row.judgments} of ${row.judgmentsNeeded} judgments`}>
                        {row.judgments}/{row.judgmentsNeeded}
                      </span>
                    )}
                  </span>
                  {row.preview && <MarkdownInline source={row.preview} className="results-item-preview" />}
                  {row.answer !== undefined && (
                    <span className="results-item-answer">
                      <span>{row.answer}</span>
                      <ConfidenceBar value={row.confidence ?? null} label="Confidence" />
                    </span>
                  )}
                </button>
              </li>
            );
          })}
          {hasMore && (
            <li ref={sentinel} className="results-more">
              <button type="button" className="btn small" onClick={onLoadMore} disabled={loadingMore}>
                {loadingMore ? 'Loading…' : 'Load more'}
              </button>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}

/** One end of the confidence range, in percent (5-point steps); empty is no bound. */
function ConfidenceBound({ label, value, disabled, onChange }: { label: string; value: number | undefined; disabled: boolean; onChange: (v: number | undefined) => void }) {
  return (
    <label className="field">
      <span>{label}</span>
      <input type="number" min={0} max={100} step={5} value={value ?? ''} disabled={disabled} onChange={(e) => onChange(percent(e.target.value))} />
    </label>
  );
}
