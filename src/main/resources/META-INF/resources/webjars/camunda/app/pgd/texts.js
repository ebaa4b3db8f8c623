// No raw text key (CREATION_DATE, SEARCH_PLACEHOLDER…) ever shows in a webapp: the webapps load their
// texts (locales/es.json) after AngularJS has started drawing, and what is drawn with a one-time
// binding before they arrive keeps the key for good. This AngularJS module, which each webapp's
// config.js adds to its own ("ngDeps"), holds back every routed page until the texts are loaded and
// keeps the page hidden until then (pgd/branding.css). Should the texts fail to load, the page shows
// at once, as it would without this module; a server too slow to answer gets half a minute before
// the page shows all the same (a busy server is slow, not broken: five seconds were not enough).
const angular = window.angular;
const LOADING = 'pgd-texts-loading';
const PATIENCE_MS = 30000;

document.documentElement.classList.add(LOADING);

angular.module('pgd.texts', []).run(['$injector', '$q', '$rootScope', '$timeout', '$translate',
  ($injector, $q, $rootScope, $timeout, $translate) => {
    let patience;
    const ready = $q(resolve => {
      $translate.onReady(resolve);
      $rootScope.$on('$translateLoadingError', resolve);
      $rootScope.$on('$translateChangeError', resolve);
      patience = $timeout(resolve, PATIENCE_MS);
    });
    ready.then(() => {
      $timeout.cancel(patience);
      document.documentElement.classList.remove(LOADING);
    });
    if ($injector.has('$route')) {
      angular.forEach($injector.get('$route').routes, route => {
        route.resolve = Object.assign({}, route.resolve, { pgdTexts: () => ready });
      });
    }
  }]);
