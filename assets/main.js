// Default theme behaviour.
(function () {
  "use strict";
})();
