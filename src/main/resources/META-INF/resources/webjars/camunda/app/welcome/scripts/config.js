// Configuration of the webapps' start page. It replaces the file of the same name in Camunda's
// webapp: Spanish first (English for browsers set to English) and the institute's name in the
// header and the page title.
// Its texts are in place before anything shows (../pgd/texts.js).
// When a session ends, ../pgd/session.js leads the person to the application's login page.
// pgd-home/plugin.js adds «Expedientes» and the plan's dashboard for those who may open them.
export default {
  app: {
    vendor: 'IECM',
    name: 'Inicio'
  },
  locales: {
    availableLocales: ['es', 'en'],
    fallbackLocale: 'es'
  },
  customScripts: ['../pgd/session', '../pgd/texts', 'pgd-home/plugin'],
  requireJsConfig: {
    ngDeps: ['pgd.texts']
  }
};
