/** Placeholder until the results browser lands (owned by the results helper): the tab's route is wired. */
import { Empty } from '../../../components/Status';

export function ResultsTab({ projectId }: { projectId: string }) {
  return <Empty>The results browser for project {projectId} is on its way.</Empty>;
}
