// The start page («Inicio») leads each person to the application's own pages they may open: the SGCE
// office, managers, auditors and administrators find «Expedientes» (the ended cycles and their records)
// and, where they enter Cockpit, the plan's dashboard. Whether a person may is the server's answer, not
// a guess from here: the card shows only when the case list answers.

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  children.flat(Infinity).forEach(child => node.append(child instanceof Node ? child : document.createTextNode(String(child))));
  return node;
}

function getJson(url) {
  return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(response => (response.ok ? response.json() : null))
    .catch(() => null);
}

export default {
  id: 'pgd-home',
  pluginPoint: 'welcome.dashboard',
  priority: 100,
  render: (node) => {
    Promise.all([getJson('/api/audit/cases?size=1'), getJson('/camunda/api/admin/auth/user/default')])
      .then(([cases, user]) => {
        if (!cases) return;
        const links = [
          element('li', {}, element('a', { href: '/audit/cases', class: 'pgd-cases' }, 'Expedientes'),
            ' — ', cases.total === 1 ? '1 ciclo terminado' : cases.total + ' ciclos terminados',
            ': filtre por año, área, línea, resultado y fechas; abra cada expediente, su PDF y la lista en CSV.')
        ];
        if (user && (user.authorizedApps || []).includes('cockpit')) {
          links.push(element('li', {}, element('a', { href: '/camunda/app/cockpit/default/#/dashboard', class: 'pgd-dashboard' },
            'Tablero del plan'), ' — el estado de cada línea de acción del año, con su avance y sus tareas abiertas.'));
        }
        node.replaceChildren(element('section', { class: 'pgd-home' },
          element('h3', {}, 'Plan General de Desarrollo'), element('ul', {}, links)));
      });
  }
};
