// Cockpit shows people who may change nothing in the engine (managers and auditors: every write of the
// engine's API is for administrators, web/EngineWritesFilter) no control that would only be refused:
// the toolbars of instances and definitions (suspend, cancel, add a variable, job priority), the
// actions column of the variables, incidents and jobs tables, and the in-place edits. The server
// refuses those writes all the same; this only spares people buttons that cannot work for them.
const READ_ONLY = 'pgd-read-only';

fetch('/camunda/api/admin/auth/user/default', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
  .then(response => (response.ok ? response.json() : null))
  .then(user => {
    if (user && !(user.authorizedApps || []).includes('admin')) {
      document.documentElement.classList.add(READ_ONLY);
    }
  })
  .catch(() => {});
