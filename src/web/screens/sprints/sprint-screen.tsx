/** PLACEHOLDER: replaced by the screen's implementation (issue 5). */
export function SprintScreen() {
  return <h1>Sprint</h1>;
}
