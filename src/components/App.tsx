/** Composition only: the page layout. */
export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>Nash-MD explorer</h1>
      </header>
      <main />
    </div>
  );
}
