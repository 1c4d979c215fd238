// The hand-off from home to clinic: a patient's session-record file, opened by staff, becomes
// the session the patient and clinician continue together, with nothing typed twice.
#pragma once
#include "engine/content/library.hpp"
#include "engine/store/session_store.hpp"

#include <string>

namespace bran {

struct HandOff {
    enum class Outcome { imported, already_here, refused };
    Outcome outcome = Outcome::refused;
    std::string session_id;
    Diagnostics problems;  // why it was refused, located in the file
};

// Imports a file holding one session. A file already imported opens the session as it is; one
// whose session has later answers from the clinic, or is for an aid version not known here, is
// refused with a message and nothing recorded is changed.
HandOff receive_from_home(const std::string& path, SessionStore& store, const Library& aids);

}  // namespace bran
