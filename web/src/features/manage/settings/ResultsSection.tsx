/** Results: whether paused annotators' annotations count in results and exports. */
import type { Project } from '../../../api/types';
import { useUpdateProject } from '../queries';
import { useSectionForm } from './draft';
import { CheckField } from './Field';
import { SettingsSection } from './SettingsSection';

const FIELDS = ['excludePaused'] as const;

const valuesOf = (p: Project) => ({ excludePaused: p.excludePaused ?? false });

export function ResultsSection({ project }: { project: Project }) {
  const { draft, set, save, section } = useSectionForm(valuesOf(project), useUpdateProject(project.id), valuesOf);
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
      {...section}
      fields={FIELDS}
      onSave={() => save(draft)}
    >
      <CheckField
        label="Leave paused annotators' annotations out of results and exports"
        checked={draft.excludePaused}
        onChange={(excludePaused) => set({ excludePaused })}
        serverFields={['excludePaused']}
      />
    </SettingsSection>
  );
}
