/**
 * A `<fieldset className={scopeClass(readOnly)} disabled={readOnly}>` groups fields edited together. For
 * a viewer it disables every field in it (no keyboard or mouse edit reaches them) and the styles hide its
 * buttons and forms: the values stay readable, no way to change them is offered.
 */
export function scopeClass(readOnly: boolean): string {
  return readOnly ? 'edit-scope read-only-scope' : 'edit-scope';
}
