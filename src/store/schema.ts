/**
 * One interface per table and the `DB` map Kysely types every query with. Row types elsewhere are derived from these
 * (`Selectable<UsersTable>`, ...), never retyped. Conventions that hold in both dialects (see `dialect.ts`):
 * - ids are opaque text (`prefix_` + 20 random base64url chars), never sequential;
 * - timestamps are ISO-8601 UTC text (`2026-11-25T08:15:46.123Z`): fixed width, so they sort and compare as strings;
 * - JSON columns hold objects or arrays (`jsonb` on PostgreSQL, text on SQLite): read them with `fromJson`;
 * - booleans are integers 0/1, so one comparison serves both engines.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** A JSON column: written as a string (JSON.stringify), read as a string (SQLite) or parsed value (PostgreSQL). */
export type JsonColumn = ColumnType<unknown, string, string>;

export interface OrganizationsTable {
  id: string;
  name: string;
  created_at: string;
}

/** At most one row (id 'first-run'): the first organization was set up, by `assay init` or the first-run screen. */
export interface InstanceSetupTable {
  id: string;
  org_id: string;
  via: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  org_id: string;
  email: string;
  name: string;
  role: string;
  vendor_id: string | null;
  /** Stable pseudonym used in exports instead of the name or email. */
  pseudonym: string;
  password_hash: string | null;
  /** 1 while the user may sign in. */
  active: number;
  created_at: string;
}

export interface SessionsTable {
  /** sha256 of the cookie's token: a leaked table grants no session. */
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  /** sha256 of the secret part; the plaintext is shown once at creation. */
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface VendorsTable {
  id: string;
  org_id: string;
  name: string;
  kind: string;
  created_at: string;
  /** 'per_task' or 'per_hour'; null until pay terms are set. */
  pay_model: Generated<string | null>;
  /** The rate in integer minor units of `currency`. */
  pay_rate_minor: Generated<number | null>;
  /** ISO 4217 code. */
  currency: Generated<string | null>;
}

export interface AnnotatorProfilesTable {
  user_id: string;
  domains: JsonColumn;
  credentials: JsonColumn;
  languages: JsonColumn;
  pay_rate_minor: number | null;
  currency: string | null;
}

export interface ProjectsTable {
  id: string;
  org_id: string;
  name: string;
  description: string;
  status: string;
  schema_version: number;
  guideline_version: number;
  overlap_k: number;
  gold_rate: number;
  /** What a missed gold item shows the annotator after submit: 'audit' (nothing) or 'feedback' (answer, explanation). */
  gold_feedback: string;
  /** Quality gate (1 on): its rules are derived from `gate_floor` and a guesser's chance rate `gate_chance` (null:
   * from the schema's options); see core/gold/gate-rule.ts. */
  gate_enabled: number;
  gate_floor: number;
  gate_chance: number | null;
  lease_seconds: number;
  priority: number;
  /** The domain an annotator's profile must have (e.g. `medicine`; `medicine/cardiology` matches it); null: any. */
  domain: string | null;
  /** The least measured skill in `domain` (posterior mean of accuracy, from qualifications and gold) to be served. */
  min_skill: number;
  /** `production`, or `qualification`: a gold set with its settings in `qualifications`, never in production. */
  kind: string;
  /** `fixed`: exactly `overlap_k` judgments; `adaptive`: from `overlap_k`, one more at a time until the item's
   * confidence reaches `overlap_tau` or it has `overlap_k_max`. */
  overlap_mode: string;
  overlap_k_max: number;
  overlap_tau: number;
  /** 1: results and exports leave out the annotations of annotators paused on the project. */
  exclude_paused: number;
  /** Next import position; items are served in import order within a priority. */
  next_seq: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface ProjectSchemasTable {
  project_id: string;
  version: number;
  schema: JsonColumn;
  created_by: string;
  created_at: string;
}

export interface GuidelinesTable {
  project_id: string;
  version: number;
  markdown: string;
  created_by: string;
  created_at: string;
}

export interface ProjectVendorsTable {
  project_id: string;
  vendor_id: string;
  enabled: number;
  /** Most tasks (leased or submitted, gold included) the vendor's annotators may take on the project; null: no cap. */
  quota_tasks: Generated<number | null>;
  /** Most share of the project's planned judgments (items × k) the vendor may take; null: no cap. */
  quota_share: Generated<number | null>;
}

export interface ItemsTable {
  id: string;
  project_id: string;
  /** The importer's own id for the item, unique in the project when given. */
  external_id: string | null;
  data: JsonColumn;
  priority: number;
  seq: number;
  /** Leased (unexpired) + submitted assignments; kept in the same transaction as the assignment rows. */
  active_count: number;
  submitted_count: number;
  /** 1 while active_count < the project's overlap k: the claim scans only open items. */
  open: number;
  /** Set while the item belongs to an import still in progress: invisible to claims, progress and lookups. */
  import_id: string | null;
  /** 1 when the item has a gold answer: served at the project's gold rate, to every annotator once, never closed. */
  is_gold: Generated<number>;
  /** Judgments asked beyond the project's k by adaptive overlap: the item is open while active_count < k + extra_k. */
  extra_k: Generated<number>;
  /** While this is in the future, the extra judgment goes only to an annotator whose vendor is not `avoid_vendor`
   * and whose measured skill on the project is at least `prefer_skill`; after it, to anyone eligible. */
  prefer_until: Generated<string | null>;
  avoid_vendor: Generated<string | null>;
  prefer_skill: Generated<number | null>;
  created_at: string;
}

/** Gold answers live apart from items and are never joined into an annotator-facing read. */
export interface GoldAnswersTable {
  item_id: string;
  project_id: string;
  answers: JsonColumn;
  explanation: string | null;
  created_at: string;
}

/** One scored gold annotation: whether it matched the gold answer on every scorable question. */
export interface GoldScoresTable {
  annotation_id: string;
  project_id: string;
  item_id: string;
  annotator_id: string;
  vendor_id: string | null;
  /** 1 when every scored question matched. */
  correct: number;
  questions_scored: number;
  questions_correct: number;
  created_at: string;
}

export interface AssignmentsTable {
  id: string;
  project_id: string;
  item_id: string;
  annotator_id: string;
  status: string;
  lease_expires_at: string;
  skip_reason: string | null;
  created_at: string;
  completed_at: string | null;
}

export interface AnnotationsTable {
  id: string;
  project_id: string;
  item_id: string;
  assignment_id: string;
  annotator_id: string;
  vendor_id: string | null;
  answers: JsonColumn;
  schema_version: number;
  guideline_version: number;
  time_spent_ms: number;
  client_signals: JsonColumn;
  idempotency_key: string | null;
  created_at: string;
}

/** A project's review policy (absent: nothing is sent to review). */
export interface ReviewPoliciesTable {
  project_id: string;
  /** Share of annotations sampled into review, decided per annotation from its random id. */
  sample_rate: number;
  /** Every one of each annotator's first n annotations in the project goes to review. */
  first_n: number;
  /** 1: every annotation of a flagged item goes to review. */
  flagged: number;
  /** Annotations of items whose aggregate confidence is under this go to review; null: off. */
  low_confidence: Generated<number | null>;
  /** 1: every annotation with a persisted signal (annotation_signals) goes to review. */
  signals: Generated<number>;
  /** 1: annotations of gold items come to review too, and reviewers see the gold answer beside them. */
  gold: Generated<number>;
  updated_by: string;
  updated_at: string;
}

/** An item someone flagged for a reviewer's attention. */
export interface ItemFlagsTable {
  item_id: string;
  project_id: string;
  flagged_by: string;
  reason: string;
  created_at: string;
}

/** An annotation taken into review: leased to a reviewer, then decided. */
export interface ReviewsTable {
  id: string;
  project_id: string;
  annotation_id: string;
  /** The reviewed annotation's author. */
  annotator_id: string;
  reviewer_id: string;
  /** `leased` while the reviewer holds it, `decided` after. */
  status: string;
  lease_expires_at: string;
  /** Why it came to review, comma-separated (sample, first_n, flagged, requested). */
  triggers: string;
  outcome: string | null;
  reason: string | null;
  /** The reviewer's own annotation that replaces the reviewed one (outcome `correct`). */
  correction_annotation_id: string | null;
  created_at: string;
  decided_at: string | null;
}

/** An annotator's standing on a project under its quality gate, with the gold tallies the gate reads. */
export interface AnnotatorProjectStatusTable {
  project_id: string;
  annotator_id: string;
  /** `active` or `paused`. */
  status: string;
  /** Why the gate paused them (human-readable), while paused and after. */
  reason: string | null;
  paused_at: string | null;
  reinstated_by: string | null;
  reinstated_at: string | null;
  /** Gold items scored, correct ones, and misses in a row, since they started or were last reinstated. */
  gold_n: number;
  gold_correct: number;
  fail_streak: number;
  updated_at: string;
}

/** Something a manager should know about (e.g. `annotator.paused` with the reason). Append-only. */
export interface EventsTable {
  id: string;
  org_id: string;
  project_id: string | null;
  kind: string;
  subject_id: string | null;
  actor_id: string;
  message: string;
  created_at: string;
}

/** A qualification: a project of kind `qualification` whose items are its gold set. */
export interface QualificationsTable {
  project_id: string;
  domain: string;
  /** Share of an attempt's items to answer correctly to pass. */
  pass_mark: number;
  /** Items per attempt, each one the annotator has not seen before. */
  attempt_size: number;
  /** After a failed attempt, how long before a retake. */
  cooldown_seconds: number;
}

export interface QualificationAttemptsTable {
  id: string;
  project_id: string;
  user_id: string;
  /** `open`, `passed` or `failed`. */
  status: string;
  size: number;
  answered: number;
  correct: number;
  started_at: string;
  finished_at: string | null;
  /** After a failure: the earliest time of a retake. */
  retake_at: string | null;
}

/** A measured skill in a domain granted by a passed qualification: the attempt's gold tallies. */
export interface AnnotatorSkillsTable {
  user_id: string;
  domain: string;
  n: number;
  correct: number;
  source: string;
  source_id: string | null;
  granted_at: string;
}

/** An item's current aggregate: refreshed after submits (see services/quality/live-results.ts). */
export interface ItemResultsTable {
  item_id: string;
  project_id: string;
  /** JSON: the QuestionAggregate list. */
  aggregates: string;
  /** The lowest confidence among the item's questions that have one; null when none has. */
  confidence: number | null;
  n: number;
  updated_at: string;
}

export interface DB {
  organizations: OrganizationsTable;
  instance_setup: InstanceSetupTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  vendors: VendorsTable;
  annotator_profiles: AnnotatorProfilesTable;
  projects: ProjectsTable;
  project_schemas: ProjectSchemasTable;
  guidelines: GuidelinesTable;
  project_vendors: ProjectVendorsTable;
  items: ItemsTable;
  gold_answers: GoldAnswersTable;
  gold_scores: GoldScoresTable;
  assignments: AssignmentsTable;
  annotations: AnnotationsTable;
  review_policies: ReviewPoliciesTable;
  item_flags: ItemFlagsTable;
  reviews: ReviewsTable;
  annotator_project_status: AnnotatorProjectStatusTable;
  events: EventsTable;
  qualifications: QualificationsTable;
  qualification_attempts: QualificationAttemptsTable;
  annotator_skills: AnnotatorSkillsTable;
  item_results: ItemResultsTable;
  signal_policies: SignalPoliciesTable;
  annotation_signals: AnnotationSignalsTable;
}

/** A project's signal thresholds (absent: the defaults). */
export interface SignalPoliciesTable {
  project_id: string;
  too_fast_ratio: number;
  too_fast_min_others: number;
  pasted_share: number;
  duplicate_jaccard: number;
  duplicate_min_words: number;
  straight_share: number;
  straight_alpha: number;
  straight_min_n: number;
  /** null: the quality gate's streak. */
  gold_fail_streak: number | null;
  updated_by: string;
  updated_at: string;
}

/** A signal on an annotation, as last computed: one row per annotation and kind. */
export interface AnnotationSignalsTable {
  annotation_id: string;
  project_id: string;
  kind: string;
  value: number;
  created_at: string;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type ProjectRow = Selectable<ProjectsTable>;
export type ProjectUpdate = Updateable<ProjectsTable>;
export type ItemRow = Selectable<ItemsTable>;
export type NewItem = Insertable<ItemsTable>;
export type AssignmentRow = Selectable<AssignmentsTable>;
export type AnnotationRow = Selectable<AnnotationsTable>;
export type VendorRow = Selectable<VendorsTable>;
