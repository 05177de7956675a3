// Enhancement for the account forms (they work without this file): after a refused submit, move the
// focus to the error summary so keyboard and screen-reader users start at the list of problems.
const summary = document.querySelector(".error-summary");
if (summary) summary.focus();
