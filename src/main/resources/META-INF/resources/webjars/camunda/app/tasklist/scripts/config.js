// Tasklist configuration of the application. It replaces the file of the same name in Camunda's
// webapp; pgd-tasklist/forms.js explains the AngularJS module it adds.
export default {
  customScripts: ['pgd-tasklist/forms'],
  requireJsConfig: {
    ngDeps: ['pgd.tasklist.forms']
  },
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'Reclamar la tarea seleccionada'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'Ir al primer filtro de la lista'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'Ir a la primera tarea de la lista'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'Ir al primer campo del formulario de la tarea'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'Abrir el diálogo para iniciar un proceso'
    }
  }
};
