/**
 * Schema: the builder on the version in force, publish as a new version (the server refuses one that an item
 * already imported does not fit, and says which), and every earlier version to read or start again from.
 */
import { useMemo, useState } from 'react';
import { useProjectSchema } from '../../../api/queries';
import { ErrorMessage, Loading } from '../../../components/Status';
import { SchemaBuilder } from '../schema-builder/SchemaBuilder';
import { checkSchemaDraft, type SchemaDraft } from '../schema-builder/draft';
import { useFirstItemData, usePublishSchema } from '../queries';
import { PublishBar } from './PublishBar';

export function SchemaTab({ projectId }: { projectId: string }) {
  const current = useProjectSchema(projectId);
  if (current.isPending) return <Loading label="Loading the schema" />;
  if (current.isError) return <ErrorMessage error={current.error} title="The schema could not be loaded" />;
  return <SchemaEditor key={current.data.version} projectId={projectId} version={current.data.version} schema={current.data.schema} />;
}

function SchemaEditor({ projectId, version, schema }: { projectId: string; version: number; schema: Record<string, unknown> }) {
  const [draft, setDraft] = useState<SchemaDraft>(schema);
  const publish = usePublishSchema(projectId);
  const check = useMemo(() => checkSchemaDraft(draft), [draft]);
  const firstItem = useFirstItemData(projectId).data ?? undefined;
  const unchanged = check.ok && JSON.stringify(check.schema) === JSON.stringify(schema);
  return (
    <div className="schema-tab">
      <PublishBar
        version={version}
        note={`Version ${version} is in force. Publishing makes a new version; annotations keep the version they answered.`}
        canPublish={check.ok && !unchanged}
        publish={publish}
        onPublish={() => publish.mutate(draft)}
      />
      <SchemaBuilder draft={draft} onChange={setDraft} sampleItem={firstItem} />
      <SchemaVersions projectId={projectId} current={version} onLoad={setDraft} />
    </div>
  );
}

function SchemaVersions({ projectId, current, onLoad }: { projectId: string; current: number; onLoad: (s: SchemaDraft) => void }) {
  const [shown, setShown] = useState<number | null>(null);
  const versions = Array.from({ length: current }, (_, i) => current - i);
  return (
    <section className="card versions" aria-labelledby="schema-versions">
      <h2 id="schema-versions">Version history</h2>
      <ul className="version-list">
        {versions.map((v) => (
          <li key={v}>
            <button type="button" className={`btn small ${shown === v ? 'active' : ''}`} aria-pressed={shown === v} onClick={() => setShown(shown === v ? null : v)}>
              Version {v}
              {v === current ? ' (in force)' : ''}
            </button>
          </li>
        ))}
      </ul>
      {shown !== null && <SchemaVersionView projectId={projectId} version={shown} onLoad={onLoad} />}
    </section>
  );
}

function SchemaVersionView({ projectId, version, onLoad }: { projectId: string; version: number; onLoad: (s: SchemaDraft) => void }) {
  const v = useProjectSchema(projectId, version);
  if (v.isPending) return <Loading label={`Loading version ${version}`} />;
  if (v.isError) return <ErrorMessage error={v.error} />;
  return (
    <div className="version-view">
      <div className="tab-toolbar">
        <h3>Version {version}</h3>
        <button type="button" className="btn small" onClick={() => onLoad(structuredClone(v.data.schema))}>
          Load into the editor
        </button>
      </div>
      <pre className="json-view">{JSON.stringify(v.data.schema, null, 2)}</pre>
    </div>
  );
}
