// The parts that several task forms show the same way, read from the form's $scope.data (the
// variables the form declares in pgd-shows), and the decision of the approval and ruling tasks.
//
//   <pgd-cycle>           line, year, its text and the responsible area
//   <pgd-returned>        who returned the work, from which task, when, and why (the returned task's own)
//   <pgd-program>         the proposed work program (data.workProgram): goal, budget, risks, activities, indicators
//   <pgd-program-changes> what the proposal changes from the version in force, field by field (data.programChanges)
//   <pgd-progress-report> a progress report: each activity's percentage, indicator values, evidence
//   <pgd-results>         final results per indicator, summary and evidence
//   <pgd-lessons>         lessons learned with their category
//   <pgd-action-plan>     a corrective action's plan
//   <pgd-decision options="approve:Aprobar|return:Devolver con comentarios" without-comments="approve">
//   <pgd-program-editor>  the work program as staff draft it (program-editor.html)
import forms from './module.js';

const PROGRAM_EDITOR = new URL('./program-editor.html', import.meta.url).pathname;

// The periods of each frequency of measurement, as the targets per period are entered.
const MONTHS = ['Enero', 'Febrero', 'Marzo', 'Abril', 'Mayo', 'Junio', 'Julio', 'Agosto', 'Septiembre', 'Octubre',
  'Noviembre', 'Diciembre'];
const PERIODS = {
  mensual: MONTHS,
  trimestral: ['1.er trimestre', '2.º trimestre', '3.er trimestre', '4.º trimestre'],
  semestral: ['1.er semestre', '2.º semestre'],
  anual: ['Año']
};

const FREQUENCIES = { mensual: 'Mensual', trimestral: 'Trimestral', semestral: 'Semestral', anual: 'Anual' };
const CATEGORIES = {
  planeacion: 'Planeación', ejecucion: 'Ejecución', coordinacion: 'Coordinación entre áreas', recursos: 'Recursos',
  tecnologia: 'Tecnología', otra: 'Otra'
};

forms.filter('pgdFrequency', () => value => FREQUENCIES[value] || value);
forms.filter('pgdCategory', () => value => CATEGORIES[value] || value);
/** An area code as its name among the line's areas (data.lineAreas); none is the responsible area's. */
forms.filter('pgdArea', () => (code, areas) => {
  const list = Array.isArray(areas) ? areas : [];
  if (!code) return list.length ? list[0].name : 'El área responsable';
  const area = list.find(candidate => candidate.code === code);
  return area ? area.name : code;
});

function view(template) {
  return () => ({ restrict: 'E', scope: false, template });
}

forms.directive('pgdCycle', view(`
  <header class="pgd-cycle">
    <h3>Línea {{ data.actionLineId }} · {{ data.year }}</h3>
    <p class="pgd-line-text">{{ data.lineText }}</p>
    <p><strong>Área responsable:</strong> {{ data.areaName }}</p>
  </header>`));

forms.directive('pgdReturned', view(`
  <div class="alert alert-warning pgd-returned" role="status" ng-if="data.returnComments">
    <strong>Devuelto por {{ data.returnedBy }} en «{{ data.returnedFrom }}»<span ng-if="data.returnedAt">
      el {{ data.returnedAt }}</span>:</strong>
    <span class="pgd-text">{{ data.returnComments }}</span>
  </div>`));

forms.directive('pgdProgram', view(`
  <section class="pgd-program">
    <h4>Programa de trabajo propuesto<span ng-if="data.workProgram.version">
      (sustituye a la versión {{ data.workProgram.version }})</span></h4>
    <dl class="pgd-facts">
      <dt>Objetivo específico</dt><dd class="pgd-text">{{ data.workProgram.goal }}</dd>
      <dt>Presupuesto anual</dt><dd class="pgd-amount">\${{ data.workProgram.budget | pgdNumber:2 }} MXN</dd>
      <dt>Riesgos</dt><dd class="pgd-text">{{ data.workProgram.risks || '—' }}</dd>
    </dl>
    <table class="table table-condensed pgd-table">
      <caption>Actividades</caption>
      <thead><tr><th>Actividad</th><th>Inicio</th><th>Fin</th><th>Entregable</th><th>Área que la realiza</th>
        <th class="pgd-number">Peso (%)</th></tr></thead>
      <tbody><tr ng-repeat="activity in data.workProgram.activities">
        <td>{{ activity.name }}</td><td class="pgd-date">{{ activity.start | pgdDate }}</td>
        <td class="pgd-date">{{ activity.end | pgdDate }}</td><td>{{ activity.deliverable }}</td>
        <td>{{ activity.area | pgdArea:data.lineAreas }}</td>
        <td class="pgd-number">{{ activity.weight == null ? 'igual' : (activity.weight | pgdNumber) }}</td>
      </tr></tbody>
    </table>
    <table class="table table-condensed pgd-table">
      <caption>Indicadores</caption>
      <thead><tr><th>Indicador</th><th>Fórmula</th><th>Unidad</th><th>Frecuencia</th>
        <th class="pgd-number">Línea base</th><th class="pgd-number">Meta anual</th></tr></thead>
      <tbody><tr ng-repeat="indicator in data.workProgram.indicators">
        <td>{{ indicator.name }}</td><td>{{ indicator.formula }}</td><td>{{ indicator.unit }}</td>
        <td>{{ indicator.frequency | pgdFrequency }}</td><td class="pgd-number">{{ indicator.baseline | pgdNumber }}</td>
        <td class="pgd-number">{{ indicator.target | pgdNumber }}</td>
      </tr></tbody>
    </table>
    <section class="pgd-sheet" ng-repeat="indicator in data.workProgram.indicators">
      <h5>Ficha técnica: {{ indicator.name }}</h5>
      <dl class="pgd-facts">
        <dt>Nivel de la MIR</dt><dd>{{ indicator.level || '—' }}</dd>
        <dt>Dimensión</dt><dd>{{ indicator.dimension || '—' }}</dd>
        <dt>Tipo</dt><dd>{{ indicator.kind || '—' }}</dd>
        <dt>Sentido</dt><dd>{{ indicator.direction || 'ascendente' }}</dd>
        <dt>Variables de la fórmula</dt><dd class="pgd-text">{{ indicator.variables || '—' }}</dd>
        <dt>Línea base</dt><dd>{{ indicator.baseline | pgdNumber }}<span ng-if="indicator.baselineYear"> ({{ indicator.baselineYear }})</span></dd>
        <dt>Metas por periodo</dt><dd>{{ indicator.targets.length ? indicator.targets.join(' · ') : 'sin metas por periodo: se juzga contra la meta anual' }}</dd>
        <dt>Semáforo</dt><dd>verde desde {{ indicator.greenFrom == null ? 90 : indicator.greenFrom }} % de la meta;
          amarillo desde {{ indicator.yellowFrom == null ? 70 : indicator.yellowFrom }} %; rojo por debajo</dd>
        <dt>Medio de verificación</dt><dd>{{ indicator.verification || '—' }}</dd>
        <dt>Fuente de información</dt><dd>{{ indicator.source || '—' }}</dd>
        <dt>Supuestos</dt><dd class="pgd-text">{{ indicator.assumptions || '—' }}</dd>
        <dt>Responsable</dt><dd>{{ indicator.responsible || '—' }}</dd>
      </dl>
    </section>
    <table class="table table-condensed pgd-table" ng-if="data.workProgram.budgetLines.length">
      <caption>Presupuesto autorizado por trimestre (MXN)</caption>
      <thead><tr><th>Partida</th><th>Clave del POA</th><th class="pgd-number">1.er trimestre</th>
        <th class="pgd-number">2.º trimestre</th><th class="pgd-number">3.er trimestre</th><th class="pgd-number">4.º trimestre</th></tr></thead>
      <tbody><tr ng-repeat="line in data.workProgram.budgetLines">
        <td>{{ line.item }}</td><td>{{ line.poaCode }}</td>
        <td class="pgd-number">{{ line.q1 | pgdNumber:2 }}</td><td class="pgd-number">{{ line.q2 | pgdNumber:2 }}</td>
        <td class="pgd-number">{{ line.q3 | pgdNumber:2 }}</td><td class="pgd-number">{{ line.q4 | pgdNumber:2 }}</td>
      </tr></tbody>
    </table>
  </section>`));

forms.directive('pgdProgramChanges', view(`
  <section class="pgd-program-changes" ng-if="data.programChanges">
    <h4>Cambios respecto de la versión vigente<span ng-if="data.workProgram.version">
      ({{ data.workProgram.version }})</span></h4>
    <p ng-if="!data.programChanges.length">La propuesta no cambia ningún campo del programa vigente.</p>
    <table class="table table-condensed pgd-table" ng-if="data.programChanges.length">
      <thead><tr><th>Campo</th><th>Versión vigente</th><th>Propuesta</th></tr></thead>
      <tbody><tr ng-repeat="change in data.programChanges">
        <td>{{ change.label }}</td><td class="pgd-text">{{ change.before }}</td><td class="pgd-text">{{ change.after }}</td>
      </tr></tbody>
    </table>
  </section>`));

forms.directive('pgdProgressReport', view(`
  <section class="pgd-progress-report">
    <p><strong>Fecha de reporte:</strong> {{ data.reportDate | pgdDate }} ·
      <strong>Avance global:</strong> {{ data.progressPercent | pgdNumber }} %</p>
    <table class="table table-condensed pgd-table">
      <caption>Avance por actividad</caption>
      <thead><tr><th>Actividad</th><th class="pgd-number">% de avance</th></tr></thead>
      <tbody><tr ng-repeat="row in data.activityProgress">
        <td>{{ row.activity }}</td><td class="pgd-number">{{ row.percent | pgdNumber }}</td>
      </tr></tbody>
    </table>
    <table class="table table-condensed pgd-table" ng-if="data.indicatorValues.length">
      <caption>Valores de los indicadores</caption>
      <thead><tr><th>Indicador</th><th class="pgd-number">Meta</th><th class="pgd-number">Valor alcanzado</th></tr></thead>
      <tbody><tr ng-repeat="row in data.indicatorValues">
        <td>{{ row.indicator }}</td><td class="pgd-number">{{ row.target | pgdNumber }}</td>
        <td class="pgd-number">{{ row.value | pgdNumber }}</td>
      </tr></tbody>
    </table>
    <table class="table table-condensed pgd-table" ng-if="data.budgetSpent.length">
      <caption>Presupuesto ejercido</caption>
      <thead><tr><th>Partida</th><th class="pgd-number">Autorizado al trimestre (MXN)</th>
        <th class="pgd-number">Ejercido acumulado (MXN)</th></tr></thead>
      <tbody><tr ng-repeat="row in data.budgetSpent">
        <td>{{ row.item }}</td><td class="pgd-number">\${{ row.authorised | pgdNumber:2 }}</td>
        <td class="pgd-number">\${{ row.spent | pgdNumber:2 }}</td>
      </tr></tbody>
    </table>
    <dl class="pgd-facts">
      <dt>Evidencias</dt><dd class="pgd-text">{{ data.evidenceLinks || '—' }}</dd>
      <dt>Problemas encontrados</dt><dd class="pgd-text">{{ data.problems || '—' }}</dd>
    </dl>
  </section>`));

forms.directive('pgdResults', view(`
  <section class="pgd-results">
    <table class="table table-condensed pgd-table">
      <caption>Resultados por indicador</caption>
      <thead><tr><th>Indicador</th><th class="pgd-number">Meta</th><th class="pgd-number">Valor final</th></tr></thead>
      <tbody><tr ng-repeat="row in data.indicatorResults">
        <td>{{ row.indicator }}</td><td class="pgd-number">{{ row.target | pgdNumber }}</td>
        <td class="pgd-number">{{ row.value | pgdNumber }}</td>
      </tr></tbody>
    </table>
    <dl class="pgd-facts">
      <dt>Resumen de resultados</dt><dd class="pgd-text">{{ data.resultsSummary }}</dd>
      <dt>Evidencias</dt><dd class="pgd-text">{{ data.evidenceLinks || '—' }}</dd>
    </dl>
  </section>`));

forms.directive('pgdLessons', view(`
  <table class="table table-condensed pgd-table pgd-lessons">
    <caption>Lecciones aprendidas</caption>
    <thead><tr><th>Lección aprendida</th><th>Categoría</th></tr></thead>
    <tbody><tr ng-repeat="row in data.lessons">
      <td class="pgd-text">{{ row.lesson }}</td><td>{{ row.category | pgdCategory }}</td>
    </tr></tbody>
  </table>`));

forms.directive('pgdActionPlan', view(`
  <table class="table table-condensed pgd-table pgd-action-plan">
    <caption>Plan de acción</caption>
    <thead><tr><th>Acción</th><th>Responsable</th><th>Fecha compromiso</th></tr></thead>
    <tbody><tr ng-repeat="row in data.actionPlan">
      <td>{{ row.action }}</td><td>{{ row.responsible }}</td><td class="pgd-date">{{ row.dueDate | pgdDate }}</td>
    </tr></tbody>
  </table>`));

/**
 * The decision of a task and its comments: options "value:Label|value:Label"; comments required
 * unless the decision is one of without-comments (space separated). Labels: label, comments-label,
 * comments-hint.
 */
forms.directive('pgdDecision', () => ({
  restrict: 'E',
  require: '^^pgdTaskForm',
  scope: false,
  template: `
    <fieldset class="form-group pgd-decision" id="decision">
      <legend class="control-label">{{ pgdDecision.label }} <span class="pgd-required" aria-hidden="true">*</span></legend>
      <div class="radio" ng-repeat="option in pgdDecision.options">
        <label><input type="radio" name="decision" ng-model="values.decision" ng-value="option.value"
          ng-required="true" ng-change="pgdDecision.changed()"> {{ option.label }}</label>
      </div>
      <p class="help-block pgd-field-error" role="alert">{{ pgdDecision.message() }}</p>
    </fieldset>
    <div class="form-group">
      <label class="control-label" for="comments">{{ pgdDecision.commentsLabel }}
        <span class="pgd-required" aria-hidden="true" ng-if="pgdDecision.commentsRequired()">*</span></label>
      <textarea id="comments" name="comments" class="form-control" rows="4" ng-model="values.comments"
        ng-required="pgdDecision.commentsRequired()" ng-maxlength="2000" pgd-input></textarea>
      <p class="help-block" ng-if="pgdDecision.commentsHint">{{ pgdDecision.commentsHint }}</p>
    </div>`,
  link(scope, element, attrs, form) {
    let fromServer = null;
    const withoutComments = (attrs.withoutComments || '').split(/\s+/).filter(Boolean);
    const decision = scope.pgdDecision = {
      label: attrs.label || 'Decisión',
      commentsLabel: attrs.commentsLabel || 'Comentarios',
      commentsHint: attrs.commentsHint || null,
      options: attrs.options.split('|').map(option => {
        const colon = option.indexOf(':');
        return { value: option.slice(0, colon), label: option.slice(colon + 1) };
      }),
      commentsRequired: () => Boolean(scope.values && scope.values.decision)
        && !withoutComments.includes(scope.values.decision),
      changed: () => {
        fromServer = null;
      },
      message: () => {
        if (fromServer) return fromServer;
        return form.submitted && !(scope.values && scope.values.decision) ? 'Elija una opción.' : '';
      }
    };
    const forget = form.register('decision', {
      mark(text) {
        fromServer = text;
        scope.$applyAsync();
      },
      reveal() {
        element[0].scrollIntoView({ block: 'center' });
      }
    });
    scope.$on('$destroy', forget);
    scope.$watch(decision.message, text => element.find('fieldset').toggleClass('has-error', Boolean(text)));
  }
}));

forms.directive('pgdProgramEditor', () => ({
  restrict: 'E',
  scope: false,
  templateUrl: PROGRAM_EDITOR,
  link(scope) {
    // A first draft starts with one empty activity and one empty indicator to fill in.
    scope.$watch('values.workProgram', program => {
      if (!program) return;
      if (!Array.isArray(program.activities) || !program.activities.length) program.activities = [{}];
      if (!Array.isArray(program.indicators) || !program.indicators.length) program.indicators = [{}];
      program.indicators.forEach(indicator => {
        if (!Array.isArray(indicator.targets)) indicator.targets = [];
      });
    });
    scope.$watchCollection('values.workProgram.indicators', indicators => (indicators || []).forEach(indicator => {
      if (!Array.isArray(indicator.targets)) indicator.targets = [];
    }));
    scope.periods = frequency => PERIODS[frequency] || [];
    const sum = (rows, amount) => (rows || []).reduce((total, row) => total + amount(row), 0);
    const numeric = value => (typeof value === 'number' ? value : 0);
    scope.weightSum = () => sum(scope.values.workProgram && scope.values.workProgram.activities,
      activity => numeric(activity.weight));
    scope.budgetSum = () => sum(scope.values.workProgram && scope.values.workProgram.budgetLines,
      line => ['q1', 'q2', 'q3', 'q4'].reduce((total, quarter) => total + numeric(line[quarter]), 0));
    scope.addBudgetLine = () => {
      const program = scope.values.workProgram;
      if (!Array.isArray(program.budgetLines)) program.budgetLines = [];
      program.budgetLines.push({});
    };
  }
}));

// Loaded with Tasklist, so that a form never waits for it.
forms.run(['$templateRequest', $templateRequest => {
  $templateRequest(PROGRAM_EDITOR);
}]);
