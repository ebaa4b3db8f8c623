// Keeps Tasklist's "Complete" button usable on Camunda Forms with dynamic lists.
//
// Tasklist 7.24 marks a Camunda Form invalid whenever the form library's error map has a key
// (Object.keys(errors).length). For a field inside a dynamic list the library leaves an empty entry
// in that map once the field has been validated, even when the value is valid, so after the first
// keystroke in an activity or an indicator the button stays disabled for good. The work-program
// forms are made of such lists.
//
// This module decorates Tasklist's Camunda Forms directive so that its validity reports come from
// what the form shows: the form is invalid while a field displays an error. Completing still runs
// the library's full validation first, and the server checks every submission again.
const angular = window.angular;

function showsAnError(container) {
  return container.querySelector('.fjs-has-errors') !== null;
}

angular.module('pgd.tasklist.forms', []).config(['$provide', $provide => {
  $provide.decorator('camTasklistFormCamundaDirective', ['$delegate', '$timeout', ($delegate, $timeout) => {
    const directive = $delegate[0];
    const link = directive.link;
    directive.compile = () => function (scope, element, attributes, formController) {
      const reporting = Object.create(formController);
      reporting.notifyFormValidated = invalid => {
        if (!invalid) {
          formController.notifyFormValidated(false);
          return;
        }
        // The form renders the new state after it reports the change.
        $timeout(() => formController.notifyFormValidated(showsAnError(element[0])));
      };
      return link.call(this, scope, element, attributes, reporting);
    };
    return $delegate;
  }]);
}]);
