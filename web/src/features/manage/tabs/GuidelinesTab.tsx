/** Guidelines: edit the Markdown with its preview, publish a new version, read any earlier one. */
import { useState } from 'react';
import { useGuidelines } from '../../../api/queries';
import { Markdown } from '../../../components/Markdown';
import { ErrorMessage, Loading } from '../../../components/Status';
import { GuidelinesEditor } from '../guidelines/GuidelinesEditor';
import { formatDateTime } from '../format';
import { usePublishGuidelines } from '../queries';
import { PublishBar } from './PublishBar';

export function GuidelinesTab({ projectId }: { projectId: string }) {
  const current = useGuidelines(projectId);
  if (current.isPending) return <Loading label="Loading the guidelines" />;
  if (current.isError) return <ErrorMessage error={current.error} title="The guidelines could not be loaded" />;
  const g = current.data;
  return <GuidelinesWorkbench key={g.version} projectId={projectId} version={g.version} markdown={g.markdown} versions={g.versions} />;
}

interface WorkbenchProps {
  projectId: string;
  version: number;
  markdown: string;
  versions: { version: number; createdAt: string }[];
}

function GuidelinesWorkbench({ projectId, version, markdown, versions }: WorkbenchProps) {
  const [text, setText] = useState(markdown);
  const [viewing, setViewing] = useState<number | null>(null);
  const publish = usePublishGuidelines(projectId);
  return (
    <div className="guidelines-tab">
      <PublishBar
        version={version}
        note={`Version ${version} is in force; annotators see it in their side panel.`}
        canPublish={text !== markdown}
        publish={publish}
        onPublish={() => publish.mutate(text)}
      />
      <GuidelinesEditor value={text} onChange={setText} />
      <section className="card versions" aria-labelledby="guideline-versions">
        <h2 id="guideline-versions">Versions</h2>
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Published</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {[...versions].sort((a, b) => b.version - a.version).map((v) => (
              <tr key={v.version}>
                <td>
                  {v.version}
                  {v.version === version && <span className="badge status-active">in force</span>}
                </td>
                <td>{formatDateTime(v.createdAt)}</td>
                <td>
                  <button type="button" className="btn small" aria-pressed={viewing === v.version} onClick={() => setViewing(viewing === v.version ? null : v.version)}>
                    {viewing === v.version ? 'Hide' : 'View'} version {v.version}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {viewing !== null && <OldVersion projectId={projectId} version={viewing} onCopy={setText} />}
      </section>
    </div>
  );
}

function OldVersion({ projectId, version, onCopy }: { projectId: string; version: number; onCopy: (markdown: string) => void }) {
  const g = useGuidelines(projectId, version);
  if (g.isPending) return <Loading label={`Loading version ${version}`} />;
  if (g.isError) return <ErrorMessage error={g.error} />;
  return (
    <article className="version-view" aria-label={`Guidelines version ${version}`}>
      <div className="tab-toolbar">
        <h3>Version {version}</h3>
        <button type="button" className="btn small" onClick={() => onCopy(g.data.markdown)}>
          Copy into the editor
        </button>
      </div>
      {g.data.markdown.trim() === '' ? <p className="muted">This version is empty.</p> : <Markdown source={g.data.markdown} className="old-guidelines" />}
    </article>
  );
}
