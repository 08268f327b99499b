/**
 * HTML already rendered for an object (a filing), kept only while the object
 * lives: a filing's page and its printable view render one after the other
 * from the same record, and the second reuses the first's body.
 */
const rendered = new WeakMap<object, string>();

export async function renderOnce(of: object, render: () => Promise<string>): Promise<string> {
  let html = rendered.get(of);
  if (html === undefined) {
    html = await render();
    rendered.set(of, html);
  }
  return html;
}
