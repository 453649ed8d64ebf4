/** Safe HTML for the widget's pages: a tagged template that escapes every value unless it is already markup. */

/** markup built by `html`; only this type is inserted unescaped */
export class Html {
  constructor(readonly value: string) {}
  toString() {
    return this.value
  }
}

type Value = string | number | Html | (string | Html)[] | undefined | null | false

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** escapes text for both element content and quoted attribute values */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => entities[ch]!)
}

function render(value: Value): string {
  if (value === undefined || value === null || value === false) return ''
  if (value instanceof Html) return value.value
  if (Array.isArray(value)) return value.map(render).join('')
  return escapeHtml(String(value))
}

/** html`<p>${text}</p>`: strings and numbers are escaped, nested `html` results are kept */
export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0]!
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1]!
  })
  return new Html(out)
}
