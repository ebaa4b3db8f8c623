// Tasklist configuration of the application. It replaces the file of the same name in Camunda's
// webapp: Spanish first (English for browsers set to English), the institute's name in the header
// and the page title, its texts in place before anything shows (../pgd/texts.js) and the parts of
// the institute's task forms (pgd-tasklist/forms.js), and what Tasklist offers each person around them
// (pgd-tasklist/navigation.js), and the «Evidencias» tab of every task (pgd-tasklist/evidence.js). ../README.md lists every customisation of the
// webapps and what to check when Camunda is upgraded.
// When a session ends, ../pgd/session.js leads the person to the application's login page.
export default {
  app: {
    vendor: 'IECM',
    name: 'Tareas'
  },
  locales: {
    availableLocales: ['es', 'en'],
    fallbackLocale: 'es'
  },
  customScripts: ['../pgd/session', '../pgd/texts', 'pgd-tasklist/forms', 'pgd-tasklist/navigation',
    'pgd-tasklist/evidence'],
  requireJsConfig: {
    ngDeps: ['pgd.texts', 'pgd.tasklist.forms', 'pgd.tasklist.navigation']
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
