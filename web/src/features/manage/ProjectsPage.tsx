export function ProjectsPage() {
  return (
    <main className="page">
      <h1>ProjectsPage</h1>
    </main>
  );
}
