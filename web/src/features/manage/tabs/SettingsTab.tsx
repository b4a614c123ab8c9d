/**
 * Settings, one section per concern, each saved on its own (PATCH /projects/{id}; the review policy through its own
 * resource), so a manager changes the quality gate without re-sending the vendors, and a server error shows at the
 * field it names.
 */
import type { Project } from '../../../api/types';
import { GeneralSection } from '../settings/GeneralSection';
import { OverlapSection } from '../settings/OverlapSection';
import { QualityGateSection } from '../settings/QualityGateSection';
import { ResultsSection } from '../settings/ResultsSection';
import { RoutingSection } from '../settings/RoutingSection';
import { VendorsSection } from '../settings/VendorsSection';
import { ReviewPolicySection } from '../review/ReviewPolicySection';
import '../settings/settings.css';

export function SettingsTab({ project }: { project: Project }) {
  return (
    <div className="settings-sections">
      <GeneralSection project={project} />
      <OverlapSection project={project} />
      <QualityGateSection project={project} />
      <ReviewPolicySection project={project} />
      <RoutingSection project={project} />
      <VendorsSection project={project} />
      <ResultsSection project={project} />
    </div>
  );
}
