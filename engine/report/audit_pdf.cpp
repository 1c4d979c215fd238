#include "engine/report/audit_pdf.hpp"

#include "engine/core/errors.hpp"
#include "engine/core/files.hpp"
#include "engine/report/pdf_view_blocks.hpp"

namespace bran {

namespace {

void lay_out(const AuditReportDocument& doc, PdfFlow& flow) {
    const TextBlock title = flow.block(doc.words.text("audit.report.title"), TextStyle::title, flow.width(), ink::heading);
    if (flow.drawing()) title.draw(flow.cr(), flow.left(), flow.y());
    flow.move_down(title.height() + 0.3 * flow.line());
    flow.paragraph(doc.words.text("audit.report.made", {{"version", std::string(BRAN_VERSION)}, {"date", doc.made_on},
                                                         {"database", doc.database}}));
    // The screen's choices are not for paper; the ones in force say what the figures are of.
    std::string in_force;
    for (const Block& block : doc.view.blocks) {
        const auto* b = std::get_if<ButtonBlock>(&block);
        if (b && b->look == ButtonBlock::Look::toggle && b->chosen) in_force += (in_force.empty() ? "" : " · ") + b->label;
    }
    if (!in_force.empty()) flow.paragraph(in_force, TextStyle::strong);
    for (std::size_t i = 0; i < doc.view.blocks.size(); ++i) {
        const Block& block = doc.view.blocks[i];
        if (const auto* w = std::get_if<WordsBlock>(&block)) {
            // A heading stays with the plot after it (a plot is never split).
            if (i + 1 < doc.view.blocks.size() && std::holds_alternative<FunnelBlock>(doc.view.blocks[i + 1])) {
                flow.ensure(funnel_height(flow, std::get<FunnelBlock>(doc.view.blocks[i + 1])) + 3 * flow.line());
            }
            // The view's own heading is the report's title.
            if (w->emphasis != Emphasis::heading) print_words(flow, *w);
        } else if (const auto* t = std::get_if<TableBlock>(&block)) {
            print_table(flow, *t);
        } else if (const auto* f = std::get_if<FunnelBlock>(&block)) {
            print_funnel(flow, *f);
        }
    }
}

}  // namespace

std::string render_audit_pdf(const AuditReportDocument& doc) {
    const auto footer = [&doc](int page, int pages) {
        return doc.words.text("take-home.page", {{"page", static_cast<long long>(page)}, {"pages", static_cast<long long>(pages)}});
    };
    return render_pdf(doc.words.text("audit.report.title"), doc.words.locale(), PrintSize::staff, footer,
                      [&doc](PdfFlow& flow) { lay_out(doc, flow); }, "the audit report");
}

void write_audit_pdf(const AuditReportDocument& doc, const std::string& path) {
    std::string bytes;
    try {
        bytes = render_audit_pdf(doc);
    } catch (const IoError& e) {
        throw IoError(path + ": " + e.what());
    }
    write_file_atomically(path, bytes);
}

}  // namespace bran
