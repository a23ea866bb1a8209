// fake-sap console: the little that needs a script; every page works without it
document.addEventListener("DOMContentLoaded", () => {
  // the client switcher changes the client at once
  for (const select of document.querySelectorAll("select[data-autosubmit]")) {
    select.addEventListener("change", () => select.form.submit());
  }
  // collapse or expand every segment of the tree
  for (const button of document.querySelectorAll("[data-toggle-segments]")) {
    button.addEventListener("click", () => {
      const open = button.dataset.toggleSegments === "open";
      for (const details of document.querySelectorAll("#segment-tree details")) {
        details.open = open;
      }
    });
  }
});
