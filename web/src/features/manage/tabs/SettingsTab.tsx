/**
 * Settings as one form (settings/form.tsx): General, Overlap, Quality gate, Review, Routing, Vendors and Results
 * each keep their section, their sentence and their field checks, and one Save at the sticky bar sends every
 * changed section — the project's settings in one PATCH /projects/{id}, the review policy through its own resource —
 * with a warning before leaving unsaved changes. A server error shows at the field it names.
 */
import type { Project } from '../../../api/types';
import { useUpdateProject } from '../queries';
import { GeneralSection } from '../settings/GeneralSection';
import { OverlapSection } from '../settings/OverlapSection';
import { QualityGateSection } from '../settings/QualityGateSection';
import { ResultsSection } from '../settings/ResultsSection';
import { RoutingSection } from '../settings/RoutingSection';
import { SettingsForm } from '../settings/form';
import { VendorsSection } from '../settings/VendorsSection';
import { ReviewPolicySection } from '../review/ReviewPolicySection';
import { useSetReviewPolicy, type ReviewPolicy } from '../review/queries';
import type { ProjectPatch } from '../queries';
import '../settings/settings.css';

export function SettingsTab({ project }: { project: Project }) {
  const updateProject = useUpdateProject(project.id);
  const setReviewPolicy = useSetReviewPolicy(project.id);
  const send = {
    project: (body: Record<string, unknown>) => updateProject.mutateAsync(body as ProjectPatch),
    review: (body: Record<string, unknown>) => setReviewPolicy.mutateAsync(body as ReviewPolicy),
  };
  return (
    <SettingsForm send={send}>
      <div className="settings-sections">
        <GeneralSection project={project} />
        <OverlapSection project={project} />
        <QualityGateSection project={project} />
        <ReviewPolicySection project={project} />
        <RoutingSection project={project} />
        <VendorsSection project={project} />
        <ResultsSection project={project} />
      </div>
    </SettingsForm>
  );
}
