// Admin configuration of the application. It replaces the file of the same name in Camunda's
// webapp: Spanish first (English for browsers set to English) and the institute's name in the
// header and the page title.
// Its texts are in place before anything shows (../pgd/texts.js).
// When a session ends, ../pgd/session.js leads the person to the application's login page.
export default {
  app: {
    vendor: 'IECM',
    name: 'Administración'
  },
  locales: {
    availableLocales: ['es', 'en'],
    fallbackLocale: 'es'
  },
  customScripts: ['../pgd/session', '../pgd/texts'],
  requireJsConfig: {
    ngDeps: ['pgd.texts']
  }
};
