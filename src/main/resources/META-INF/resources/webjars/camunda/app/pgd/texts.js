// No raw text key (CREATION_DATE, SEARCH_PLACEHOLDER…) ever shows in a webapp: the webapps load their
// texts (locales/es.json) after AngularJS has started drawing, and what is drawn with a one-time
// binding before they arrive keeps the key for good. This AngularJS module, which each webapp's
// config.js adds to its own ("ngDeps"), holds back every routed page until the texts are loaded and
// keeps the page hidden until then (pgd/branding.css). Should the texts never load, the page shows
// after a few seconds all the same, as it would without this module.
const angular = window.angular;
const LOADING = 'pgd-texts-loading';
const PATIENCE_MS = 5000;

document.documentElement.classList.add(LOADING);

angular.module('pgd.texts', []).run(['$injector', '$q', '$timeout', '$translate',
  ($injector, $q, $timeout, $translate) => {
    const ready = $q(resolve => {
      $translate.onReady(resolve);
      $timeout(resolve, PATIENCE_MS);
    });
    ready.then(() => document.documentElement.classList.remove(LOADING));
    if ($injector.has('$route')) {
      angular.forEach($injector.get('$route').routes, route => {
        route.resolve = Object.assign({}, route.resolve, { pgdTexts: () => ready });
      });
    }
  }]);
