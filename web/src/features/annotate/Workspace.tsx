export function Workspace() {
  return (
    <main className="page">
      <h1>Workspace</h1>
    </main>
  );
}
