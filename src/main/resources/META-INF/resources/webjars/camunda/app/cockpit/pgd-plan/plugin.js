// "Plan General de Desarrollo" on the Cockpit dashboard (first on the start page: styles/user-styles.css):
// the plan tree of a year with the state of every action line, filters by area and state, overdue
// lines marked, progress per program by name, achievement against the indicators' targets rolled up per
// line, program, objective and policy in traffic-light colours, the quarterly report to download, and on
// every started line a link to its expediente and, while it runs, to its process instance. It reads /api/status with the Cockpit session: managers and
// administrators, and read only the SGCE office and auditors (nothing here writes).

const STATES = {
  'not-started': 'Sin iniciar', planning: 'Planeación', execution: 'Ejecución', review: 'Revisión',
  closure: 'Cierre', closed: 'Cerrado', cancelled: 'Cancelado'
};

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (name === 'class') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.substring(2), value);
    else node.setAttribute(name, value);
  });
  children.flat(Infinity).forEach(child => node.append(child instanceof Node ? child : document.createTextNode(String(child))));
  return node;
}

function progressBar(percent) {
  const value = percent == null ? 0 : Math.max(0, Math.min(100, percent));
  return element('div', { class: 'pgd-bar', title: percent == null ? 'Sin avance informado' : value + ' %' },
    element('div', { class: 'pgd-bar-fill', style: 'width:' + value + '%' }));
}

/** An achievement as a badge in its colour (verde, amarillo, rojo), or «sin medición». */
function achievement(value, colour) {
  return value == null
    ? element('span', { class: 'pgd-achievement pgd-unmeasured', title: 'Ningún indicador medido contra una meta del periodo' }, 'sin medición')
    : element('span', { class: 'pgd-achievement pgd-colour-' + colour, title: 'Cumplimiento ' + colour }, value + ' %');
}

function achievementBar(value, colour) {
  const width = value == null ? 0 : Math.max(0, Math.min(100, value));
  return element('div', { class: 'pgd-bar', title: value == null ? 'Sin medición' : value + ' % (' + colour + ')' },
    element('div', { class: 'pgd-bar-fill pgd-colour-' + (colour || 'none'), style: 'width:' + width + '%' }));
}

function groupTable(caption, kind, groups) {
  return element('table', { class: 'table table-condensed pgd-table pgd-rollup' },
    element('caption', {}, caption),
    element('thead', {}, element('tr', {}, [kind, 'Líneas', 'Avance', 'Cumplimiento', 'Verde / amarillo / rojo']
      .map(title => element('th', {}, title)))),
    element('tbody', {}, groups.map(group => element('tr', { 'data-group': group.number },
      element('td', {}, group.number + '. ' + group.text),
      element('td', {}, String(group.totals.lines)),
      element('td', {}, group.totals.averageProgress == null ? '—' : group.totals.averageProgress + ' %'),
      element('td', {}, achievement(group.totals.achievement, group.totals.colour)),
      element('td', {}, ['verde', 'amarillo', 'rojo'].map(colour => group.totals.indicatorsByColour[colour]).join(' / '))))));
}

function areaLabel(name, code) {
  return name && name !== code ? name + ' (' + code + ')' : code;
}

function lineRow(line) {
  const tasks = line.openTasks.map(task => task.name + ' (' + (task.groupNames || task.groups).join(', ') +
    (task.assignee ? ' · ' + task.assignee : '') + (task.overdueDays > 0 ? ' · vencida ' + task.overdueDays + ' d' : '') + ')');
  const running = line.processInstanceId && !['closed', 'cancelled'].includes(line.state);
  const links = [];
  if (line.state !== 'not-started') {
    links.push(element('a', { href: '/audit/cases/' + encodeURIComponent(line.businessKey), class: 'pgd-record' }, 'Expediente'));
  }
  if (running) {
    links.push(element('a', { href: '#/process-instance/' + line.processInstanceId + '/runtime', class: 'pgd-instance' }, 'Abrir instancia'));
  }
  return element('tr', { class: line.overdue ? 'pgd-overdue' : '', 'data-line': line.actionLineId },
    element('td', {}, line.actionLineId),
    element('td', { class: 'pgd-text' }, line.text),
    element('td', {}, areaLabel(line.responsibleAreaName, line.responsibleArea)),
    element('td', {}, element('span', { class: 'pgd-state pgd-state-' + line.state }, line.stateLabel),
      line.overdue ? element('span', { class: 'pgd-late' }, 'Vencida ' + line.overdueDays + ' d') : ''),
    element('td', {}, line.progressPercent == null ? '—' : line.progressPercent + ' %'),
    element('td', { class: 'pgd-line-achievement' }, achievement(line.achievement, line.colour),
      line.indicators.filter(indicator => indicator.colour === 'rojo')
        .map(indicator => element('div', { class: 'pgd-red-indicator' }, indicator.indicator + ': ' + indicator.value + ' de ' + indicator.target))),
    element('td', {}, tasks.length ? tasks.join('; ') : '—'),
    element('td', {}, line.openCorrectiveActions ? String(line.openCorrectiveActions) : '—'),
    element('td', { class: 'pgd-links' }, links));
}

function render(container, report, filters) {
  const visible = report.lines.filter(line =>
    (!filters.area || line.responsibleArea === filters.area) && (!filters.state || line.state === filters.state));
  const programs = report.programs.map(program => {
    const lines = visible.filter(line => line.program === program.number);
    if (!lines.length) return '';
    return [
      element('tr', { class: 'pgd-program' }, element('td', { colspan: '9' },
        'Programa ' + program.number + '. ' + program.text + ' — avance promedio ' +
        (program.totals.averageProgress == null ? 'sin informar' : program.totals.averageProgress + ' %') +
        ' — cumplimiento ', achievement(program.totals.achievement, program.totals.colour))),
      lines.map(lineRow)
    ];
  });
  const chart = element('div', { class: 'pgd-chart' }, report.programs.map(program =>
    element('div', { class: 'pgd-chart-row' },
      element('span', { class: 'pgd-chart-label', title: program.text }, 'Programa ' + program.number + '. ' + program.text),
      progressBar(program.totals.averageProgress),
      element('span', {}, program.totals.averageProgress == null ? '—' : program.totals.averageProgress + ' %'))));
  const achievementChart = element('div', { class: 'pgd-chart pgd-achievement-chart' }, report.programs.map(program =>
    element('div', { class: 'pgd-chart-row', 'data-program': program.number },
      element('span', { class: 'pgd-chart-label', title: program.text }, 'Programa ' + program.number + '. ' + program.text),
      achievementBar(program.totals.achievement, program.totals.colour),
      achievement(program.totals.achievement, program.totals.colour))));
  const totals = report.totals;
  container.replaceChildren(
    element('p', { class: 'pgd-summary' },
      report.lines.length + ' líneas · ' + Object.entries(totals.byState).filter(([, n]) => n > 0)
        .map(([state, n]) => STATES[state] + ': ' + n).join(' · ') +
      ' · vencidas: ' + totals.overdueLines + ' · acciones correctivas abiertas: ' + totals.openCorrectiveActions),
    element('p', { class: 'pgd-summary' }, 'Cumplimiento del plan: ', achievement(totals.achievement, totals.colour),
      ' · indicadores en verde: ' + totals.indicatorsByColour.verde + ', amarillo: ' + totals.indicatorsByColour.amarillo +
      ', rojo: ' + totals.indicatorsByColour.rojo),
    element('h4', {}, 'Cumplimiento por programa'),
    element('p', { class: 'pgd-note' }, 'Promedio del cumplimiento de cada indicador contra la meta de su periodo (tope de 100 % por indicador); verde desde 90 %, amarillo desde 70 %.'),
    achievementChart,
    groupTable('Cumplimiento por política general', 'Política', report.policies),
    groupTable('Cumplimiento por objetivo estratégico', 'Objetivo', report.objectives),
    element('h4', {}, 'Avance por programa'), chart,
    element('table', { class: 'table table-condensed pgd-table' },
      element('thead', {}, element('tr', {}, ['Línea', 'Texto', 'Área responsable', 'Estado', 'Avance', 'Cumplimiento',
        'Tareas abiertas', 'Acciones correctivas', ''].map(title => element('th', {}, title)))),
      element('tbody', {}, programs)));
}

function style() {
  return element('style', {}, `
    .pgd-plan .pgd-controls { display: flex; gap: 1em; margin-bottom: 1em; flex-wrap: wrap; }
    .pgd-plan .pgd-overdue td { background: #fdecea; }
    .pgd-plan .pgd-program td { background: #f0e6f2; font-weight: 600; }
    .pgd-plan .pgd-text { max-width: 32em; }
    .pgd-plan .pgd-bar { display: inline-block; width: 220px; height: 12px; background: #eee; margin: 0 .5em; }
    .pgd-plan .pgd-bar-fill { height: 100%; background: #6d2077; }
    .pgd-plan .pgd-chart-row { display: flex; align-items: center; margin: 2px 0; }
    .pgd-plan .pgd-chart-label { width: 34em; max-width: 60%; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    .pgd-plan .pgd-late { margin-left: .4em; padding: 1px 6px; border-radius: 3px; background: #b3261e; color: #fff; font-weight: 600; }
    .pgd-plan .pgd-overdue td:first-child { border-left: 4px solid #b3261e; }
    .pgd-plan .pgd-links a { display: block; white-space: nowrap; }
    .pgd-plan .pgd-state { padding: 1px 6px; border-radius: 3px; background: #e8e8e8; }
    .pgd-plan .pgd-state-closed { background: #dff0d8; }
    .pgd-plan .pgd-state-cancelled { background: #ddd; color: #666; }
    .pgd-plan .pgd-achievement { padding: 1px 6px; border-radius: 3px; font-weight: 600; white-space: nowrap; }
    .pgd-plan .pgd-unmeasured { background: #eee; color: #555; font-weight: normal; }
    .pgd-plan .pgd-colour-verde { background: #2e7d32; color: #fff; }
    .pgd-plan .pgd-colour-amarillo { background: #f9a825; color: #222; }
    .pgd-plan .pgd-colour-rojo { background: #c62828; color: #fff; }
    .pgd-plan .pgd-red-indicator { color: #c62828; font-size: 90%; }
    .pgd-plan .pgd-note { color: #555; font-size: 90%; }
    .pgd-plan .pgd-rollup caption { font-weight: 600; color: #333; }
  `);
}

/** The plan's status: the year asked for, or without one the year the server chooses to follow. */
function requestStatus(year) {
  const address = year == null ? '/api/status' : '/api/status?year=' + encodeURIComponent(year);
  return fetch(address, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(response => response.json().then(data => ({ ok: response.ok, status: response.status, data })));
}

// Cockpit runs this module while it starts, well before it draws the dashboard. When the dashboard is
// the page being opened, the status is asked for now, so that it arrives with Cockpit's own figures
// instead of after them; on any other page nothing is asked until the dashboard is opened.
const openedOn = window.location.hash.replace(/^#\/?/, '');
let early = openedOn === '' || /^dashboard([?/]|$)/.test(openedOn) ? requestStatus(null) : null;

export default {
  id: 'pgd-plan-dashboard',
  pluginPoint: 'cockpit.dashboard',
  priority: 100,
  render: (node) => {
    const filters = { area: '', state: '' };
    let report = null;
    const body = element('div', { class: 'pgd-body' }, 'Cargando…');
    const yearInput = element('input', { type: 'number', min: '2000', max: '2100', 'aria-label': 'Año' });
    const areaSelect = element('select', { 'aria-label': 'Área responsable' }, element('option', { value: '' }, 'Todas las áreas'));
    const stateSelect = element('select', { 'aria-label': 'Estado' }, element('option', { value: '' }, 'Todos los estados'),
      Object.entries(STATES).map(([code, label]) => element('option', { value: code }, label)));
    const refresh = () => report && render(body, report, filters);
    areaSelect.addEventListener('change', () => { filters.area = areaSelect.value; refresh(); });
    stateSelect.addEventListener('change', () => { filters.state = stateSelect.value; refresh(); });
    // The first load asks without a year (or takes the answer asked for while Cockpit started): the server
    // answers the year to follow (this year if a plan covers it, otherwise the nearest year of the plan in
    // force), in one request; the year field then shows it. Only the answer to the latest request is
    // shown, whatever order the answers arrive in.
    let latest = 0;
    const load = first => {
      const request = ++latest;
      body.replaceChildren('Cargando…');
      const answer = first ? early || requestStatus(null) : requestStatus(yearInput.value);
      early = null;
      answer
        .then(({ ok, status, data }) => {
          if (request !== latest) return;
          if (!ok) {
            body.replaceChildren(status === 403 ? 'Su usuario no tiene permiso para ver el estado del plan.' : (data.detail || 'No se pudo cargar el estado del plan.'));
            return;
          }
          report = data;
          yearInput.value = String(data.year);
          const areas = [...new Map(data.lines.map(line => [line.responsibleArea, line.responsibleAreaName])).entries()]
            .sort((a, b) => a[1].localeCompare(b[1], 'es'));
          areaSelect.replaceChildren(element('option', { value: '' }, 'Todas las áreas'),
            ...areas.map(([code, name]) => element('option', { value: code }, areaLabel(name, code))));
          areaSelect.value = filters.area;
          refresh();
        })
        .catch(() => request === latest && body.replaceChildren('No se pudo cargar el estado del plan.'));
    };
    yearInput.addEventListener('change', () => load(false));
    // The report of the year shown, downloaded with the Cockpit session.
    function download(event, extension) {
      event.preventDefault();
      window.location.assign('/api/status/quarterly-report.' + extension + '?year=' + encodeURIComponent(yearInput.value));
    }
    node.replaceChildren(element('section', { class: 'pgd-plan' }, style(),
      element('div', { class: 'pgd-controls' },
        element('label', {}, 'Año ', yearInput), element('label', {}, 'Área ', areaSelect),
        element('label', {}, 'Estado ', stateSelect),
        element('a', { href: '/audit/cases', class: 'pgd-cases' }, 'Expedientes de ciclos terminados'),
        element('a', { href: '#', class: 'pgd-quarterly-pdf', onclick: event => download(event, 'pdf') },
          'Informe trimestral (PDF)'),
        element('a', { href: '#', class: 'pgd-quarterly-xlsx', onclick: event => download(event, 'xlsx') },
          'Informe trimestral (hoja de cálculo)')),
      body));
    load(true);
  }
};
