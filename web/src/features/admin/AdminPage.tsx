export function AdminPage() {
  return (
    <main className="page">
      <h1>AdminPage</h1>
    </main>
  );
}
