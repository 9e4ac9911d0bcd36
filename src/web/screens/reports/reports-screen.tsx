/** PLACEHOLDER: replaced by the screen's implementation (issue 5). */
export function ReportsScreen() {
  return <h1>Reports</h1>;
}
