// The words of every language the window offers, each loaded the first time it is shown.
#pragma once
#include "engine/i18n/catalog.hpp"

#include <map>
#include <string>

namespace bran::gui {

class Catalogs {
public:
    explicit Catalogs(std::string folder) : m_folder(std::move(folder)) {}
    // Problems loading a catalog go to standard error once, when it is first loaded.
    const Catalog& for_locale(const std::string& locale);

private:
    std::string m_folder;
    std::map<std::string, Catalog> m_catalogs;
};

}  // namespace bran::gui
