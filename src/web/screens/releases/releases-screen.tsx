/** PLACEHOLDER: replaced by the screen's implementation (issue 5). */
export function ReleasesScreen() {
  return <h1>Releases</h1>;
}
