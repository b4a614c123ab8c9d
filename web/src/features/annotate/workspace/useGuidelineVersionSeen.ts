/**
 * Remembers, per project and in this browser, the last guideline version the annotator worked under, so a task
 * under a newer version can point out that the rules changed. Acknowledging records the new version.
 */
import { useCallback, useEffect, useState } from 'react';

const storageKey = (projectId: string) => `assay.guidelines-seen.${projectId}`;

function readSeen(projectId: string): number | null {
  try {
    const v = Number(window.localStorage.getItem(storageKey(projectId)));
    return Number.isInteger(v) && v > 0 ? v : null;
  } catch {
    return null; // storage blocked: no notice rather than a broken page
  }
}

function writeSeen(projectId: string, version: number) {
  try {
    window.localStorage.setItem(storageKey(projectId), String(version));
  } catch {
    // storage blocked: the notice shows again next time, which is harmless
  }
}

/**
 * The previous version when `version` differs from the last one seen (null otherwise), and a way to acknowledge it.
 * Reads the record once per mount: the workspace mounts this per task, so an unacknowledged change is pointed out
 * again on the next task.
 */
export function useGuidelineVersionSeen(projectId: string, version: number): { changedFrom: number | null; acknowledge: () => void } {
  const [seen] = useState(() => readSeen(projectId));
  const [acknowledged, setAcknowledged] = useState(false);
  useEffect(() => {
    if (seen === null) writeSeen(projectId, version); // the first visit: nothing changed for this annotator
  }, [seen, projectId, version]);
  const acknowledge = useCallback(() => {
    writeSeen(projectId, version);
    setAcknowledged(true);
  }, [projectId, version]);
  return { changedFrom: seen !== null && seen !== version && !acknowledged ? seen : null, acknowledge };
}
