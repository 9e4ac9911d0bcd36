/** PLACEHOLDER: replaced by the screen's implementation (issue 5). */
export function SprintBoardScreen() {
  return <h1>Board</h1>;
}
