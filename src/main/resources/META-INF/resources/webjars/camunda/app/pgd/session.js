// When a person's session ends (idle time, logout in another tab) the webapps show a login form of
// their own, which cannot log anybody in: the application has a single login page for everything.
// This script, loaded by each webapp's config.js, sends the person there instead. The address
// without its "#/login" part leads through the login page and back to the same webapp.
const LAST_REDIRECT = 'pgd.login-redirect';

function toLoginPage() {
  if (!window.location.hash.startsWith('#/login')) return;
  const last = Number(window.sessionStorage.getItem(LAST_REDIRECT) || 0);
  // Should the webapp still find no session right after a login, leave its form in place rather than loop.
  if (Date.now() - last < 10000) return;
  window.sessionStorage.setItem(LAST_REDIRECT, String(Date.now()));
  window.location.replace(window.location.pathname);
}

window.addEventListener('hashchange', toLoginPage);
toLoginPage();
