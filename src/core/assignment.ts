/**
 * The assignment vocabulary: where a lease (an item given to one annotator) stands, and why a claim hands out nothing.
 * The claim and submit that move a lease between these states are `store/claims.ts`; the rules that choose what to
 * serve are `services/tasks/next-task.ts`.
 */
import { ROUTING_REASONS } from './routing.js';

/** `leased`: the annotator holds it until `lease_expires_at`; the other three are final (a lease closes once). */
export const ASSIGNMENT_STATUSES = ['leased', 'submitted', 'skipped', 'expired'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/** How a lease ends: every status but `leased`. */
export type ClosedAssignmentStatus = Exclude<AssignmentStatus, 'leased'>;

/** Why there is no task: the client tells "finished" from "come back later" by this, not by the message. */
export const NO_TASK_REASONS = [
  'project_inactive',
  'no_items',
  'project_finished',
  'none_eligible',
  'paused',
  ...ROUTING_REASONS,
  'qualification_not_started',
  'qualification_complete',
] as const;
export type NoTaskReason = (typeof NO_TASK_REASONS)[number];
