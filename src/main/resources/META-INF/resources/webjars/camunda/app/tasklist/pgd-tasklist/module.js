// The AngularJS module of the institute's task forms, which Tasklist loads with its own modules
// (scripts/config.js, "ngDeps"). The other scripts of this folder add their parts to it.
export default window.angular.module('pgd.tasklist.forms', []);
