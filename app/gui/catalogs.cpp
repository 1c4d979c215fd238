#include "app/gui/catalogs.hpp"

#include <iostream>

namespace bran::gui {

const Catalog& Catalogs::for_locale(const std::string& locale) {
    auto it = m_catalogs.find(locale);
    if (it == m_catalogs.end()) {
        Diagnostics problems;
        it = m_catalogs.emplace(locale, Catalog::load(m_folder, locale, problems)).first;
        for (const Diagnostic& d : problems.items()) std::cerr << d.to_line() << '\n';
    }
    return it->second;
}

}  // namespace bran::gui
