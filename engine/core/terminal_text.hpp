// Text from a database or an imported file, made safe to print on a terminal: a control character
// in it could move the cursor, recolour the screen or hide what follows (an escape sequence).
#pragma once
#include <string>
#include <string_view>

namespace bran {

// The text with every C0 control (tab and newline too: a printed cell or message is one line),
// DEL and C1 control shown as a visible escape (\x1b, \x7f, \u009b), and each byte that is not
// part of valid UTF-8 shown as U+FFFD. Everything else is unchanged.
std::string terminal_safe(std::string_view text);

}  // namespace bran
