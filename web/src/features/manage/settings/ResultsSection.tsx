/** Results: whether paused annotators' annotations count in results and exports. */
import type { Project } from '../../../api/types';
import { useUpdateProject } from '../queries';
import { useSectionDraft } from './draft';
import { CheckField } from './Field';
import { SettingsSection } from './SettingsSection';

const FIELDS = ['excludePaused'] as const;

export function ResultsSection({ project }: { project: Project }) {
  const { draft, setDraft, dirty, saved, markSaved } = useSectionDraft({ excludePaused: project.excludePaused ?? false });
  const update = useUpdateProject(project.id);
  const save = () => update.mutate({ excludePaused: draft.excludePaused }, { onSuccess: (p) => markSaved({ excludePaused: p.excludePaused ?? false }) });
  return (
    <SettingsSection
      title="Results"
      description={
        draft.excludePaused
          ? 'Aggregates and exports leave out the annotations of annotators the quality gate has paused, until they are reinstated.'
          : 'Aggregates and exports count every annotation, including those of paused annotators.'
      }
      saveLabel="Save results setting"
      valid
      dirty={dirty}
      busy={update.isPending}
      saved={saved}
      error={update.error}
      fields={FIELDS}
      onSave={save}
    >
      <CheckField
        label="Leave paused annotators' annotations out of results and exports"
        checked={draft.excludePaused}
        onChange={(excludePaused) => setDraft({ excludePaused })}
        error={update.error}
        serverFields={['excludePaused']}
      />
    </SettingsSection>
  );
}
