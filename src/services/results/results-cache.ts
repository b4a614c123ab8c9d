/**
 * The last computed aggregate per project, in memory, keyed by what its inputs are (schema version, annotation
 * count, newest annotation, gold count): a browser paging through results, or opening item after item, computes it
 * once. Concurrent requests for the same inputs share one computation. Bounded: the least recently used project is
 * dropped first. Issue 6 replaces this with a persistent, incrementally updated table.
 */
export class ResultsCache<T> {
  private readonly entries = new Map<string, { version: string; value: Promise<T> }>();

  constructor(private readonly maxProjects = 16) {}

  /** The value for `version` of `projectId`, computing it with `compute` unless it is already there or underway. */
  get(projectId: string, version: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(projectId);
    if (hit && hit.version === version) {
      // Re-insert: Map order is the recency order.
      this.entries.delete(projectId);
      this.entries.set(projectId, hit);
      return hit.value;
    }
    const value = compute();
    const entry = { version, value };
    this.entries.delete(projectId);
    this.entries.set(projectId, entry);
    // A failed computation is not cached: the next request tries again.
    value.catch(() => {
      if (this.entries.get(projectId) === entry) this.entries.delete(projectId);
    });
    while (this.entries.size > this.maxProjects) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
