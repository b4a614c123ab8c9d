export function NewProjectPage() {
  return (
    <main className="page">
      <h1>NewProjectPage</h1>
    </main>
  );
}
