// One task form: which variables it shows and which it writes, read once from the <form> element
//
//   <form name="taskForm" pgd-task-form="changeReason:String workProgram:Json rows:Json(name,start)"
//         pgd-shows="actionLineId year lineText">
//
// (Json with columns is a list of rows; Json alone is a document, one object, such as the work program.)
//
// and the embedded-forms life cycle of Tasklist (the "camForm" of Camunda's Forms SDK) wired to it:
// the form fetches exactly those variables, edits the written ones in $scope.values, shows the others
// from $scope.data, and sends only the written ones, with the declared types. A refusal by the server
// marks each field it names. Every form starts with
//
//   <script cam-script type="text/form-script">
//     inject(['pgdTaskForm', function (attach) { attach(camForm, $scope); }]);
//   </script>
import forms from './module.js';

const FIELD = /^(\w+):(String|Double|Json)(?:\(([\w,]+)\))?$/;

/**
 * "goal:String activities:Json(name,start) workProgram:Json" → [{name: 'goal', type: 'String'},
 * {name: 'activities', type: 'Json', columns: ['name', 'start']}, {name: 'workProgram', type: 'Json',
 * columns: null, document: true}]. The server reads the same declaration (task/TaskForms.java) and accepts
 * nothing else from the form.
 */
export function declaration(text) {
  return (text || '').split(/\s+/).filter(Boolean).map(entry => {
    const match = FIELD.exec(entry);
    if (!match || (match[2] !== 'Json' && match[3])) throw new Error(`pgd-task-form: cannot read «${entry}»`);
    return {
      name: match[1], type: match[2], columns: match[3] ? match[3].split(',') : null,
      document: match[2] === 'Json' && !match[3]
    };
  });
}

/** A problem as a sentence under its field: «debe caer dentro del año 2021» → «Debe caer dentro del año 2021.» */
export function sentence(text) {
  const trimmed = String(text).trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** The id of the input of a field as the server names it: activities[1].start → activities-1-start. */
export function fieldId(path) {
  return path.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-');
}

function initial(field, value) {
  if (field.document) return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  if (field.type === 'Json') return Array.isArray(value) ? value : [{}];
  if (value === undefined) return null;
  return value;
}

function outgoing(field, value) {
  // A document as it is, without what Angular adds to track its rows.
  if (field.document) return JSON.parse(window.angular.toJson(value || {}));
  if (field.type === 'Json') {
    // Each row with the declared columns only, as the server expects them.
    return (value || []).map(row => Object.fromEntries(field.columns.map(column => [column,
      row[column] === undefined ? null : row[column]])));
  }
  if (field.type === 'String') return value === '' || value === undefined ? null : value;
  return value === undefined ? null : value;
}

/** The server's refusal of a completion (RefusedCompletionFilter), when the error is one. */
function refusal(error) {
  let body = error && error.response && error.response.body;
  if (!body && error && typeof error.text === 'string') {
    try {
      body = JSON.parse(error.text);
    } catch (notJson) {
      body = null;
    }
  }
  return body && body.type === 'SubmissionRefused' ? body : null;
}

forms.directive('pgdTaskForm', () => ({
  restrict: 'A',
  controller: ['$scope', '$element', '$attrs', function TaskFormController($scope, $element, $attrs) {
    const handles = {};
    this.fields = declaration($attrs.pgdTaskForm);
    this.shows = [...new Set(($attrs.pgdShows || '').split(/\s+/).filter(Boolean))]
      .filter(name => !this.fields.some(field => field.name === name));
    this.submitted = false;
    $scope.pgdProblems = [];

    /** A field that can show the server's problem with it; returns the way to forget it. */
    this.register = (id, handle) => {
      handles[id] = handle;
      return () => {
        if (handles[id] === handle) delete handles[id];
      };
    };

    this.showProblems = problems => {
      const unplaced = [];
      let first = null;
      problems.forEach(problem => {
        const handle = handles[fieldId(problem.field)];
        if (handle) {
          handle.mark(sentence(problem.message));
          first = first || handle;
        } else {
          unplaced.push(`${problem.label}: ${problem.message}`);
        }
      });
      $scope.pgdProblems = unplaced;
      if (first) first.reveal();
    };

    this.clearProblems = () => {
      Object.values(handles).forEach(handle => handle.mark(null));
      $scope.pgdProblems = [];
    };
  }],
  link(scope, element) {
    // Problems the server names without a field of this form (e.g. a rule about the whole task).
    const list = window.angular.element('<div class="alert alert-danger pgd-problems" role="alert" hidden></div>');
    element.append(list);
    scope.$watchCollection('pgdProblems', problems => {
      list.empty();
      (problems || []).forEach(text => list.append(window.angular.element('<p></p>').text(text)));
      list.attr('hidden', problems && problems.length ? null : 'hidden');
    });
  }
}));

forms.factory('pgdTaskForm', () => function attach(camForm, $scope) {
  const formElement = camForm.formElement;
  const form = formElement.controller('pgdTaskForm');
  const manager = camForm.variableManager;
  const values = $scope.values = {};
  const data = $scope.data = {};

  function write() {
    form.fields.forEach(field => {
      const variable = manager.variable(field.name);
      variable.type = field.type;
      variable.valueInfo = field.type === 'Json' ? {} : undefined;
      variable.value = outgoing(field, values[field.name]);
      // Always sent: the completion carries every field of the form, as the person left it.
      variable.originalValue = undefined;
    });
  }

  camForm.on('form-loaded', () => {
    form.fields.forEach(field => manager.fetchVariable(field.name));
    form.shows.forEach(name => manager.fetchVariable(name));
  });
  camForm.on('variables-fetched', () => {
    // What the form only shows is kept apart and never sent back.
    form.shows.forEach(name => {
      const value = manager.variable(name).value;
      data[name] = value === undefined ? null : value;
      manager.destroyVariable(name);
    });
  });
  camForm.on('variables-restored', () => {
    form.fields.forEach(field => {
      values[field.name] = initial(field, manager.variable(field.name).value);
    });
    $scope.$applyAsync();
  });
  camForm.on('store', write);
  camForm.on('submit', () => {
    const ngForm = $scope[formElement.attr('name')];
    form.submitted = true;
    if (ngForm && ngForm.$invalid) {
      camForm.submitPrevented = true;
      $scope.$applyAsync();
      return;
    }
    form.clearProblems();
    write();
  });
  // The Forms SDK calls a handler with the form and the list of the event's arguments.
  camForm.on('submit-failed', (source, [error] = []) => {
    const refused = refusal(error);
    if (refused) {
      error.message = refused.message;
      form.showProblems(refused.problems || []);
      $scope.$applyAsync();
    }
  });
});
