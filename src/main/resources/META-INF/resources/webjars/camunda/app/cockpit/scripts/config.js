// Cockpit configuration of the application. It replaces the file of the same name in Camunda's
// webapp: Spanish first (English for browsers set to English), the institute's name in the header
// and the page title, and the "Plan General de Desarrollo" dashboard plugin (pgd-plan/plugin.js).
// Its texts are in place before anything shows (../pgd/texts.js).
// When a session ends, ../pgd/session.js leads the person to the application's login page.
// People who may write nothing see no write controls (pgd-cockpit/read-only.js).
export default {
  app: {
    vendor: 'IECM',
    name: 'Seguimiento'
  },
  locales: {
    availableLocales: ['es', 'en'],
    fallbackLocale: 'es'
  },
  customScripts: ['../pgd/session', '../pgd/texts', 'pgd-plan/plugin', 'pgd-cockpit/read-only'],
  requireJsConfig: {
    ngDeps: ['pgd.texts']
  }
};
