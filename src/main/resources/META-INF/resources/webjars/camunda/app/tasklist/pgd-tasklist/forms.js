// The institute's task forms in Tasklist: embedded forms (forms/*.form.html, deployed with the
// processes) built from the parts of this folder. Loaded by scripts/config.js ("customScripts").
//
// Why embedded forms and not Camunda Forms: the Camunda Forms library that Tasklist 7.24 bundles
// (form-js 1.8) moves dates by a day in time zones west of UTC, over and over while a form stays open
// (bpmn-io/form-js#1223, fixed upstream only in 1.9.1), reads «250,000» as 250 and reinterprets
// typed dates, and Tasklist 7.24 cannot take a newer release of it. Embedded forms are Tasklist's
// other documented form technology: plain HTML whose inputs are ours, so what a person types is read
// by our own rules (values.js) and stored exactly. See README.md in this folder before upgrading.
import './module.js';
import './task-form.js';
import './fields.js';
import './views.js';
