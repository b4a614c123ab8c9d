/** Results: whether paused annotators' annotations count in results and exports. */
import type { Project } from '../../../api/types';
import { CheckField } from './Field';
import { useBody, usePart } from './form';
import { FormSection } from './SettingsSection';

const FIELDS = ['excludePaused'] as const;

const valuesOf = (p: Project) => ({ excludePaused: p.excludePaused ?? false });

export function ResultsSection({ project }: { project: Project }) {
  const { draft, set, dirty } = usePart('results', 'Results', valuesOf(project));
  const error = useBody('results', { title: 'Results', target: 'project', fields: FIELDS, body: draft });
  return (
    <FormSection
      title="Results"
      dirty={dirty}
      error={error}
      description={
        draft.excludePaused
          ? 'Aggregates and exports leave out the annotations of annotators the quality gate has paused, until they are reinstated.'
          : 'Aggregates and exports count every annotation, including those of paused annotators.'
      }
    >
      <CheckField
        label="Leave paused annotators' annotations out of results and exports"
        checked={draft.excludePaused}
        onChange={(excludePaused) => set({ excludePaused })}
        serverFields={['excludePaused']}
      />
    </FormSection>
  );
}
