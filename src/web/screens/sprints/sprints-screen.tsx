/** PLACEHOLDER: replaced by the screen's implementation (issue 5). */
export function SprintsScreen() {
  return <h1>Sprints</h1>;
}
