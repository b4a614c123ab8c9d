/** Where a reviewer starts: the projects of the organization, each opening its review queue. */
import { Link } from 'react-router';
import { useProjects } from '../../api/queries';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import './review.css';

export function ReviewHome() {
  const projects = useProjects();
  if (projects.isPending) return <Loading label="Loading projects" />;
  if (projects.isError) return <ErrorMessage error={projects.error} />;
  const active = projects.data.items.filter((p) => p.status !== 'archived');
  return (
    <main className="page review-home">
      <h1>Review</h1>
      {active.length === 0 ? (
        <Empty>No project to review yet.</Empty>
      ) : (
        <ul>
          {active.map((p) => (
            <li key={p.id}>
              <Link to={`/review/${p.id}`}>{p.name}</Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
