// What Tasklist offers around the forms, for each person: no «Iniciar proceso» for people who can start
// nothing (the dialog would open empty), no «Crear tarea» for people who are not administrators (the
// server refuses them every other write of the engine's API), and in Spanish only the notice of a task
// that is gone or is not theirs (Tasklist appends the engine's English «No matching task with id …»).
// Loaded by scripts/config.js ("customScripts", and "ngDeps" for the module).
const angular = window.angular;
const NOTHING_TO_START = 'pgd-nothing-to-start';
const NO_TASK_CREATION = 'pgd-no-task-creation';
const NO_TASK = /No matching task|task is null/;

export default angular.module('pgd.tasklist.navigation', [])
  .config(['$provide', $provide => {
    $provide.decorator('Notifications', ['$delegate', notifications => {
      const add = notifications.add;
      notifications.add = function (notification) {
        if (notification && typeof notification.message === 'string' && NO_TASK.test(notification.message)) {
          notification.message = 'Ábrala desde sus filtros: si otra persona ya la completó, ahí ya no aparece.';
        }
        return add.call(this, notification);
      };
      return notifications;
    }]);
  }])
  .run(() => {
    // The same question the start dialog asks: definitions startable in Tasklist that this person may start.
    fetch('/camunda/api/engine/engine/default/process-definition/count?latestVersion=true&active=true' +
      '&startableInTasklist=true&startablePermissionCheck=true',
    { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(response => (response.ok ? response.json() : null))
      .then(answer => document.documentElement.classList.toggle(NOTHING_TO_START, !!answer && answer.count === 0))
      .catch(() => {});
    fetch('/camunda/api/admin/auth/user/default', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(response => (response.ok ? response.json() : null))
      .then(user => document.documentElement.classList.toggle(NO_TASK_CREATION,
        !!user && !(user.authorizedApps || []).includes('admin')))
      .catch(() => {});
  });
