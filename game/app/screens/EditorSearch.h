// State of the editor's Search panel (EditorSearch.cpp): the find and replace fields, the
// options, and the matches of the last search over the session's current model.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "counterplay/core/Model.h"
#include "counterplay/core/TextSearch.h"

namespace counterplay::app {

struct EditorSearchPanel {
    bool open = false;
    bool focusFind = false;  ///< put the keyboard in the find field next frame
    std::string find, replace;
    core::SearchOptions options;
    std::vector<core::TextMatch> matches;
    int current = -1;         ///< the match picked in the list (replace one replaces it)
    std::string searchedFor;  ///< the query of `matches`
    std::shared_ptr<const core::Scenario> searchedIn;  ///< the model `matches` came from
    std::string status;
};

}  // namespace counterplay::app
