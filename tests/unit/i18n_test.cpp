// UI catalogs: the Welsh catalog is complete, every plural has the branches its language needs,
// Welsh sentences come out with the right mutations, and anything missing falls back to English.
#include "engine/i18n/catalog.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <set>
#include <string>
#include <vector>

using namespace bran;
namespace fs = std::filesystem;

namespace {

const std::string i18n_dir = BRAN_SOURCE_I18N_DIR;

nlohmann::ordered_json read_catalog(const std::string& tag) {
    std::ifstream in(fs::path(i18n_dir) / (tag + ".json"));
    REQUIRE(in);
    return nlohmann::ordered_json::parse(in);
}

std::vector<std::string> keys_of(const nlohmann::ordered_json& catalog) {
    std::vector<std::string> keys;
    for (const auto& item : catalog.items()) keys.push_back(item.key());
    return keys;
}

Catalog load_ok(const std::string& locale, const std::string& folder = i18n_dir) {
    Diagnostics out;
    Catalog catalog = Catalog::load(folder, locale, out);
    std::string problems;
    for (const auto& d : out.items()) problems += d.file + ": " + d.message + "\n";
    INFO(problems);
    REQUIRE(out.empty());
    return catalog;
}

std::size_t occurrences(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
    return n;
}

// The argument names a pattern uses: "{name}" and "{name, plural|select, ...".
std::set<std::string> argument_names(const std::string& pattern) {
    static const std::regex argument(R"(\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*[,}])");
    std::set<std::string> names;
    for (std::sregex_iterator it(pattern.begin(), pattern.end(), argument), end; it != end; ++it) names.insert((*it)[1]);
    return names;
}

class TempDir {
public:
    TempDir() {
        std::random_device random;
        m_path = fs::temp_directory_path() / ("bran-i18n-test-" + std::to_string(random()) + std::to_string(random()));
        fs::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string path() const { return m_path.string(); }
    void write(const std::string& name, const std::string& text) const {
        std::ofstream out(m_path / name, std::ios::binary);
        out << text;
    }

private:
    fs::path m_path;
};

}  // namespace

TEST_CASE("i18n: the Welsh catalog has every English key, in the same order, and no extra ones", "[i18n]") {
    const Catalog cy = load_ok("cy");
    CHECK(cy.locale() == "cy");
    CHECK(cy.missing_translations().empty());

    const auto en_keys = keys_of(read_catalog("en-GB"));
    const auto cy_keys = keys_of(read_catalog("cy"));
    const std::set<std::string> en_set(en_keys.begin(), en_keys.end());
    for (const std::string& key : cy_keys) {
        INFO("key only in cy.json: " << key);
        CHECK(en_set.count(key) == 1);
    }
    CHECK(cy_keys == en_keys);
}

TEST_CASE("i18n: Welsh patterns use the same arguments as English ones", "[i18n]") {
    const auto en = read_catalog("en-GB");
    const auto cy = read_catalog("cy");
    for (const auto& item : en.items()) {
        if (!cy.contains(item.key())) continue;
        INFO(item.key());
        CHECK(argument_names(cy[item.key()].get<std::string>()) == argument_names(item.value().get<std::string>()));
    }
}

TEST_CASE("i18n: plural keywords are Welsh's six and English's two", "[i18n]") {
    CHECK(plural_keywords("cy") == std::set<std::string>{"zero", "one", "two", "few", "many", "other"});
    CHECK(plural_keywords("en-GB") == std::set<std::string>{"one", "other"});
}

TEST_CASE("i18n: every plural pattern has a branch for every plural keyword of its language", "[i18n]") {
    for (const std::string tag : {"en-GB", "cy"}) {
        const std::set<std::string> keywords = plural_keywords(tag);
        REQUIRE_FALSE(keywords.empty());
        const auto catalog = read_catalog(tag);
        for (const auto& item : catalog.items()) {
            const std::string pattern = item.value().get<std::string>();
            const std::size_t plurals = occurrences(pattern, "plural");
            if (plurals == 0) continue;
            for (const std::string& keyword : keywords) {
                INFO(tag << " " << item.key() << ": needs a \"" << keyword << "\" branch in each of its " << plurals
                         << " plural(s)");
                CHECK(occurrences(pattern, " " + keyword + " {") >= plurals);
            }
        }
    }
}

TEST_CASE("i18n: no catalog value is empty, and no straight apostrophe can start ICU quoting", "[i18n]") {
    for (const std::string tag : {"en-GB", "cy"}) {
        const auto catalog = read_catalog(tag);
        for (const auto& item : catalog.items()) {
            INFO(tag << " " << item.key());
            REQUIRE(item.value().is_string());
            const std::string pattern = item.value().get<std::string>();
            CHECK_FALSE(pattern.empty());
            CHECK(pattern.find("'{") == std::string::npos);
            CHECK(pattern.find("'}") == std::string::npos);
            CHECK(pattern.find("''") == std::string::npos);
        }
    }
}

TEST_CASE("i18n: every key formats to a non-blank sentence in both languages", "[i18n]") {
    for (const std::string tag : {"en-GB", "cy"}) {
        const Catalog catalog = load_ok(tag);
        const auto patterns = read_catalog(tag);
        for (const std::string& key : catalog.keys()) {
            MessageArgs args;
            for (const std::string& name : argument_names(patterns[key].get<std::string>())) {
                if (name == "unit") args.push_back({name, std::string("years")});
                else if (name == "direction") args.push_back({name, std::string("fewer")});
                else if (name == "like" || name == "personal") args.push_back({name, std::string("yes")});
                else if (name == "outcome" || name == "time" || name == "name" || name == "names" || name == "label" ||
                         name == "rating" || name == "option" || name == "options" || name == "choice" || name == "other" || name == "numbers" ||
                         name == "reasons" || name == "answer" || name == "citation" || name == "year") {
                    args.push_back({name, std::string("x")});
                } else {
                    args.push_back({name, 3LL});
                }
            }
            const std::string text = catalog.text(key, args);
            INFO(tag << " " << key << " -> " << text);
            CHECK_FALSE(text.empty());
            CHECK(text != key);
            CHECK(text.find('{') == std::string::npos);
        }
        CHECK(catalog.fallbacks_used().empty());
    }
}

TEST_CASE("i18n: English counts decision aids in singular and plural", "[i18n]") {
    const Catalog en = load_ok("en-GB");
    CHECK(en.text("home.count", {{"count", 1LL}}) == "There is 1 decision aid.");
    CHECK(en.text("home.count", {{"count", 5LL}}) == "There are 5 decision aids.");
}

TEST_CASE("i18n: Welsh counts decision aids with the right form after each number", "[i18n]") {
    const Catalog cy = load_ok("cy");
    CHECK(cy.text("home.count", {{"count", 0LL}}) == "Does dim cymorth penderfynu.");
    CHECK(cy.text("home.count", {{"count", 1LL}}) == "Mae 1 cymorth penderfynu.");
    CHECK(cy.text("home.count", {{"count", 2LL}}) == "Mae 2 gymorth penderfynu.");
    CHECK(cy.text("home.count", {{"count", 3LL}}) == "Mae 3 chymorth penderfynu.");
    CHECK(cy.text("home.count", {{"count", 6LL}}) == "Mae 6 chymorth penderfynu.");
    CHECK(cy.text("home.count", {{"count", 7LL}}) == "Mae 7 cymorth penderfynu.");
    CHECK(cy.fallbacks_used().empty());
}

TEST_CASE("i18n: Welsh question counts and time frames mutate after numbers", "[i18n]") {
    const Catalog cy = load_ok("cy");
    CHECK(cy.text("summary.knowledge", {{"correct", 1LL}, {"answered", 2LL}}) ==
          "Cawsoch chi 1 allan o 2 gwestiwn yn gywir.");
    CHECK(cy.text("summary.knowledge", {{"correct", 2LL}, {"answered", 3LL}}) ==
          "Cawsoch chi 2 allan o 3 chwestiwn yn gywir.");
    CHECK(cy.text("summary.knowledge", {{"correct", 4LL}, {"answered", 4LL}}) ==
          "Cawsoch chi 4 allan o 4 cwestiwn yn gywir.");
    CHECK(cy.text("summary.sure-conflict", {{"count", 2LL}}) ==
          "Rydych chi wedi ateb “Nac ydw” i 2 gwestiwn am ba mor sicr rydych chi’n teimlo. "
          "Siaradwch â’ch clinigydd am hyn.");

    auto time = [&](const char* unit, long long amount) {
        return cy.text("outcomes.time", {{"unit", std::string(unit)}, {"amount", amount}});
    };
    CHECK(time("weeks", 1) == "yn ystod yr wythnos nesaf");
    CHECK(time("weeks", 6) == "yn ystod y 6 wythnos nesaf");
    CHECK(time("months", 1) == "yn ystod y mis nesaf");
    CHECK(time("months", 2) == "yn ystod y 2 fis nesaf");
    CHECK(time("months", 3) == "yn ystod y 3 mis nesaf");
    CHECK(time("years", 1) == "yn ystod y flwyddyn nesaf");
    CHECK(time("years", 2) == "yn ystod y 2 flynedd nesaf");
    CHECK(time("years", 3) == "yn ystod y 3 blynedd nesaf");
    CHECK(time("years", 5) == "yn ystod y 5 mlynedd nesaf");
    CHECK(time("years", 10) == "yn ystod y 10 mlynedd nesaf");
    CHECK(time("years", 13) == "yn ystod y 13 blynedd nesaf");
}

TEST_CASE("i18n: the outcome sentence reads with a real outcome name in both languages", "[i18n]") {
    const Catalog en = load_ok("en-GB");
    const std::string en_time = en.text("outcomes.time", {{"unit", std::string("years")}, {"amount", 13LL}});
    CHECK(en_time == "in the next 13 years");
    CHECK(en.text("outcomes.sentence", {{"count", 6LL},
                                        {"denominator", 1000LL},
                                        {"outcome", std::string("die from prostate cancer")},
                                        {"time", en_time}}) ==
          "6 out of 1,000 people like you will die from prostate cancer in the next 13 years.");

    const Catalog cy = load_ok("cy");
    const std::string cy_time = cy.text("outcomes.time", {{"unit", std::string("years")}, {"amount", 13LL}});
    CHECK(cy_time == "yn ystod y 13 blynedd nesaf");
    const std::string outcome = "marw o ganser y prostad";
    CHECK(cy.text("outcomes.sentence", {{"count", 6LL}, {"denominator", 1000LL}, {"outcome", outcome}, {"time", cy_time}}) ==
          "Bydd 6 o bob 1,000 o bobl fel chi yn marw o ganser y prostad yn ystod y 13 blynedd nesaf.");
    CHECK(cy.text("outcomes.sentence", {{"count", 1LL}, {"denominator", 1000LL}, {"outcome", outcome}, {"time", cy_time}}) ==
          "Bydd 1 o bob 1,000 o bobl fel chi yn marw o ganser y prostad yn ystod y 13 blynedd nesaf.");
    CHECK(cy.text("outcomes.sentence", {{"count", 0LL}, {"denominator", 1000LL}, {"outcome", outcome}, {"time", cy_time}}) ==
          "Fydd dim un o bob 1,000 o bobl fel chi yn marw o ganser y prostad yn ystod y 13 blynedd nesaf.");
    CHECK(cy.text("outcomes.heading", {{"outcome", outcome}}) == "Beth all ddigwydd: marw o ganser y prostad");
    CHECK(cy.fallbacks_used().empty());
}

TEST_CASE("i18n: a key missing in Welsh shows the English text and is listed, never a blank", "[i18n]") {
    TempDir dir;
    auto en = read_catalog("en-GB");
    auto cy = read_catalog("cy");
    cy.erase("home.heading");
    dir.write("en-GB.json", en.dump());
    dir.write("cy.json", cy.dump());

    const Catalog catalog = load_ok("cy", dir.path());
    CHECK(catalog.missing_translations() == std::vector<std::string>{"home.heading"});
    CHECK(catalog.text("home.open") == "Dechrau");
    CHECK(catalog.fallbacks_used().empty());
    CHECK(catalog.text("home.heading") == "Choose a decision aid");
    CHECK(catalog.fallbacks_used() == std::vector<std::string>{"home.heading"});

    // A key nobody has shows the key itself rather than nothing.
    CHECK(catalog.text("no.such-key") == "no.such-key");
    CHECK(catalog.fallbacks_used() == std::vector<std::string>{"home.heading", "no.such-key"});
}

TEST_CASE("i18n: an unknown locale falls back to English", "[i18n]") {
    const Catalog fr = load_ok("fr");
    CHECK(fr.locale() == "en-GB");
    CHECK(fr.text("home.heading") == "Choose a decision aid");
    CHECK(fr.text("home.count", {{"count", 2LL}}) == "There are 2 decision aids.");
    CHECK(fr.missing_translations().empty());

    // A regional Welsh tag finds the Welsh catalog through its language.
    const Catalog cy_gb = load_ok("cy-GB");
    CHECK(cy_gb.text("home.open") == "Dechrau");
}

TEST_CASE("i18n: numbers and dates are formatted the Welsh way", "[i18n]") {
    CHECK(format_integer("cy", 1000) == "1,000");
    CHECK(format_integer("en-GB", 1000) == "1,000");
    CHECK(format_long_date("cy", "2026-11-23") == "23 Tachwedd 2026");
    CHECK(format_long_date("cy", "2026-03-01T10:00:00Z") == "1 Mawrth 2026");
    CHECK(format_long_date("en-GB", "2026-11-23") == "23 November 2026");
}

TEST_CASE("i18n: the icon arrays' key names shapes, not shades, and has no double negative", "[i18n]") {
    // An outcome may itself be put negatively ("not have their prostate problem get worse"): the
    // key once read "... who will not have their problem get worse. A light circle is someone who
    // will not." And in high contrast the "dark" icons are the light ones.
    const std::string negative = "not have their prostate problem get worse";
    for (const char* locale : {"en-GB", "cy"}) {
        const Catalog words = load_ok(locale);
        for (const char* key : {"outcomes.legend-good", "outcomes.legend-bad"}) {
            const std::string legend = words.text(key, {{"outcome", negative}});
            INFO(locale << " " << key << ": " << legend);
            std::size_t mentions = 0;
            for (auto at = legend.find(negative); at != std::string::npos; at = legend.find(negative, at + 1)) ++mentions;
            CHECK(mentions == 1);
            for (const char* shade : {"dark", "light", "tywyll", "golau"}) CHECK(legend.find(shade) == std::string::npos);
            CHECK(legend.find(" will not.") == std::string::npos);
        }
    }
}
