// The fields of the task forms. Each input is a plain HTML input bound with ng-model; nothing here
// rewrites what the person is typing. A typed date or number is read when it changes (values.js) and
// shown in its usual form only once the person leaves the field.
//
//   pgd-input        the field's message under it: what is missing or wrong, or the server's problem
//   pgd-date         a calendar date, dd/mm/aaaa on screen, YYYY-MM-DD in the record, with a calendar
//   pgd-number="2"   a number with at most that many decimals (pgd-min, pgd-max, pgd-money for "$")
import forms from './module.js';
import { formatDate, formatNumber, monthWeeks, parseDate, parseNumber, dateParts } from './values.js';

const angular = window.angular;

function fieldMessage(model, attrs) {
  const error = model.$error;
  if (error.required) return 'Este campo es obligatorio.';
  if (error.parse && model.pgdError) return model.pgdError;
  if (error.maxlength) return `Escriba como máximo ${attrs.ngMaxlength} caracteres.`;
  const first = Object.keys(error).find(key => error[key]);
  return first ? 'El valor no es válido.' : '';
}

forms.directive('pgdInput', () => ({
  restrict: 'A',
  require: ['ngModel', '^^pgdTaskForm'],
  link(scope, element, attrs, [model, form]) {
    const input = element[0];
    const message = angular.element('<p class="help-block pgd-field-error" role="alert"></p>');
    const anchor = input.closest('.input-group') || input;
    angular.element(anchor).after(message);
    const group = angular.element(input.closest('.form-group') || anchor);
    let fromServer = null;

    const handle = {
      mark(text) {
        fromServer = text;
        scope.$applyAsync();
      },
      reveal() {
        input.scrollIntoView({ block: 'center' });
        input.focus();
      }
    };
    let forget = () => {};
    attrs.$observe('id', id => {
      forget();
      forget = id ? form.register(id, handle) : () => {};
    });
    scope.$on('$destroy', () => forget());
    model.$viewChangeListeners.push(() => {
      fromServer = null;
    });

    scope.$watch(() => {
      if (fromServer) return fromServer;
      return model.$invalid && (model.$touched || form.submitted) ? fieldMessage(model, attrs) : '';
    }, text => {
      message.text(text);
      group.toggleClass('has-error', Boolean(text));
      element.attr('aria-invalid', text ? 'true' : 'false');
    });
  }
}));

/** Reads what is typed with {@code read} (a values.js function) and shows the value with {@code show}. */
function typedValue(element, model, read, show) {
  model.$parsers.push(text => {
    const result = read(text);
    model.pgdError = result.error || null;
    return result.error ? undefined : result.value;
  });
  model.$formatters.push(show);
  element.on('blur', () => {
    if (model.$valid && model.$modelValue !== null && model.$modelValue !== undefined) {
      const shown = show(model.$modelValue);
      if (element.val() !== shown) {
        element.val(shown);
        model.$viewValue = shown;
      }
    }
  });
}

forms.directive('pgdNumber', () => ({
  restrict: 'A',
  require: 'ngModel',
  link(scope, element, attrs, model) {
    const money = 'pgdMoney' in attrs;
    const decimals = attrs.pgdNumber === '' ? (money ? 2 : 4) : Number(attrs.pgdNumber);
    const options = {
      decimals,
      money,
      min: attrs.pgdMin === undefined ? null : Number(attrs.pgdMin),
      max: attrs.pgdMax === undefined ? null : Number(attrs.pgdMax)
    };
    element.attr('inputmode', 'decimal');
    typedValue(element, model, text => parseNumber(text, options), value => formatNumber(value, money ? 2 : null));
  }
}));

forms.directive('pgdDate', ['$document', '$translate', ($document, $translate) => ({
  restrict: 'A',
  require: 'ngModel',
  link(scope, element, attrs, model) {
    typedValue(element, model, parseDate, formatDate);
    element.attr('placeholder', 'dd/mm/aaaa');
    element.attr('autocomplete', 'off');

    const wrapper = angular.element('<div class="input-group pgd-date"></div>');
    element.after(wrapper);
    wrapper.append(element);
    const toggle = angular.element('<span class="input-group-btn"><button type="button" class="btn btn-default '
      + 'pgd-calendar-toggle" tabindex="-1" aria-label="Abrir calendario" title="Calendario">'
      + '<span class="glyphicon glyphicon-calendar" aria-hidden="true"></span></button></span>');
    wrapper.append(toggle);
    const calendar = angular.element('<div class="pgd-calendar" role="dialog" aria-label="Calendario" hidden></div>');
    wrapper.append(calendar);

    const locale = () => ($translate.use() === 'en' ? 'en-US' : 'es-MX');
    let shown = null;

    function monthTitle(year, month) {
      return new Intl.DateTimeFormat(locale(), { month: 'long', year: 'numeric', timeZone: 'UTC' })
        .format(Date.UTC(year, month - 1, 1));
    }

    function weekdays() {
      const names = new Intl.DateTimeFormat(locale(), { weekday: 'short', timeZone: 'UTC' });
      // 2023-01-01 was a Sunday: the first column.
      return [1, 2, 3, 4, 5, 6, 7].map(day => names.format(Date.UTC(2023, 0, day)));
    }

    function render() {
      const selected = model.$modelValue;
      const today = new Date();
      const todayIso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-`
        + String(today.getDate()).padStart(2, '0');
      const head = `<div class="pgd-calendar-head">
          <button type="button" class="btn btn-link" data-step="-1" aria-label="Mes anterior">‹</button>
          <strong class="pgd-calendar-title"></strong>
          <button type="button" class="btn btn-link" data-step="1" aria-label="Mes siguiente">›</button>
        </div>`;
      const rows = monthWeeks(shown.year, shown.month).map(week => '<tr>' + week.map(iso => {
        if (!iso) return '<td></td>';
        const classes = ['btn', 'btn-link', iso === selected ? 'active' : '', iso === todayIso ? 'pgd-today' : '']
          .join(' ');
        return `<td><button type="button" class="${classes}" data-date="${iso}">${Number(iso.slice(8))}</button></td>`;
      }).join('') + '</tr>').join('');
      calendar.html(`${head}<table><thead><tr>${weekdays().map(name => `<th>${name}</th>`).join('')}</tr></thead>`
        + `<tbody>${rows}</tbody></table>`);
      calendar[0].querySelector('.pgd-calendar-title').textContent = monthTitle(shown.year, shown.month);
    }

    function open() {
      const current = dateParts(model.$modelValue);
      const year = Number(scope.$eval(attrs.pgdDateYear)) || new Date().getFullYear();
      const thisMonth = new Date().getFullYear() === year ? new Date().getMonth() + 1 : 1;
      shown = current ? { year: current.year, month: current.month } : { year, month: thisMonth };
      render();
      calendar.attr('hidden', null);
    }

    function close() {
      calendar.attr('hidden', 'hidden');
    }

    toggle.on('click', () => (calendar.attr('hidden') ? open() : close()));
    element.on('keydown', event => {
      if (event.key === 'ArrowDown' && event.altKey) open();
      if (event.key === 'Escape') close();
    });
    calendar.on('click', event => {
      const button = event.target.closest('button');
      if (!button) return;
      if (button.dataset.step) {
        const month = shown.month + Number(button.dataset.step);
        shown = { year: shown.year + Math.floor((month - 1) / 12), month: ((month - 1 + 12) % 12) + 1 };
        render();
      } else if (button.dataset.date) {
        const text = formatDate(button.dataset.date);
        element.val(text);
        scope.$apply(() => {
          model.$setViewValue(text);
          model.$setTouched();
        });
        close();
        element[0].focus();
      }
    });
    const outside = event => {
      if (!wrapper[0].contains(event.target)) close();
    };
    $document.on('mousedown', outside);
    scope.$on('$destroy', () => $document.off('mousedown', outside));
  }
})]);

forms.filter('pgdDate', () => formatDate);
forms.filter('pgdNumber', () => (value, decimals) => formatNumber(value, decimals === undefined ? null : decimals));
