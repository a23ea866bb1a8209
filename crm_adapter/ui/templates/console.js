// The CRM console's only script: a status filter shows its page as soon as it is changed.
// Every page works without it (each filter also has a Show button).
document.addEventListener("DOMContentLoaded", () => {
  for (const select of document.querySelectorAll("select[data-autosubmit]")) {
    select.addEventListener("change", () => select.form.submit());
  }
});
