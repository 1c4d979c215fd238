// Runs inside headless Chromium, loaded by the page fill-lib.js writes (window.BRAN_LFORMS_INPUT
// comes from input.js). It renders the Questionnaire with LHC-Forms (LForms.Util.addFormToPage),
// fills it, and asks LHC-Forms for the QuestionnaireResponse it produces
// (LForms.Util.getFormFHIRData('QuestionnaireResponse', 'R4', element)).
// Two ways to fill (FILL_MODE in fill.sh):
//   model (default): what LHC-Forms' own widgets do when a user answers: set item.value on the
//     form's data model (for a list item, the very answer object of item.answers the dropdown
//     would pick) and call lhcFormData.updateOnSourceItemChange(item), then let Angular re-render.
//   prepopulate: addFormToPage(q, el, {questionnaireResponse}) with a response built from
//     ANSWERS.json, merged in by LHC-Forms (mergeQuestionnaireResponseToLForms).
// The outcome goes into the DOM, base64-encoded, for `chromium --dump-dom` to carry out:
//   <pre id="bran-status">done|error</pre> <pre id="bran-result">base64(JSON)</pre>
(function () {
  'use strict';
  var errors = [];
  var finished = false;
  function b64(s) { return btoa(unescape(encodeURIComponent(s))); }
  function str(e) {
    if (Array.isArray(e)) return e.map(str).join('; ');
    if (e instanceof Error) return String(e.stack || e);
    if (e && typeof e === 'object' && e.message) return String(e.message) + (e.stack ? ' ' + e.stack : '');
    return typeof e === 'string' ? e : JSON.stringify(e);
  }
  function finish(status, payload) {
    if (finished) return;
    finished = true;
    document.getElementById('bran-result').textContent = b64(JSON.stringify(payload));
    document.getElementById('bran-status').textContent = status;
  }
  function fail(what) {
    errors.push(String(what));
    finish('error', { errors: errors });
  }
  window.addEventListener('error', function (e) {
    fail('page error: ' + (e.message || e) + (e.filename ? ' at ' + e.filename + ':' + e.lineno : ''));
  });
  window.addEventListener('unhandledrejection', function (e) { fail('unhandled rejection: ' + str(e.reason)); });
  // The page's CSP allows file: only; anything that tries to reach the network is an error.
  document.addEventListener('securitypolicyviolation', function (e) {
    fail('blocked a network request (the harness is offline): ' + e.blockedURI + ' (' + e.violatedDirective + ')');
  });
  var consoleErrors = [];
  var origError = console.error;
  console.error = function () {
    consoleErrors.push(Array.prototype.map.call(arguments, str).join(' '));
    return origError.apply(console, arguments);
  };
  function later(f) { setTimeout(function () { try { f(); } catch (e) { fail(str(e)); } }, 100); }

  // The LHC-Forms value for an answer: a list item's value is one of its item.answers objects.
  function lformsValue(item, a) {
    if (Array.isArray(item.answers) && item.answers.length) {
      var matches = item.answers.filter(function (ans) {
        if (a.valueKey !== 'valueCoding') return ans.text === a.value && ans.code === undefined;
        return ans.code === a.value.code && (!a.value.system || ans.system === a.value.system);
      });
      if (matches.length !== 1)
        throw new Error('"' + a.linkId + '": LHC-Forms has ' + matches.length + ' list answers for ' +
          JSON.stringify(a.value) + '; its list is ' + JSON.stringify(item.answers));
      return matches[0];
    }
    if (a.valueKey === 'valueCoding')
      throw new Error('"' + a.linkId + '": LHC-Forms shows no answer list for this choice item');
    return a.value;
  }

  function fillModel(el, input) {
    var fd = el.querySelector('wc-lhc-form').lhcFormData;
    if (!fd || !Array.isArray(fd.itemList)) throw new Error('no LHC-Forms data model (wc-lhc-form.lhcFormData.itemList)');
    input.answers.forEach(function (a) {
      var items = fd.itemList.filter(function (it) { return it.linkId === a.linkId; });
      if (items.length !== 1) throw new Error('"' + a.linkId + '": LHC-Forms shows ' + items.length + ' items with this linkId');
      var item = items[0];
      if (item._readOnly) throw new Error('"' + a.linkId + '": LHC-Forms shows it read-only');
      item.value = lformsValue(item, a);
      fd.updateOnSourceItemChange(item); // as LhcDataService.onItemValueChange does for a widget
    });
    // The model changed outside Angular's zone: a (benign) focus event on a text field, which
    // Angular handles in its zone, makes it re-render the form with the new values.
    var text = el.querySelector('lhc-item-text textarea, lhc-input input');
    if (text) text.dispatchEvent(new Event('focus'));
  }

  function rendered(el) {
    return Array.prototype.map.call(el.querySelectorAll('input, textarea'), function (i) {
      if (i.type === 'radio' || i.type === 'checkbox') return i.checked ? (i.name || i.id) + ' checked #' +
        Array.prototype.indexOf.call(document.getElementsByName(i.name), i) : null;
      return i.value ? i.id + '=' + JSON.stringify(i.value) : null;
    }).filter(function (x) { return x; });
  }

  window.addEventListener('load', function () {
    try {
      var input = window.BRAN_LFORMS_INPUT;
      if (typeof LForms === 'undefined' || !LForms.Util || !LForms.FHIR || !LForms.FHIR.R4)
        return fail('LHC-Forms did not load (LForms, LForms.Util or LForms.FHIR.R4 missing)');
      var el = document.getElementById('form');
      var options = { fhirVersion: 'R4' };
      if (input.mode === 'prepopulate') options.questionnaireResponse = input.questionnaireResponse;
      else if (input.mode !== 'model') return fail('unknown FILL_MODE ' + input.mode);
      LForms.Util.addFormToPage(input.questionnaire, el, options).then(function () {
        later(function () {   // onFormReady has fired: the form is rendered
          if (input.mode === 'model') fillModel(el, input);
          later(function () {
            if (consoleErrors.length) return fail('LHC-Forms logged errors: ' + consoleErrors.join(' | '));
            var invalid = LForms.Util.checkValidity(el);
            if (invalid && invalid.length) return fail('LHC-Forms finds the filled form invalid: ' + JSON.stringify(invalid));
            var qr = LForms.Util.getFormFHIRData('QuestionnaireResponse', 'R4', el);
            if (!qr) return fail('LForms.Util.getFormFHIRData returned nothing');
            finish('done', {
              questionnaireResponse: qr,
              lformsVersion: LForms.lformsVersion || null,
              rendered: { items: el.querySelectorAll('lhc-item').length, fields: rendered(el) }
            });
          });
        });
      }, function (errs) {
        fail('LHC-Forms reported an error: ' + str(errs));
      });
    } catch (e) { fail('addFormToPage threw: ' + str(e)); }
  });
})();
