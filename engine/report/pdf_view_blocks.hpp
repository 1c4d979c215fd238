// A view's blocks on paper: the words, staff tables and funnel plots as the window shows them,
// for every printed document (the take-home summary, the audit report).
#pragma once
#include "engine/report/pdf_layout.hpp"
#include "engine/view/screen_view.hpp"

namespace bran {

void print_words(PdfFlow& flow, const WordsBlock& w);
// A point of a list, with its bullet.
void bullet_point(PdfFlow& flow, const std::string& text);
// Rows never split; the headings again at the top of each page the table runs on to.
void print_table(PdfFlow& flow, const TableBlock& table);
// The plot with its title, then its findings and key in words, kept together.
void print_funnel(PdfFlow& flow, const FunnelBlock& funnel);
// The height print_funnel takes.
double funnel_height(const PdfFlow& flow, const FunnelBlock& funnel);

}  // namespace bran
