/** PLACEHOLDER: replaced by the screen's implementation (issue 5). */
export function ReleaseScreen() {
  return <h1>Release</h1>;
}
