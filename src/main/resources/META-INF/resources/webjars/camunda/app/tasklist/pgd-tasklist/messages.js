// The form library inside Tasklist writes its validation messages and a few controls in English,
// even inside the institute's Spanish forms. This script puts them in Spanish as they appear.
const TEXTS = [
  [/^Field is required\.$/, () => 'Este campo es obligatorio.'],
  [/^Field must have minimum value of (.+)\.$/, value => `El valor mínimo es ${value}.`],
  [/^Field must have maximum value of (.+)\.$/, value => `El valor máximo es ${value}.`],
  [/^Field must have minimum length of (.+)\.$/, length => `Escriba al menos ${length} caracteres.`],
  [/^Field must have maximum length of (.+)\.$/, length => `Escriba como máximo ${length} caracteres.`],
  [/^Field must match pattern .+\.$/, () => 'El valor no tiene el formato requerido.'],
  [/^Field must be a valid email\.$/, () => 'Escriba un correo electrónico válido.'],
  [/^Field must be a valid +international phone number\..*$/, () => 'Escriba un teléfono internacional válido.'],
  [/^Date and time must both be entered\.$/, () => 'Escriba la fecha y la hora.'],
  [/^Add new$/, () => 'Agregar'],
  [/^Expand all \((\d+)\)$/, count => `Mostrar todos (${count})`],
  [/^Collapse$/, () => 'Contraer'],
  [/^Search$/, () => 'Buscar'],
  [/^Select$/, () => 'Seleccione']
];

const ATTRIBUTES = [
  ['aria-label', /^Remove list item (\d+)$/, index => `Quitar el elemento ${index}`],
  ['aria-label', /^Increment$/, () => 'Aumentar'],
  ['aria-label', /^Decrement$/, () => 'Disminuir'],
  ['placeholder', /^mm\/dd\/yyyy$/, () => 'mm/dd/aaaa'],
  ['placeholder', /^Search$/, () => 'Buscar'],
  ['placeholder', /^Select$/, () => 'Seleccione']
];

function translated(text, rules) {
  const trimmed = text.trim();
  for (const [pattern, spanish] of rules) {
    const match = pattern.exec(trimmed);
    if (match) return text.replace(trimmed, spanish(...match.slice(1)));
  }
  return null;
}

function translate(root) {
  const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    const spanish = translated(node.data, TEXTS);
    if (spanish !== null) node.data = spanish;
  }
  for (const [attribute, pattern, spanish] of ATTRIBUTES) {
    root.querySelectorAll('[' + attribute + ']').forEach(element => {
      const value = translated(element.getAttribute(attribute), [[pattern, spanish]]);
      if (value !== null) element.setAttribute(attribute, value);
    });
  }
}

new MutationObserver(() => {
  document.querySelectorAll('.fjs-container').forEach(translate);
}).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
