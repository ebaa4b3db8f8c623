// Cockpit configuration of the application: the "Plan General de Desarrollo" dashboard plugin.
// It replaces the file of the same name in Camunda's webapp; see pgd-plan/plugin.js.
export default {
  customScripts: ['pgd-plan/plugin']
};
