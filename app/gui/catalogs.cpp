#include "app/gui/catalogs.hpp"

#include "app/cli/command_edge.hpp"

namespace bran::gui {

const Catalog& Catalogs::for_locale(const std::string& locale) {
    auto it = m_catalogs.find(locale);
    if (it == m_catalogs.end()) {
        Diagnostics problems;
        it = m_catalogs.emplace(locale, Catalog::load(m_folder, locale, problems)).first;
        cli::print_diagnostics(problems);
    }
    return it->second;
}

}  // namespace bran::gui
