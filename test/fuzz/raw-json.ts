/** Raw JSON: literals JSON.stringify cannot write (-0, 1e400 = Infinity, 1e-400 = 0) are spliced in verbatim. */

export class RawJson {
  constructor(readonly text: string) {}
  toString() {
    return `Raw(${this.text})`;
  }
}

export function toJson(value: unknown): string | undefined {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof RawJson) {
      raws.push(v.text);
      return `\u0001raw${raws.length - 1}\u0001`;
    }
    return v;
  });
  return text?.replace(/"\\u0001raw(\d+)\\u0001"/g, (_match, i: string) => raws[Number(i)]!);
}
