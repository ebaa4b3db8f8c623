// What a person types into a date or number field of the institute's forms, read exactly or refused
// with a Spanish message; never guessed. Plain functions, no AngularJS: the fields (fields.js) and a
// browser test of every rule (FieldValuesBrowserTest) use the same code.
//
// Dates are calendar dates. On screen they read day first, dd/mm/aaaa, as Mexico writes them; in the
// record they are the text YYYY-MM-DD. No JavaScript Date object is ever made from them, so the
// browser's time zone cannot move them by a day.
//
// Numbers use the decimal point and, if the person wants, commas (or spaces) between thousands, as
// Mexico writes them: 250,000.50. Anything else is refused rather than read as another number.

const DAY_FIRST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d+)$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_EXAMPLE = 'Escriba la fecha como dd/mm/aaaa (día, mes y año), p. ej. 15/03/2021.';

const MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre',
  'octubre', 'noviembre', 'diciembre'];

function pad(number, width) {
  return String(number).padStart(width, '0');
}

/** Days in a month of the Gregorian calendar (month 1–12). */
export function daysInMonth(year, month) {
  return [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30,
    31, 30, 31][month - 1];
}

/** The record's text of a calendar date: 2021-03-15. */
export function isoDate(year, month, day) {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The parts of a record's date, or null when the text is not one. */
export function dateParts(iso) {
  const match = typeof iso === 'string' ? ISO_DATE.exec(iso) : null;
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

const STAMP_WITH_OFFSET = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:?\d{2}|Z)$/;

/**
 * A record's date as people read it: 15/03/2021 (the text itself when it is not a date). A moment
 * written with its offset (a reporting date: 2021-03-31T09:00:00-06:00) reads as the day written in it,
 * the day where it was set, wherever it is read.
 */
export function formatDate(iso) {
  if (iso === null || iso === undefined || iso === '') return '';
  const stamp = typeof iso === 'string' ? STAMP_WITH_OFFSET.exec(iso) : null;
  const parts = dateParts(stamp ? stamp[1] : iso);
  return parts ? `${pad(parts.day, 2)}/${pad(parts.month, 2)}/${pad(parts.year, 4)}` : String(iso);
}

/**
 * Reads a typed date: {value: 'YYYY-MM-DD'}, {value: null} when the field is empty, or {error: '…'}.
 * Day first (15/03/2021, 15-03-2021, 15.03.2021, 1/3/2021) or the record's own form (2021-03-15).
 */
export function parseDate(text) {
  const typed = (text === null || text === undefined ? '' : String(text)).trim();
  if (typed === '') return { value: null };
  let year;
  let month;
  let day;
  const iso = ISO_DATE.exec(typed);
  const dayFirst = DAY_FIRST.exec(typed);
  if (iso) {
    [year, month, day] = iso.slice(1).map(Number);
  } else if (dayFirst) {
    day = Number(dayFirst[1]);
    month = Number(dayFirst[3]);
    if (dayFirst[4].length !== 4) return { error: `Escriba el año con cuatro dígitos. ${DATE_EXAMPLE}` };
    year = Number(dayFirst[4]);
  } else {
    return { error: DATE_EXAMPLE };
  }
  if (month < 1 || month > 12) {
    return { error: `No hay mes ${month}: la fecha va con el día primero. ${DATE_EXAMPLE}` };
  }
  if (day < 1 || day > daysInMonth(year, month)) {
    return { error: `${MONTHS[month - 1][0].toUpperCase() + MONTHS[month - 1].slice(1)} de ${year} no tiene día ${day}.` };
  }
  return { value: isoDate(year, month, day) };
}

const PLAIN = /^\d+(\.\d+)?$/;
const POINT_FIRST = /^\.\d+$/;
const COMMAS = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
const SPACES = /^\d{1,3}( \d{3})+(\.\d+)?$/;

function limitText(limit) {
  return new Intl.NumberFormat('es-MX', { maximumFractionDigits: 20 }).format(limit);
}

/**
 * Reads a typed number: {value: n}, {value: null} when empty, or {error: '…'}.
 * Options: decimals (most decimals allowed; 2 for money), min, max, money (a leading $ is allowed).
 */
export function parseNumber(text, options = {}) {
  const { decimals = 4, min = null, max = null, money = false } = options;
  let typed = (text === null || text === undefined ? '' : String(text)).trim().replace(/[\u00a0\u202f]/g, ' ');
  if (typed === '') return { value: null };
  let negative = false;
  if (typed.startsWith('-')) {
    negative = true;
    typed = typed.slice(1).trim();
  }
  if (money && typed.startsWith('$')) typed = typed.slice(1).trim();
  let digits;
  if (PLAIN.test(typed) || POINT_FIRST.test(typed)) {
    digits = typed;
  } else if (COMMAS.test(typed)) {
    digits = typed.replace(/,/g, '');
  } else if (SPACES.test(typed)) {
    digits = typed.replace(/ /g, '');
  } else {
    return {
      error: money
        ? 'Escriba solo dígitos y, si hay centavos, punto decimal; puede separar los miles con comas: 250,000.50.'
        : 'Escriba solo dígitos y, si hay decimales, punto decimal; puede separar los miles con comas: 1,500.5.'
    };
  }
  const fraction = digits.includes('.') ? digits.split('.')[1].length : 0;
  if (fraction > decimals) {
    return { error: decimals === 0 ? 'Escriba un número entero.' : `Escriba como máximo ${decimals} decimales.` };
  }
  const value = Number((negative ? '-' : '') + digits);
  if (min !== null && value < min) return { error: `El valor mínimo es ${limitText(min)}.` };
  if (max !== null && value > max) return { error: `El valor máximo es ${limitText(max)}.` };
  return { value: value === 0 ? 0 : value };
}

/**
 * A number as people read it, with commas between thousands: 250,000.00 with two decimals for money
 * (decimals = 2), as few as needed otherwise (1,500.5).
 */
export function formatNumber(value, decimals = null) {
  if (value === null || value === undefined || value === '') return '';
  const number = Number(value);
  if (!Number.isFinite(number)) return String(value);
  const digits = decimals === null ? { maximumFractionDigits: 4 }
    : { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
  return new Intl.NumberFormat('es-MX', digits).format(number);
}

/**
 * The weeks of a month for a calendar, Sunday first as Mexican calendars print them: rows of seven
 * record dates, null outside the month. Day of the week from the calendar's arithmetic in UTC, so the
 * browser's time zone plays no part.
 */
export function monthWeeks(year, month) {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const days = daysInMonth(year, month);
  const weeks = [];
  let week = new Array(first).fill(null);
  for (let day = 1; day <= days; day++) {
    week.push(isoDate(year, month, day));
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length) weeks.push(week.concat(new Array(7 - week.length).fill(null)));
  return weeks;
}
