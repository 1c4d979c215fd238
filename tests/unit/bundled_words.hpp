// The bundled catalog of one language, loaded for a test that must fail if it has a problem.
#pragma once
#include "engine/i18n/catalog.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace bran::test {

inline Catalog bundled_words(const std::string& locale = "en-GB") {
    Diagnostics problems;
    Catalog catalog = Catalog::load(BRAN_SOURCE_I18N_DIR, locale, problems);
    REQUIRE(problems.empty());
    return catalog;
}

}  // namespace bran::test
