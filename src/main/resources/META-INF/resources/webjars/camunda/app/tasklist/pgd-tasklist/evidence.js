// «Evidencias», a tab of every task in Tasklist: the files that prove the work (the report, the minutes,
// the attendance lists), stored by the application with their SHA-256 (/api/tasks/{id}/evidence).
// Whoever may work the task adds files (dragged onto the tab or chosen, several at once, each with its
// progress) and removes those they added until the task is completed; everyone who may read the task
// sees the list and downloads each file, and below it the files of the process's earlier tasks (what
// an approval decides on). The server decides who may and what is accepted: what it
// refuses is shown as it says it, in Spanish, naming the file.
// Loaded by scripts/config.js ("customScripts").

const ZONE = 'America/Mexico_City';
const WHEN = new Intl.DateTimeFormat('es-MX', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit',
  minute: '2-digit', hour12: false, timeZone: ZONE });

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (name.startsWith('on')) node.addEventListener(name.substring(2), value);
    else if (value !== false && value != null) node.setAttribute(name, value === true ? '' : value);
  });
  children.flat(Infinity).forEach(child => node.append(child instanceof Node ? child : document.createTextNode(String(child))));
  return node;
}

/** A size as people read it: 2.7 KB, 25.0 MB (the server's own wording). */
function size(bytes) {
  if (bytes < 1024) return bytes + ' bytes';
  return bytes < 1048576 ? (bytes / 1024).toFixed(1) + ' KB' : (bytes / 1048576).toFixed(1) + ' MB';
}

function when(instant) {
  return WHEN.format(new Date(instant)).replace(',', '');
}

function json(response) {
  return response.text().then(text => {
    let body = null;
    try { body = text ? JSON.parse(text) : null; } catch (e) { body = null; }
    if (!response.ok) {
      throw new Error((body && (body.detail || body.message)) || 'El servidor no aceptó la solicitud (' + response.status + ').');
    }
    return body;
  });
}

let csrf = null;
/** The token our API asks of a write made with the session (fetched once per page). */
function csrfToken() {
  if (!csrf) {
    csrf = fetch('/api/csrf', { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(json)
      .catch(error => { csrf = null; throw error; });
  }
  return csrf;
}

function send(file, taskId, token, progress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/tasks/' + encodeURIComponent(taskId) + '/evidence?name=' + encodeURIComponent(file.name));
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    request.setRequestHeader('Accept', 'application/json');
    request.setRequestHeader(token.headerName, token.token);
    request.upload.addEventListener('progress', event => {
      if (event.lengthComputable) progress(Math.round(100 * event.loaded / event.total));
    });
    request.addEventListener('load', () => {
      let body = null;
      try { body = JSON.parse(request.responseText); } catch (e) { body = null; }
      if (request.status === 201) resolve(body);
      else reject(new Error((body && body.detail) || '«' + file.name + '»: el servidor no lo aceptó (' + request.status + ').'));
    });
    request.addEventListener('error', () => reject(new Error('«' + file.name + '»: se perdió la conexión; vuelva a intentarlo.')));
    request.send(file);
  });
}

function render(node, taskId) {
  const notices = element('div', { class: 'pgd-evidence-notices', role: 'status', 'aria-live': 'polite' });
  const uploads = element('ul', { class: 'pgd-evidence-uploads' });
  const list = element('div', { class: 'pgd-evidence-list' }, 'Cargando…');
  const earlier = element('div', { class: 'pgd-evidence-earlier-list' });
  const picker = element('input', { type: 'file', multiple: true, id: 'pgd-evidence-picker-' + taskId, class: 'pgd-evidence-picker' });
  const zone = element('div', { class: 'pgd-evidence-drop' },
    'Arrastre aquí los archivos o ', element('label', { for: picker.id, class: 'btn btn-default btn-sm' }, 'Elegir archivos'), picker);
  const help = element('p', { class: 'pgd-evidence-help' });
  let state = null;

  const notice = (text, kind) => notices.append(element('p', { class: 'alert alert-' + (kind || 'danger') }, text));

  const load = () => fetch('/api/tasks/' + encodeURIComponent(taskId) + '/evidence',
    { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(json)
    .then(answer => {
      state = answer;
      zone.hidden = !answer.mayAdd;
      help.textContent = answer.mayAdd
        ? 'Adjunte los archivos que prueban el trabajo: se aceptan ' + answer.accepted + ', de hasta ' + size(answer.maxFileSize) + ' cada uno.'
        : (answer.open ? 'Solo quien trabaja esta tarea adjunta evidencias.' : 'La tarea se completó: sus evidencias ya no cambian.');
      list.replaceChildren(answer.files.length === 0 ? element('p', {}, 'Todavía no hay evidencias.') :
        element('table', { class: 'table table-condensed pgd-evidence-table' },
          element('thead', {}, element('tr', {}, ['Archivo', 'Tipo', 'Tamaño', 'Adjuntó', 'Fecha', ''].map(t => element('th', {}, t)))),
          element('tbody', {}, answer.files.map(file => element('tr', { 'data-file': file.id },
            element('td', {}, element('a', { href: file.download, download: file.fileName }, file.fileName)),
            element('td', {}, file.typeLabel), element('td', {}, size(file.size)), element('td', {}, file.uploadedBy),
            element('td', {}, when(file.uploadedAt)),
            element('td', {}, file.removable ? element('button', { type: 'button', class: 'btn btn-link btn-xs pgd-evidence-remove',
              onclick: () => remove(file) }, 'Quitar') : ''))))));
    })
    .then(() => {
      earlier.replaceChildren(state.earlier.length === 0 ? '' : [
        element('h4', {}, 'Evidencias de las tareas anteriores de este proceso'),
        element('table', { class: 'table table-condensed pgd-evidence-earlier' },
          element('thead', {}, element('tr', {}, ['Tarea', 'Archivo', 'Tipo', 'Tamaño', 'Adjuntó', 'Fecha'].map(t => element('th', {}, t)))),
          element('tbody', {}, state.earlier.map(({ taskName, file }) => element('tr', { 'data-file': file.id },
            element('td', {}, taskName),
            element('td', {}, element('a', { href: file.download, download: file.fileName }, file.fileName)),
            element('td', {}, file.typeLabel), element('td', {}, size(file.size)), element('td', {}, file.uploadedBy),
            element('td', {}, when(file.uploadedAt))))))]);
    })
    .catch(error => list.replaceChildren(element('p', { class: 'alert alert-danger' }, error.message)));

  const remove = file => {
    if (!window.confirm('¿Quitar «' + file.fileName + '» de las evidencias de esta tarea?')) return;
    csrfToken()
      .then(token => fetch(file.download, { method: 'DELETE', credentials: 'same-origin',
        headers: { Accept: 'application/json', [token.headerName]: token.token } }))
      .then(response => (response.ok ? null : json(response)))
      .then(() => notice('Se quitó «' + file.fileName + '».', 'info'))
      .catch(error => notice(error.message))
      .then(load);
  };

  const upload = files => {
    notices.replaceChildren();
    const chosen = Array.from(files);
    const tooLarge = chosen.filter(file => state && file.size > state.maxFileSize);
    tooLarge.forEach(file => notice('«' + file.name + '»: pesa ' + size(file.size) + '; el máximo por archivo es ' + size(state.maxFileSize) + '.'));
    const sending = chosen.filter(file => !tooLarge.includes(file));
    if (!sending.length) return;
    csrfToken().then(token => sending.reduce((previous, file) => previous.then(() => {
      const bar = element('progress', { max: '100', value: '0', 'aria-label': 'Carga de ' + file.name });
      const row = element('li', {}, file.name + ' ', bar);
      uploads.append(row);
      return send(file, taskId, token, percent => { bar.value = percent; })
        .then(() => row.remove())
        .catch(error => { row.remove(); notice(error.message); });
    }), Promise.resolve()))
      .catch(error => notice(error.message))
      .then(load);
  };

  picker.addEventListener('change', () => { upload(picker.files); picker.value = ''; });
  zone.addEventListener('dragover', event => { event.preventDefault(); zone.classList.add('pgd-evidence-over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('pgd-evidence-over'));
  zone.addEventListener('drop', event => {
    event.preventDefault();
    zone.classList.remove('pgd-evidence-over');
    upload(event.dataTransfer.files);
  });

  node.replaceChildren(element('section', { class: 'pgd-evidence' }, help, zone, uploads, notices, list, earlier));
  load();
}

export default {
  id: 'pgd-evidence',
  pluginPoint: 'tasklist.task.detail',
  priority: 800,
  label: 'Evidencias',
  properties: { label: 'Evidencias' },
  render: (node, { taskId }) => render(node, taskId)
};
