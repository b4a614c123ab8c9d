/**
 * The foundation tables. Frozen in time: this file imports nothing from the application, and later changes
 * come as new migrations. Types are those both engines accept; JSON is `jsonb` on PostgreSQL and text on SQLite.
 */
import { PostgresAdapter, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design (Kysely docs)
export async function up(db: Kysely<any>): Promise<void> {
  const json = db.getExecutor().adapter instanceof PostgresAdapter ? 'jsonb' : 'text';

  await db.schema
    .createTable('organizations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('vendors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('vendors_org_name_unique', ['org_id', 'name'])
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('vendor_id', 'text', (c) => c.references('vendors.id'))
    .addColumn('pseudonym', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('users_org_idx').on('users').columns(['org_id', 'created_at', 'id']).execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('annotator_profiles')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('domains', json, (c) => c.notNull())
    .addColumn('credentials', json, (c) => c.notNull())
    .addColumn('languages', json, (c) => c.notNull())
    .addColumn('pay_rate_minor', 'integer')
    .addColumn('currency', 'text')
    .execute();

  await db.schema
    .createTable('projects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('schema_version', 'integer', (c) => c.notNull())
    .addColumn('guideline_version', 'integer', (c) => c.notNull())
    .addColumn('overlap_k', 'integer', (c) => c.notNull())
    .addColumn('gold_rate', 'real', (c) => c.notNull())
    .addColumn('lease_seconds', 'integer', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('next_seq', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull()) // a user id, or 'system' for the CLI
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('projects_org_idx').on('projects').columns(['org_id', 'created_at', 'id']).execute();

  await db.schema
    .createTable('project_schemas')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('schema', json, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_schemas_pk', ['project_id', 'version'])
    .execute();

  await db.schema
    .createTable('guidelines')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('markdown', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('guidelines_pk', ['project_id', 'version'])
    .execute();

  await db.schema
    .createTable('project_vendors')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('vendor_id', 'text', (c) => c.notNull().references('vendors.id'))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('project_vendors_pk', ['project_id', 'vendor_id'])
    .execute();

  await db.schema
    .createTable('items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('external_id', 'text')
    .addColumn('data', json, (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('active_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('submitted_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('open', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // Hot path: the claim walks a project's open items in serving order.
  await db.schema
    .createIndex('items_claim_idx')
    .on('items')
    .columns(['project_id', 'open', 'priority desc', 'seq'])
    .execute();
  await db.schema.createIndex('items_project_seq_idx').on('items').columns(['project_id', 'seq']).execute();
  await db.schema
    .createIndex('items_external_id_unique')
    .on('items')
    .columns(['project_id', 'external_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('gold_answers')
    .addColumn('item_id', 'text', (c) => c.primaryKey().references('items.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('answers', json, (c) => c.notNull())
    .addColumn('explanation', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('gold_answers_project_idx').on('gold_answers').columns(['project_id']).execute();

  await db.schema
    .createTable('assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id').onDelete('cascade'))
    .addColumn('annotator_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('lease_expires_at', 'text', (c) => c.notNull())
    .addColumn('skip_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .execute();
  // An annotator never gets the same item twice: enforced by the engine, not only by the claim query.
  await db.schema
    .createIndex('assignments_item_annotator_unique')
    .on('assignments')
    .columns(['item_id', 'annotator_id'])
    .unique()
    .execute();
  // Lease expiry sweep and "my open lease" lookups.
  await db.schema
    .createIndex('assignments_project_status_idx')
    .on('assignments')
    .columns(['project_id', 'status', 'lease_expires_at'])
    .execute();
  await db.schema
    .createIndex('assignments_annotator_idx')
    .on('assignments')
    .columns(['annotator_id', 'project_id', 'status'])
    .execute();

  await db.schema
    .createTable('annotations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id').onDelete('cascade'))
    .addColumn('assignment_id', 'text', (c) => c.notNull().unique().references('assignments.id'))
    .addColumn('annotator_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('vendor_id', 'text')
    .addColumn('answers', json, (c) => c.notNull())
    .addColumn('schema_version', 'integer', (c) => c.notNull())
    .addColumn('guideline_version', 'integer', (c) => c.notNull())
    .addColumn('time_spent_ms', 'integer', (c) => c.notNull())
    .addColumn('client_signals', json, (c) => c.notNull())
    .addColumn('idempotency_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('annotations_idempotency_unique')
    .on('annotations')
    .columns(['annotator_id', 'idempotency_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('annotations_project_idx')
    .on('annotations')
    .columns(['project_id', 'created_at', 'id'])
    .execute();
  await db.schema.createIndex('annotations_item_idx').on('annotations').columns(['item_id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'annotations',
    'assignments',
    'gold_answers',
    'items',
    'project_vendors',
    'guidelines',
    'project_schemas',
    'projects',
    'annotator_profiles',
    'api_tokens',
    'sessions',
    'users',
    'vendors',
    'organizations',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
