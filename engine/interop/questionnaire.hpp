// An aid as the FHIR R4 Questionnaire its session records name (`questionnaire`:
// urn:bran:decision-aid:<id>|<version>), so that a FHIR server, an electronic record or a forms
// renderer can tell what each answer means, and a response filled in by another tool can be
// imported and audited like one of bran's own.
#pragma once
#include "engine/content/aid.hpp"
#include "engine/i18n/catalog.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <string>

namespace bran {

// The canonical URL every session record's `questionnaire` names, before its "|<version>".
std::string questionnaire_url(const Aid& aid);

// Items with exactly the linkIds of shared/spec/session-record.md, flat, in the order the steps
// ask them. Text is in en-GB, the aid's other languages in FHIR translation extensions; `words`
// holds the catalog of every language the aid has (en-GB at least), for the questions bran asks
// of every aid (SURE, leaning, the rating scale). The aid's review dates and sources go in the
// Questionnaire's own fields where FHIR R4 has them (lastReviewDate), else in its standard
// extensions (cqf-relatedArtifact for each source).
nlohmann::json to_questionnaire(const Aid& aid, const std::map<std::string, const Catalog*>& words);

}  // namespace bran
