export function ProjectPage() {
  return (
    <main className="page">
      <h1>ProjectPage</h1>
    </main>
  );
}
