// Which characters the window's font atlas holds. Dear ImGui draws only the glyphs baked into its
// atlas; anything else shows as "?". The atlas holds the default Latin set, every character of the
// screens' own text, and every letter of the Welsh alphabet in either case, because a patient
// may type any of them (Ŵ and Ŷ once showed as "?").
#pragma once
#include <imgui.h>

#include <string>

namespace bran::gui {

// Fills `ranges` (kept by the caller for as long as the atlas is used).
void build_glyph_ranges(const std::string& screen_text, ImVector<ImWchar>& ranges);

}  // namespace bran::gui
