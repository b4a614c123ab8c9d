/**
 * The annotator's task loop for one project: claim a task, then submit or skip it, each answered by the next
 * task in the same round trip. Holds what is on screen (a task, "nothing to do", or an error) and a notice for
 * events the annotator should hear about (a lease that expired, a task already submitted elsewhere).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../api/client';
import type { Task } from '../../../api/types';
import { claimTask, skipTask, submitTask, type Claim, type NoTask, type Submission } from './task-api';
import { myProgressKey } from './queries';

export type FlowState =
  | { phase: 'claiming' }
  | { phase: 'task'; task: Task }
  | { phase: 'none'; noTask: NoTask }
  | { phase: 'error'; error: unknown };

export interface TaskFlow {
  state: FlowState;
  /** A submit or skip is in flight. */
  busy: 'submit' | 'skip' | null;
  /** "Check again" from the no-task screen is in flight (the screen stays up meanwhile). */
  checking: boolean;
  /** Something the annotator should know that is not an error of their answers. */
  notice: string | null;
  claim: () => Promise<void>;
  /** Resolves true when stored; rejects with the ApiError when the answers were refused (400). */
  submit: (s: Submission) => Promise<boolean>;
  skip: (reason: string) => Promise<boolean>;
}

export function useTaskFlow(projectId: string): TaskFlow {
  const queryClient = useQueryClient();
  const [state, setState] = useState<FlowState>({ phase: 'claiming' });
  const [busy, setBusy] = useState<TaskFlow['busy']>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const inFlight = useRef(false);

  const show = useCallback((c: Claim) => setState(c.task ? { phase: 'task', task: c.task } : { phase: 'none', noTask: c.noTask }), []);

  const claim = useCallback(async () => {
    // Checking again from "nothing to do" keeps that screen up instead of flashing a spinner.
    setState((s) => (s.phase === 'none' ? s : { phase: 'claiming' }));
    setChecking(true);
    try {
      show(await claimTask(projectId));
    } catch (error) {
      setState({ phase: 'error', error });
    } finally {
      setChecking(false);
    }
  }, [projectId, show]);

  // The first claim; its result arrives asynchronously (the initial state already says "claiming").
  useEffect(() => {
    let live = true;
    claimTask(projectId).then(
      (c) => live && show(c),
      (error: unknown) => live && setState({ phase: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [projectId, show]);

  /** Runs a submit or skip; the task's own problems (lease gone, already done) move on to a fresh task. */
  const act = useCallback(
    async (kind: 'submit' | 'skip', run: (task: Task) => Promise<Claim>): Promise<boolean> => {
      if (state.phase !== 'task' || inFlight.current) return false;
      inFlight.current = true;
      setBusy(kind);
      setNotice(null);
      try {
        show(await run(state.task));
        void queryClient.invalidateQueries({ queryKey: myProgressKey(projectId) });
        return true;
      } catch (err) {
        if (isApiError(err, 'lease_expired') || isApiError(err, 'not_found') || (isApiError(err, 'conflict') && err.field === 'assignmentId')) {
          setNotice(`${err.message}. Here is a fresh task.`);
          await claim();
          return false;
        }
        throw err;
      } finally {
        inFlight.current = false;
        setBusy(null);
      }
    },
    [state, show, claim, queryClient, projectId],
  );

  const submit = useCallback((s: Submission) => act('submit', (task) => submitTask(task, s)), [act]);
  const skip = useCallback((reason: string) => act('skip', (task) => skipTask(task, reason)), [act]);

  return { state, busy, checking, notice, claim, submit, skip };
}
